import { SlaInputError } from "./errors";

/**
 * Credit schemes of the agreements (SLA-RULES.md §4) as data, and the calculation that shows
 * every line. Percentages are of the monthly (period) fee; amounts are rounded to 2 decimals.
 */
export interface UptimeTier {
  /** Inclusive lower bound of uptime % for this tier (omitted: from 0). */
  minUptimePercent?: number;
  /** Exclusive upper bound of uptime % for this tier (omitted: up to and including 100). */
  belowUptimePercent?: number;
  /** Credit, % of the monthly fee. */
  percent: number;
}

/**
 * A claim rule (Pureservice 003 §4.3): the customer must claim the credit in writing within
 * `claimWithinDays` of the downtime, or the right to it lapses. Omitted: credited automatically.
 */
export interface CreditClaimRule {
  claimWithinDays?: number;
}

/** Sodvin's service period (001 §7.2 "kvartalsvis om ikke annet fremgår"); omitted: the month. */
export type ServicePeriod = "month" | "quarter";

export type CreditScheme =
  /** Netpower (000 §7, §10): perBreachPercent per breached condition, capped. */
  | ({ kind: "netpower"; perBreachPercent: number; capPercent: number; minWithinTargetPercent: number; minUptimePercent: number } & CreditClaimRule)
  /**
   * Uptime tiers (Pureservice 003 §4.5, Nettsoft 002 §6.6). Uptime that falls in no tier is a gap
   * the agreement leaves undefined: reported with `undefinedGap`, never guessed.
   */
  | ({ kind: "uptime_tiers"; tiers: UptimeTier[]; capPercent: number } & CreditClaimRule)
  /** Sodvin (001 §7.2): R = V · (1 − (D − N) / D / O), V the fee of the service period. */
  | ({ kind: "sodvin_refund"; agreedUptime: number; servicePeriod?: ServicePeriod } & CreditClaimRule)
  /** No financial credit in the agreement. */
  | { kind: "none" };

export type NetpowerCreditScheme = Extract<CreditScheme, { kind: "netpower" }>;
export type UptimeTiersCreditScheme = Extract<CreditScheme, { kind: "uptime_tiers" }>;
export type SodvinRefundScheme = Extract<CreditScheme, { kind: "sodvin_refund" }>;

export interface CreditInput {
  /** Share of the month's measured tickets that met the response target, %. */
  withinTargetPercent?: number;
  /** Monthly uptime, %. */
  uptimePercent?: number;
  /** Fee of the period the credit is computed for (V). */
  monthlyFee: number;
  /** Sodvin: operating hours D of the period. */
  operatingHours?: number;
  /** Sodvin: downtime hours N of the period. */
  downtimeHours?: number;
}

/**
 * What a credit line says, as data, so each reader gets it in their own language (the label is
 * the English text of the same). Percentages are numbers (e.g. within 85, required 90).
 */
export type CreditLineReason =
  | { code: "none" }
  | { code: "response_below" | "response_ok"; within: number; required: number }
  | { code: "uptime_below" | "uptime_ok"; uptime: number; required: number }
  | { code: "cap_month" | "cap_fee"; cap: number }
  | { code: "tiers_gap"; uptime: number; from: number; to: number }
  | { code: "tier"; uptime: number; min: number | null; below: number | null; tierPercent: number }
  | { code: "sodvin_formula"; detail: string; agreed: number }
  | { code: "sodvin_no_refund" };

export interface CreditLine {
  label: string;
  reason: CreditLineReason;
  percent: number;
  amount: number;
}

export interface CreditResult {
  /** Credit, % of the fee; null when the agreement leaves the case undefined. */
  percent: number | null;
  amount: number | null;
  lines: CreditLine[];
  undefinedGap?: boolean;
}

const money = (x: number) => Math.round(x * 100) / 100;

function requirePercent(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new SlaInputError(field, `expected a percentage 0–100, got ${String(value)}`);
  }
  return value;
}

function fmtPct(p: number): string {
  return `${Number(p.toFixed(4))} %`;
}

