import "server-only";
/** The month's credit under the agreement's scheme, via lib/sla computeCredit, in øre. */
import { computeCredit, computeServicePeriodRefund, validateCreditScheme, type CreditResult, type CreditScheme, type MonthUptimeHours, type SodvinRefundScheme } from "../../sla";
import { t } from "../../i18n";
import type { CreditFigures, ServicePeriodFigure, UptimeFigures } from "./figures";

/** A quarterly refund: the quarter's months, and the uptime hours of its months up to the report's month. */
export interface ServicePeriodInput {
  months: string[];
  soFar: MonthUptimeHours[];
}

export function computeCreditFigures(scheme: CreditScheme | null, withinTargetPercent: number, uptime: UptimeFigures, monthlyFeeOre: number | null, servicePeriod?: ServicePeriodInput): CreditFigures {
  const effective: CreditScheme = scheme ?? { kind: "none" };
  validateCreditScheme(effective);
  if (effective.kind === "sodvin_refund" && effective.servicePeriod === "quarter" && servicePeriod) return quarterCreditFigures(effective, uptime, monthlyFeeOre, servicePeriod);
  const sodvinHours = effective.kind === "sodvin_refund" && uptime.totalMinutes > 0 ? { operatingHours: uptime.totalMinutes / 60, downtimeHours: uptime.downtimeMinutes / 60 } : {};
  const result = computeCredit(effective, {
    withinTargetPercent,
    uptimePercent: uptime.percent,
    monthlyFee: monthlyFeeOre ?? 0,
    ...sodvinHours,
  });
  return creditFigures(effective.kind, result, monthlyFeeOre);
}

function creditFigures(scheme: string, result: CreditResult, monthlyFeeOre: number | null): CreditFigures {
  const feeKnown = monthlyFeeOre !== null;
  return {
    scheme,
    monthlyFeeOre,
    percent: result.percent,
    amountOre: feeKnown && result.amount !== null ? Math.round(result.amount) : null,
    undefinedGap: result.undefinedGap === true,
    lines: result.lines.map((l) => ({ label: l.label, reason: l.reason, percent: l.percent, amountOre: Math.round(l.amount) })),
    // Stored in Norwegian as before; the pages, CSV and PDF show creditNoteText in the reader's language.
    note: result.undefinedGap ? t("nb", "report.credit.noteGap") : feeKnown ? null : t("nb", "report.credit.noteNoFee"),
  };
}

/**
 * Sodvin's refund over the quarter (001 §7.2): in the quarter's first two months no credit line
 * (the month's uptime is shown, the refund is settled later); in its last month the refund with
 * V = 3 × monthly fee and D, N summed over the quarter's months (lib/sla computeServicePeriodRefund).
 */
function quarterCreditFigures(scheme: SodvinRefundScheme, uptime: UptimeFigures, monthlyFeeOre: number | null, input: ServicePeriodInput): CreditFigures {
  const operatingHours = input.soFar.reduce((s, m) => s + m.operatingHours, 0);
  const downtimeHours = input.soFar.reduce((s, m) => s + m.downtimeHours, 0);
  const monthsSoFar = input.soFar.map((m) => m.month);
  const settles = monthsSoFar.length === input.months.length;
  const periodFeeOre = monthlyFeeOre === null ? null : monthlyFeeOre * 3;
  const figure: ServicePeriodFigure = { kind: "quarter", months: input.months, monthsSoFar, settles, periodFeeOre, operatingHours, downtimeHours };
  if (!settles) {
    return { scheme: scheme.kind, monthlyFeeOre, percent: null, amountOre: null, undefinedGap: false, lines: [], note: null, servicePeriod: figure };
  }
  // A quarter with no operating hours at all (no coverage) has nothing to refund against: the uptime percentage then stands in, as for a month.
  const result =
    operatingHours > 0
      ? computeServicePeriodRefund(scheme, { periodFee: periodFeeOre ?? 0, months: input.soFar })
      : computeCredit(scheme, { uptimePercent: uptime.percent, monthlyFee: periodFeeOre ?? 0 });
  return { ...creditFigures(scheme.kind, result, monthlyFeeOre), servicePeriod: figure };
}
