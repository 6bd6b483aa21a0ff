import "server-only";
/** The month's credit under the agreement's scheme, via lib/sla computeCredit, in øre. */
import { computeCredit, validateCreditScheme, type CreditScheme } from "../../sla";
import { t } from "../../i18n";
import type { CreditFigures, UptimeFigures } from "./figures";

export function computeCreditFigures(scheme: CreditScheme | null, withinTargetPercent: number, uptime: UptimeFigures, monthlyFeeOre: number | null): CreditFigures {
  const effective: CreditScheme = scheme ?? { kind: "none" };
  validateCreditScheme(effective);
  const sodvinHours = effective.kind === "sodvin_refund" && uptime.totalMinutes > 0 ? { operatingHours: uptime.totalMinutes / 60, downtimeHours: uptime.downtimeMinutes / 60 } : {};
  const result = computeCredit(effective, {
    withinTargetPercent,
    uptimePercent: uptime.percent,
    monthlyFee: monthlyFeeOre ?? 0,
    ...sodvinHours,
  });
  const feeKnown = monthlyFeeOre !== null;
  return {
    scheme: effective.kind,
    monthlyFeeOre,
    percent: result.percent,
    amountOre: feeKnown && result.amount !== null ? Math.round(result.amount) : null,
    undefinedGap: result.undefinedGap === true,
    lines: result.lines.map((l) => ({ label: l.label, reason: l.reason, percent: l.percent, amountOre: Math.round(l.amount) })),
    // Stored in Norwegian as before; the pages, CSV and PDF show creditNoteText in the reader's language.
    note: result.undefinedGap ? t("nb", "report.credit.noteGap") : feeKnown ? null : t("nb", "report.credit.noteNoFee"),
  };
}
