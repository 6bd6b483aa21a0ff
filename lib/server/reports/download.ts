import "server-only";
/**
 * The report downloads (CSV, PDF) behind the signed-in session: not signed in → the sign-in page;
 * a report the person may not see, or a malformed month → 404.
 */
import { getActor } from "../auth/session";
import { AppError } from "../errors";
import { defaultContext } from "../tickets/context";
import { getOrganizationReport } from "./get-organization-report";
import { MonthSchema } from "./month";
import type { ReportView } from "./report-views";
import { reportOrganizationFor } from "./report-target";

const notFoundResponse = () => new Response("Fant ikke rapporten", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function reportDownload(
  request: Request,
  monthParam: string,
  render: (view: ReportView) => Promise<{ body: BodyInit; contentType: string; extension: string }>,
): Promise<Response> {
  const actor = await getActor();
  const url = new URL(request.url);
  if (!actor) return Response.redirect(new URL(`/api/auth/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`, url), 303);
  const month = MonthSchema.safeParse(monthParam);
  const organizationId = reportOrganizationFor(actor, url.searchParams.get("organization") ?? undefined);
  if (!month.success || !organizationId) return notFoundResponse();
  let view: ReportView;
  try {
    view = await getOrganizationReport({ actor, input: { organizationId, month: month.data }, ctx: defaultContext() });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return notFoundResponse();
    throw error;
  }
  const { body, contentType, extension } = await render(view);
  const name = view.figures.organization.name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="sla-rapport-${name}-${month.data}.${extension}"`,
      "cache-control": "no-store",
    },
  });
}