export function validateCreditScheme(scheme: CreditScheme, field = "credit"): void {
  if (scheme === null || typeof scheme !== "object") throw new SlaInputError(field, "expected a credit scheme");
  if (scheme.kind !== "none" && scheme.claimWithinDays !== undefined) {
    const d = scheme.claimWithinDays;
    if (typeof d !== "number" || !Number.isInteger(d) || d < 1 || d > 366) throw new SlaInputError(`${field}.claimWithinDays`, `expected whole days 1–366, got ${String(d)}`);
  }
  switch (scheme.kind) {
    case "none":
      return;
    case "netpower":
      requirePercent(scheme.perBreachPercent, `${field}.perBreachPercent`);
      requirePercent(scheme.capPercent, `${field}.capPercent`);
      requirePercent(scheme.minWithinTargetPercent, `${field}.minWithinTargetPercent`);
      requirePercent(scheme.minUptimePercent, `${field}.minUptimePercent`);
      return;
    case "uptime_tiers": {
      requirePercent(scheme.capPercent, `${field}.capPercent`);
      if (!Array.isArray(scheme.tiers) || scheme.tiers.length === 0) throw new SlaInputError(`${field}.tiers`, "expected at least one tier");
      const ranges = scheme.tiers.map((t, i) => {
        const lo = t.minUptimePercent ?? 0;
        const hi = t.belowUptimePercent ?? Infinity;
        requirePercent(lo, `${field}.tiers[${i}].minUptimePercent`);
        if (hi !== Infinity) requirePercent(hi, `${field}.tiers[${i}].belowUptimePercent`);
        requirePercent(t.percent, `${field}.tiers[${i}].percent`);
        if (hi <= lo) throw new SlaInputError(`${field}.tiers[${i}]`, "belowUptimePercent must be above minUptimePercent");
        return [lo, hi] as const;
      });
      const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i]![0] < sorted[i - 1]![1]) throw new SlaInputError(`${field}.tiers`, "tiers overlap");
      }
      return;
    }
    case "sodvin_refund":
      if (!(scheme.agreedUptime > 0 && scheme.agreedUptime < 1)) {
        throw new SlaInputError(`${field}.agreedUptime`, `expected 0 < O < 1 (e.g. 0.995), got ${String(scheme.agreedUptime)}`);
      }
      if (scheme.servicePeriod !== undefined && scheme.servicePeriod !== "month" && scheme.servicePeriod !== "quarter") {
        throw new SlaInputError(`${field}.servicePeriod`, `expected "month" or "quarter", got ${JSON.stringify(scheme.servicePeriod)}`);
      }
      return;
    default:
      throw new SlaInputError(`${field}.kind`, `unknown credit scheme ${JSON.stringify((scheme as { kind: unknown }).kind)}`);
  }
}

