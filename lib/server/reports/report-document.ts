import "server-only";
/** What the report's PDF shows besides the month's figures: the 12-month chart and the provider that sends it. */
import type { Actor } from "../actor";
import type { Locale } from "../../i18n";
import type { UseCaseContext } from "../tickets/context";
import { getComplianceHistory } from "./get-compliance-history";
import type { Month } from "./month";
import { providerName } from "./provider-name";
import type { ReportDocument } from "./report-pdf";
import type { ReportView } from "./report-views";

export async function reportDocument({
  view,
  locale,
  actor,
  input,
  ctx,
}: {
  view: ReportView;
  locale: Locale;
  actor: Actor;
  input: { organizationId: string; month: Month };
  ctx: UseCaseContext;
}): Promise<ReportDocument> {
  const [history, provider] = await Promise.all([getComplianceHistory({ actor, input, ctx }), providerName(ctx.prisma)]);
  return { figures: view.figures, status: view.status, history, providerName: provider, locale };
}
