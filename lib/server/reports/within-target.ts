import "server-only";
/**
 * Share of measured tickets within target from SQL counts, with lib/sla computeCompliance's rule:
 * a month with no measured tickets is 100 % (nothing was late). lib/sla only takes a ticket list.
 */
export function withinTargetPercent(met: number, measured: number): number {
  return measured === 0 ? 100 : (met / measured) * 100;
}
