import "server-only";
/**
 * The report downloads (CSV, PDF) behind the signed-in session, in the reader's language: not
 * signed in → the sign-in page; a report the person may not see, or a malformed month → 404.
 */
import { t, toLocale, type Locale } from "../../i18n";
import type { Actor } from "../actor";
import { getActor } from "../auth/session";
import { AppError } from "../errors";
import { readContext, type UseCaseContext } from "../tickets/context";
import { getOrganizationReport } from "./get-organization-report";
import { MonthSchema, type Month } from "./month";
import type { ReportView } from "./report-views";
import { reportOrganizationFor } from "./report-target";

const notFoundResponse = (locale: Locale) => new Response(t(locale, "report.page.notFound"), { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** What a download renders: the report as the reader may see it, in their language. */
export interface ReportDownloadRequest {
  view: ReportView;
  locale: Locale;
  actor: Actor;
  input: { organizationId: string; month: Month };
  ctx: UseCaseContext;
}

export async function reportDownload(
  request: Request,
  monthParam: string,
  render: (download: ReportDownloadRequest) => Promise<{ body: BodyInit; contentType: string; extension: string }>,
): Promise<Response> {
  const actor = await getActor();
  const url = new URL(request.url);
  if (!actor) return Response.redirect(new URL(`/api/auth/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`, url), 303);
  const locale = toLocale(actor.locale);
  const month = MonthSchema.safeParse(monthParam);
  const organizationId = reportOrganizationFor(actor, url.searchParams.get("organization") ?? undefined);
  if (!month.success || !organizationId) return notFoundResponse(locale);
  const input = { organizationId, month: month.data };
  const ctx = await readContext();
  let view: ReportView;
  try {
    view = await getOrganizationReport({ actor, input, ctx });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return notFoundResponse(locale);
    throw error;
  }
  const { body, contentType, extension } = await render({ view, locale, actor, input, ctx });
  const name = view.figures.organization.name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${t(locale, "report.page.fileName")}-${name}-${month.data}.${extension}"`,
      "cache-control": "no-store",
    },
  });
}
