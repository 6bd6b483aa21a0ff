import "server-only";
/**
 * One customer organisation's SLA report for a month (customer admin of it, or provider admin).
 * The customer admin's copy says that a ticket was taken out of measurement, not the agents' note
 * of why (issue 14: the reclassification reason is internal); provider admins see the note.
 */
import { isStaff, type Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { requireReadableOrganization } from "../tickets/scope";
import { reportViews, type ReportView } from "./report-views";
import type { ReportFigures } from "./figures";
import { diffFigures } from "./differences";
import { storedExclusionReason } from "./format";

/** What a customer reads for a reclassified ticket in place of the agents' reason. */
export const CUSTOMER_EXCLUSION_REASON = storedExclusionReason("report.exclusion.customer");

function forCustomer(f: ReportFigures): ReportFigures {
  return { ...f, exclusions: f.exclusions.map((e) => (e.state === "EXCLUDED" ? { ...e, reason: CUSTOMER_EXCLUSION_REASON } : e)) };
}

function customerReportView(view: ReportView): ReportView {
  const figures = forCustomer(view.figures);
  const fresh = view.fresh ? forCustomer(view.fresh) : null;
  return { ...view, figures, fresh, differences: fresh ? diffFigures(figures, fresh) : [] };
}
import { OrganizationMonthSchema, type OrganizationMonthInput } from "./schemas";

export async function getOrganizationReport({ actor, input, ctx }: { actor: Actor; input: OrganizationMonthInput; ctx: UseCaseContext }): Promise<ReportView> {
  const { organizationId, month } = parseInput(OrganizationMonthSchema, input);
  const org = await requireReadableOrganization(ctx.prisma, actor, organizationId);
  const [view] = await reportViews(ctx.prisma, month, ctx.now(), [org.id]);
  if (!view) throw notFound("Report");
  return isStaff(actor) ? view : customerReportView(view);
}
