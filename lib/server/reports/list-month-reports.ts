import "server-only";
/** Every customer's figures for a month, with the credit lines for invoicing (provider admins). */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { reportViews, type ReportView } from "./report-views";
import { MonthInputSchema, type MonthInput } from "./schemas";

export async function listMonthReports({ actor, input, ctx }: { actor: Actor; input: MonthInput; ctx: UseCaseContext }): Promise<ReportView[]> {
  requireRole(actor, PROVIDER_ADMIN, "Report");
  const { month } = parseInput(MonthInputSchema, input);
  return reportViews(ctx.prisma, month, ctx.now());
}
