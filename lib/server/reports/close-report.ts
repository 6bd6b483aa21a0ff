import "server-only";
/**
 * Closes a customer's month (provider admins): the figures and everything they were computed from
 * (agreement version, calendar, incidents, maintenance windows, ticket counts) are frozen, so later
 * edits never change an issued credit. Closing a closed month is a conflict.
 */
import type { Actor } from "../actor";
import { conflict, notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireReadableOrganization, requireRole } from "../tickets/scope";
import { computeMonthReports } from "./compute-reports";
import type { ReportView } from "./report-views";
import { OrganizationMonthSchema, type OrganizationMonthInput } from "./schemas";
import { closeReport } from "./stored-reports";
import type { ReportFigures } from "./figures";
import { monthBounds } from "./month";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { writeAudit } from "../audit/write-audit";

export async function closeMonthlyReport({ actor, input, ctx }: { actor: Actor; input: OrganizationMonthInput; ctx: UseCaseContext }): Promise<ReportView> {
  requireRole(actor, PROVIDER_ADMIN, "Report");
  const { organizationId, month } = parseInput(OrganizationMonthSchema, input);
  const org = await requireReadableOrganization(ctx.prisma, actor, organizationId);
  const now = ctx.now();
  if (now < monthBounds(month).to) throw conflict(`${month} is not over yet and cannot be closed`);
  const [report] = await computeMonthReports(ctx.prisma, { month, now, organizationIds: [org.id] });
  if (!report) throw notFound("Report");
  const closed = await ctx.prisma.$transaction(async (tx) => {
    const row = await closeReport(tx, report, actor.userId, now);
    if (row) {
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "report.close",
        targetType: "MonthlyReport",
        targetId: `${org.id}/${month}`,
        organizationId: org.id,
        before: { month, status: "DRAFT" },
        after: { month, status: "CLOSED" },
      });
    }
    return row;
  }, TRANSACTION_OPTIONS);
  if (!closed) throw conflict(`The report for ${month} is already closed`);
  return {
    status: "CLOSED",
    figures: closed.figures as unknown as ReportFigures,
    closedAt: closed.closedAt?.toISOString() ?? null,
    closedById: closed.closedById,
    fresh: null,
    differences: [],
  };
}
