import { computeCredit, type CreditResult, type SodvinRefundScheme } from "./credit";
import { SlaInputError } from "./errors";

/**
 * Sodvin's refund over its service period (001 §7.2): R = V · (1 − (D − N) / D / O) with V the fee
 * of the service period (TP, the invoice period: quarterly unless stated otherwise), D the
 * operating hours and N the downtime hours of the whole period, not of each month.
 */
export interface MonthUptimeHours {
  /** "YYYY-MM". */
  month: string;
  operatingHours: number;
  downtimeHours: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months of the service period that contains `month`, e.g. 2026-05 in a quarter → 2026-04…06. */
export function servicePeriodMonths(month: string, period: SodvinRefundScheme["servicePeriod"]): string[] {
  const m = MONTH.exec(month);
  if (!m) throw new SlaInputError("month", `expected YYYY-MM, got ${JSON.stringify(month)}`);
  if ((period ?? "month") === "month") return [month];
  const first = Math.floor((Number(m[2]) - 1) / 3) * 3 + 1;
  return [first, first + 1, first + 2].map((n) => `${m[1]}-${String(n).padStart(2, "0")}`);
}

export interface ServicePeriodRefund extends CreditResult {
  months: string[];
  operatingHours: number;
  downtimeHours: number;
}

/** The refund of one whole service period from its months' hours; every month of the period must be given once. */
export function computeServicePeriodRefund(scheme: SodvinRefundScheme, input: { periodFee: number; months: MonthUptimeHours[] }): ServicePeriodRefund {
  if (input.months.length === 0) throw new SlaInputError("months", "expected the months of the service period");
  const expected = servicePeriodMonths(input.months[0]!.month, scheme.servicePeriod);
  const given = input.months.map((m) => m.month).sort();
  if (JSON.stringify(given) !== JSON.stringify(expected)) {
    throw new SlaInputError("months", `expected the months ${expected.join(", ")} of the service period, got ${given.join(", ")}`);
  }
  const operatingHours = input.months.reduce((s, m) => s + m.operatingHours, 0);
  const downtimeHours = input.months.reduce((s, m) => s + m.downtimeHours, 0);
  const result = computeCredit(scheme, { monthlyFee: input.periodFee, operatingHours, downtimeHours });
  return { ...result, months: expected, operatingHours, downtimeHours };
}
