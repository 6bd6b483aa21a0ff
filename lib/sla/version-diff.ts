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
  /** e.g. "targets.P1.minutes", "targets.P2.calendar", "warningPercents", "credit", "escalation.breach". */
  field: string;
  /** null: not covered / not set. */
  before: string | null;
  after: string | null;
}

const list = (xs: readonly (string | number)[]) => xs.join(", ");
const sortedNumbers = (xs: number[]) => [...xs].sort((a, b) => a - b);
const sortedStrings = (xs: string[]) => [...xs].sort();

function credit(c: CreditScheme | undefined): string | null {
  if (!c) return null;
  const { kind, ...rest } = c;
  const keys = Object.keys(rest).sort();
  return keys.length === 0 ? kind : `${kind} ${JSON.stringify(Object.fromEntries(keys.map((k) => [k, (rest as Record<string, unknown>)[k]])))}`;
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
  if (proposed.credit !== undefined) push("credit", credit(current.credit), credit(proposed.credit));
  if (proposed.escalation !== undefined) {
    const a = current.escalation;
    const b = proposed.escalation;
    push("escalation.warning", a ? list(sortedStrings(a.warning)) : null, list(sortedStrings(b.warning)));
    push("escalation.breach", a ? list(sortedStrings(a.breach)) : null, list(sortedStrings(b.breach)));
    push("escalation.moveToNextLine", a ? String(a.moveToNextLine) : null, String(b.moveToNextLine));
  }
  return out;
}
