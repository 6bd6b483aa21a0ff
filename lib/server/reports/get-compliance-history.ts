import "server-only";
/** The share within target of one organisation's last 12 months (the report page's chart), in one grouped query. */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { requireReadableOrganization } from "../tickets/scope";
import { monthBounds, monthsEndingWith, type Month } from "./month";
import { OrganizationMonthSchema, type OrganizationMonthInput } from "./schemas";
import { countMonthlyCompliance } from "./ticket-counts";
import { withinTargetPercent } from "./within-target";

export interface ComplianceHistoryPoint {
  month: Month;
  measured: number;
  met: number;
  /** null when no ticket was measured that month. */
  percent: number | null;
}

export async function getComplianceHistory({ actor, input, ctx }: { actor: Actor; input: OrganizationMonthInput; ctx: UseCaseContext }): Promise<ComplianceHistoryPoint[]> {
  const { organizationId, month } = parseInput(OrganizationMonthSchema, input);
  const org = await requireReadableOrganization(ctx.prisma, actor, organizationId);
  const months = monthsEndingWith(month, 12);
  const period = { from: monthBounds(months[0]!).from, to: monthBounds(month).to };
  const counts = await countMonthlyCompliance(ctx.prisma, org.id, period, ctx.now());
  return months.map((m) => {
    const c = counts.get(m) ?? { met: 0, measured: 0 };
    return { month: m, met: c.met, measured: c.measured, percent: c.measured === 0 ? null : withinTargetPercent(c.met, c.measured) };
  });
}
