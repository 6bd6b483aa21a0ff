/** One customer organisation's SLA report for a month (customer admin of it, or provider admin). */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { requireReadableOrganization } from "./access";
import { reportViews, type ReportView } from "./report-views";
import { OrganizationMonthSchema, type OrganizationMonthInput } from "./schemas";

export async function getOrganizationReport({ actor, input, ctx }: { actor: Actor; input: OrganizationMonthInput; ctx: UseCaseContext }): Promise<ReportView> {
  const { organizationId, month } = parseInput(OrganizationMonthSchema, input);
  const org = await requireReadableOrganization(ctx.prisma, actor, organizationId);
  const [view] = await reportViews(ctx.prisma, month, ctx.now(), [org.id]);
  if (!view) throw notFound("Report");
  return view;
}