/** Computes the month's credit under a scheme, showing every line of the calculation. */
export function computeCredit(scheme: CreditScheme, input: CreditInput): CreditResult {
  validateCreditScheme(scheme);
  const fee = input.monthlyFee;
  if (typeof fee !== "number" || !Number.isFinite(fee) || fee < 0) {
    throw new SlaInputError("monthlyFee", `expected a finite amount >= 0, got ${String(fee)}`);
  }
  const line = (label: string, reason: CreditLineReason, percent: number): CreditLine => ({ label, reason, percent, amount: money((fee * percent) / 100) });
  switch (scheme.kind) {
    case "none":
      return { percent: 0, amount: 0, lines: [line("no credit scheme in this agreement", { code: "none" }, 0)] };
    case "netpower": {
      const within = requirePercent(input.withinTargetPercent, "withinTargetPercent");
      const uptime = requirePercent(input.uptimePercent, "uptimePercent");
      const lines: CreditLine[] = [];
      const responseBreached = within < scheme.minWithinTargetPercent;
      lines.push(
        line(
          responseBreached
            ? `response: ${fmtPct(within)} within target, below ${fmtPct(scheme.minWithinTargetPercent)}`
            : `response: ${fmtPct(within)} within target (required ${fmtPct(scheme.minWithinTargetPercent)})`,
          { code: responseBreached ? "response_below" : "response_ok", within, required: scheme.minWithinTargetPercent },
          responseBreached ? scheme.perBreachPercent : 0,
        ),
      );
      const uptimeBreached = uptime < scheme.minUptimePercent;
      lines.push(
        line(
          uptimeBreached ? `uptime: ${fmtPct(uptime)}, below ${fmtPct(scheme.minUptimePercent)}` : `uptime: ${fmtPct(uptime)} (required ${fmtPct(scheme.minUptimePercent)})`,
          { code: uptimeBreached ? "uptime_below" : "uptime_ok", uptime, required: scheme.minUptimePercent },
          uptimeBreached ? scheme.perBreachPercent : 0,
        ),
      );
      const sum = lines.reduce((s, l) => s + l.percent, 0);
      if (sum > scheme.capPercent) lines.push(line(`capped at ${fmtPct(scheme.capPercent)} per month`, { code: "cap_month", cap: scheme.capPercent }, scheme.capPercent - sum));
      const percent = Math.min(sum, scheme.capPercent);
      return { percent, amount: money((fee * percent) / 100), lines };
    }
    case "uptime_tiers": {
      const uptime = requirePercent(input.uptimePercent, "uptimePercent");
      const tier = scheme.tiers.find((t) => uptime >= (t.minUptimePercent ?? 0) && uptime < (t.belowUptimePercent ?? Infinity));
      if (!tier) {
        const below = scheme.tiers.filter((t) => (t.belowUptimePercent ?? Infinity) <= uptime).map((t) => t.belowUptimePercent!);
        const above = scheme.tiers.filter((t) => (t.minUptimePercent ?? 0) > uptime).map((t) => t.minUptimePercent ?? 0);
        const lo = below.length ? Math.max(...below) : 0;
        const hi = above.length ? Math.min(...above) : 100;
        return {
          percent: null,
          amount: null,
          undefinedGap: true,
          lines: [
            {
              label: `uptime ${fmtPct(uptime)} falls in ${lo}–${hi} %, which the agreement leaves undefined: decide manually`,
              reason: { code: "tiers_gap", uptime, from: lo, to: hi },
              percent: 0,
              amount: 0,
            },
          ],
        };
      }
      const tierReason: CreditLineReason = { code: "tier", uptime, min: tier.minUptimePercent ?? null, below: tier.belowUptimePercent ?? null, tierPercent: tier.percent };
      const lines = [line(`uptime ${fmtPct(uptime)}: tier ${describeTier(tier)}`, tierReason, tier.percent)];
      if (tier.percent > scheme.capPercent)
        lines.push(line(`capped at ${fmtPct(scheme.capPercent)} of the monthly fee`, { code: "cap_fee", cap: scheme.capPercent }, scheme.capPercent - tier.percent));
      const percent = Math.min(tier.percent, scheme.capPercent);
      return { percent, amount: money((fee * percent) / 100), lines };
    }
    case "sodvin_refund": {
      let availability: number;
      let detail: string;
      if (input.operatingHours !== undefined || input.downtimeHours !== undefined) {
        const d = input.operatingHours;
        const n = input.downtimeHours;
        if (typeof d !== "number" || !Number.isFinite(d) || d <= 0) throw new SlaInputError("operatingHours", `expected D > 0 hours, got ${String(d)}`);
        if (typeof n !== "number" || !Number.isFinite(n) || n < 0 || n > d) throw new SlaInputError("downtimeHours", `expected 0 <= N <= D hours, got ${String(n)}`);
        availability = (d - n) / d;
        detail = `(D − N) / D = (${d} − ${n}) / ${d}`;
      } else {
        availability = requirePercent(input.uptimePercent, "uptimePercent") / 100;
        detail = `(D − N) / D = ${fmtPct(availability * 100)}`;
      }
      const o = scheme.agreedUptime;
      // Interpretation: at or above the agreed level the formula turns negative; that is no refund
      // (never a charge), so R is clamped to [0, V].
      const raw = 1 - availability / o;
      const percent = Math.max(0, raw) * 100;
      const lines = [line(`R = V · (1 − (D − N) / D / O), ${detail}, O = ${o}`, { code: "sodvin_formula", detail, agreed: o }, percent)];
      if (raw < 0) lines.push(line("availability at or above the agreed level: no refund", { code: "sodvin_no_refund" }, 0));
      return { percent, amount: money((fee * percent) / 100), lines };
    }
  }
}

function describeTier(t: UptimeTier): string {
  const lo = t.minUptimePercent;
  const hi = t.belowUptimePercent;
  if (lo !== undefined && hi !== undefined) return `${lo} % ≤ uptime < ${hi} % → ${t.percent} %`;
  if (lo !== undefined) return `uptime ≥ ${lo} % → ${t.percent} %`;
  if (hi !== undefined) return `uptime < ${hi} % → ${t.percent} %`;
  return `any uptime → ${t.percent} %`;
}
