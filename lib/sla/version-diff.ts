import { PRIORITIES, type Priority } from "./agreement";
import type { CreditScheme } from "./credit";

/**
 * What a new agreement version will change, term by term, so the admin sees it before saving.
 * Terms are compared as people read them (calendars by name, thresholds as percentages); a
 * priority without a target is "not covered".
 */
export interface VersionTerms {
  targets: Partial<Record<Priority, { minutes: number; calendar: string } | null>>;
  warningPercents: number[];
  minWithinTargetPercent: number;
  credit?: CreditScheme;
  escalation?: { warning: string[]; breach: string[]; moveToNextLine: boolean };
}

export interface VersionDifference {
  /** e.g. "targets.P1.minutes", "targets.P2.calendar", "warningPercents", "credit" (kind and parameters), "credit.claimWithinDays", "escalation.breach". */
  field: string;
  /** null: not covered / not set. */
  before: string | null;
  after: string | null;
}

const list = (xs: readonly (string | number)[]) => xs.join(", ");
const sortedNumbers = (xs: number[]) => [...xs].sort((a, b) => a - b);
const sortedStrings = (xs: string[]) => [...xs].sort();

/** Keys in one order at every depth: a scheme read back from jsonb (keys reordered) reads the same as one typed. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** The scheme's kind and parameters, without its claim rule (a difference of its own). */
function credit(c: CreditScheme | undefined): string | null {
  if (!c) return null;
  // Sodvin without a service period is measured per month (lib/sla credit), as the form shows it.
  const { kind, ...withClaim } = c.kind === "sodvin_refund" ? { servicePeriod: "month", ...c } : c;
  const { claimWithinDays: _claim, ...rest } = withClaim as Record<string, unknown>;
  const keys = Object.keys(rest).sort();
  return keys.length === 0 ? kind : `${kind} ${JSON.stringify(sortedKeys(Object.fromEntries(keys.map((k) => [k, rest[k]]))))}`;
}

/** Days the customer has to claim a credit; "" when credited without a claim; null without a scheme. */
function claimRule(c: CreditScheme | undefined): string | null {
  if (!c) return null;
  return c.kind !== "none" && c.claimWithinDays !== undefined ? String(c.claimWithinDays) : "";
}

export function diffVersionTerms(current: VersionTerms, proposed: VersionTerms): VersionDifference[] {
  const out: VersionDifference[] = [];
  const push = (field: string, before: string | null, after: string | null) => {
    if (before !== after) out.push({ field, before, after });
  };
  for (const p of PRIORITIES) {
    const a = current.targets[p] ?? null;
    const b = proposed.targets[p] ?? null;
    push(`targets.${p}.minutes`, a ? String(a.minutes) : null, b ? String(b.minutes) : null);
    if (a && b) push(`targets.${p}.calendar`, a.calendar, b.calendar);
  }
  push("warningPercents", list(sortedNumbers(current.warningPercents)), list(sortedNumbers(proposed.warningPercents)));
  push("minWithinTargetPercent", String(current.minWithinTargetPercent), String(proposed.minWithinTargetPercent));
  if (proposed.credit !== undefined) {
    push("credit", credit(current.credit), credit(proposed.credit));
    push("credit.claimWithinDays", claimRule(current.credit), claimRule(proposed.credit));
  }
  if (proposed.escalation !== undefined) {
    const a = current.escalation;
    const b = proposed.escalation;
    push("escalation.warning", a ? list(sortedStrings(a.warning)) : null, list(sortedStrings(b.warning)));
    push("escalation.breach", a ? list(sortedStrings(a.breach)) : null, list(sortedStrings(b.breach)));
    push("escalation.moveToNextLine", a ? String(a.moveToNextLine) : null, String(b.moveToNextLine));
  }
  return out;
}
