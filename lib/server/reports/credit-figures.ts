import "server-only";
/** The month's credit under the agreement's scheme, via lib/sla computeCredit, in øre. */
import { computeCredit, validateCreditScheme, type CreditScheme } from "../../sla";
import type { CreditFigures, UptimeFigures } from "./figures";

export function computeCreditFigures(scheme: CreditScheme | null, withinTargetPercent: number, uptime: UptimeFigures, monthlyFeeOre: number | null): CreditFigures {
  const effective: CreditScheme = scheme ?? { kind: "none" };
  validateCreditScheme(effective);
  const sodvinHours = effective.kind === "sodvin_refund" && uptime.totalMinutes > 0
    ? { operatingHours: uptime.totalMinutes / 60, downtimeHours: uptime.downtimeMinutes / 60 }
    : {};
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
    lines: result.lines.map((l) => ({ label: l.label, percent: l.percent, amountOre: Math.round(l.amount) })),
    note: result.undefinedGap
      ? "Oppetiden faller i et intervall avtalen ikke definerer: kreditt må avgjøres manuelt."
      : feeKnown
        ? null
        : "Ingen månedspris registrert for kunden: kreditten er bare vist i prosent.",
  };
}
