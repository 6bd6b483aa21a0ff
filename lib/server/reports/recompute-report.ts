import "server-only";
/**
 * Recomputes a month's report on demand (provider admins): an open month's draft is replaced; a
 * closed month is never overwritten: the fresh figures come back next to the frozen ones.
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireReadableOrganization, requireRole } from "../tickets/scope";
import { computeMonthReports } from "./compute-reports";
import { reportViews, type ReportView } from "./report-views";
import { OrganizationMonthSchema, type OrganizationMonthInput } from "./schemas";
import { saveDraftReport } from "./stored-reports";

export async function recomputeMonthlyReport({ actor, input, ctx }: { actor: Actor; input: OrganizationMonthInput; ctx: UseCaseContext }): Promise<ReportView> {
  requireRole(actor, PROVIDER_ADMIN, "Report");
  const { organizationId, month } = parseInput(OrganizationMonthSchema, input);
  const org = await requireReadableOrganization(ctx.prisma, actor, organizationId);
  const now = ctx.now();
  const [report] = await computeMonthReports(ctx.prisma, { month, now, organizationIds: [org.id] });
  if (!report) throw notFound("Report");
  const saved = await saveDraftReport(ctx.prisma, report, now);
  if (saved === "saved") return { status: "DRAFT", figures: report.figures, closedAt: null, closedById: null, fresh: null, differences: [] };
  const [view] = await reportViews(ctx.prisma, month, now, [org.id]);
  if (!view) throw notFound("Report");
  return view;
}
