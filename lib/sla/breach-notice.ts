import { isOverdue } from "./clock-status";
import { toInstant } from "./business-time";
import { SlaInputError } from "./errors";
import { MINUTE_MS } from "./local-date";
import type { ClockInstant } from "./clock";

/**
 * The breach-notice clock of a security incident: how long the provider (as data processor) has
 * to tell the customer (the controller) about a personal-data breach (Pureservice 003/004 §8.9).
 *
 * - It starts when the ticket is flagged as a security incident (the provider "has become aware")
 *   and stops when an agent records that the customer was notified.
 * - It runs on wall-clock time: nights, weekends, holidays and "waiting for the customer" all
 *   count (no calendar, no pauses), so 24 hours are 24 real hours, also across a change of
 *   daylight saving time.
 * - Met and breached as for the response clock (clock-status.ts): notified at or before the due
 *   instant is met, breached only strictly after it.
 *
 * The deadline is per agreement version (AgreementVersion.breachNotice; the seed agreements'
 * versions by their label, PRESET_BREACH_NOTICE_RULES):
 * - 003 §8.9.2: "om mulig innen 24 timer" → `within_hours` 24.
 * - 004 (the annex replaces 8.9.2 by "uten ugrunnet opphold") → `without_undue_delay`. The words
 *   give no number, so the servicedesk works to an internal target: 12 hours
 *   (WITHOUT_UNDUE_DELAY_TARGET_HOURS) — half of the 24 hours the earlier version allowed, which
 *   leaves the customer most of its own 72 hours towards Datatilsynet (GDPR art. 33).
 * - Any other agreement: GDPR art. 33(2) binds every processor to "without undue delay", so the
 *   same internal target applies (DEFAULT_BREACH_NOTICE_RULE).
 */
export type BreachNoticeRule = { kind: "within_hours"; hours: number } | { kind: "without_undue_delay"; targetHours: number };

export const WITHOUT_UNDUE_DELAY_TARGET_HOURS = 12;
export const DEFAULT_BREACH_NOTICE_RULE: BreachNoticeRule = { kind: "without_undue_delay", targetHours: WITHOUT_UNDUE_DELAY_TARGET_HOURS };
/** Fractions of the deadline at which the servicedesk and the security contact are warned. */
export const BREACH_NOTICE_WARNING_THRESHOLDS: readonly number[] = [0.5, 0.75];

/** The seed agreements' versions (presets.ts ids, stored as AgreementVersion.label). */
export const PRESET_BREACH_NOTICE_RULES: Readonly<Record<string, BreachNoticeRule>> = {
  "pureservice-4h": { kind: "within_hours", hours: 24 },
  "pureservice-2h": { kind: "without_undue_delay", targetHours: WITHOUT_UNDUE_DELAY_TARGET_HOURS },
};

/** A stored rule (JSON), checked; null when absent. */
export function parseBreachNoticeRule(value: unknown, field = "breachNotice"): BreachNoticeRule | null {
  if (value === null || value === undefined) return null;
  const v = value as Record<string, unknown>;
  const hours = v.kind === "within_hours" ? v.hours : v.kind === "without_undue_delay" ? v.targetHours : undefined;
  if (hours === undefined) throw new SlaInputError(field, `expected {kind: "within_hours", hours} or {kind: "without_undue_delay", targetHours}`);
  if (typeof hours !== "number" || !Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new SlaInputError(field, `expected hours > 0, got ${String(hours)}`);
  return v.kind === "within_hours" ? { kind: "within_hours", hours } : { kind: "without_undue_delay", targetHours: hours };
}

/** The rule of an agreement version: its own, else its preset's, else the default. */
export function breachNoticeRuleOf(version: { label?: string | null; breachNotice?: unknown } | null): BreachNoticeRule {
  return parseBreachNoticeRule(version?.breachNotice) ?? (version?.label ? PRESET_BREACH_NOTICE_RULES[version.label] : undefined) ?? DEFAULT_BREACH_NOTICE_RULE;
}

export function breachNoticeTargetMinutes(rule: BreachNoticeRule): number {
  return Math.round((rule.kind === "within_hours" ? rule.hours : rule.targetHours) * 60);
}

export interface BreachNoticeClock {
  metric: "breach_notice";
  state: "running" | "met" | "breached";
  rule: BreachNoticeRule;
  targetMinutes: number;
  /** When the ticket was flagged: the clock starts. */
  startedAt: Date;
  /** Start + target. */
  dueAt: Date;
  /** When the customer was notified (the clock stopped); undefined while not. */
  stoppedAt?: Date;
  /** The due instant, once the deadline ran out before the customer was notified. */
  breachedAt: Date | null;
  /** Wall-clock minutes used, up to the notice or `now`. */
  usedMinutes: number;
  computedAt: Date;
  warnings: Array<{ threshold: number; at: Date }>;
}

/**
 * The clock as of `now`. A notice recorded after `now` is not yet known (ignored), as clock
 * events after `now` are for the response clock.
 */
export function computeBreachNoticeClock(input: { rule: BreachNoticeRule; flaggedAt: Date | string; notifiedAt?: Date | string | null; now: Date | string }): BreachNoticeClock {
  const start = toInstant(input.flaggedAt, "flaggedAt");
  const now = toInstant(input.now, "now");
  const rawNotified = input.notifiedAt === null || input.notifiedAt === undefined ? null : toInstant(input.notifiedAt, "notifiedAt");
  if (rawNotified !== null && rawNotified < start) throw new SlaInputError("notifiedAt", "the customer cannot have been notified before the incident was flagged");
  const notified = rawNotified !== null && rawNotified <= now ? rawNotified : null;
  const targetMinutes = breachNoticeTargetMinutes(input.rule);
  const due = start + targetMinutes * MINUTE_MS;
  const end = notified ?? now;
  const breached = isOverdue(due, end);
  return {
    metric: "breach_notice",
    state: breached ? "breached" : notified !== null ? "met" : "running",
    rule: input.rule,
    targetMinutes,
    startedAt: new Date(start),
    dueAt: new Date(due),
    ...(notified !== null ? { stoppedAt: new Date(notified) } : {}),
    breachedAt: breached ? new Date(due) : null,
    usedMinutes: Math.max(0, end - start) / MINUTE_MS,
    computedAt: new Date(now),
    warnings: BREACH_NOTICE_WARNING_THRESHOLDS.map((threshold) => ({ threshold, at: new Date(start + Math.round(targetMinutes * threshold * MINUTE_MS)) })),
  };
}

/**
 * The timers the clock needs from `computedAt` on: its warnings still ahead and its breach, while
 * the customer has not been notified (the same shape as the response clock's, clock.ts).
 */
export function nextBreachNoticeInstants(clock: BreachNoticeClock): ClockInstant[] {
  if (clock.stoppedAt || clock.state !== "running") return [];
  const now = clock.computedAt.getTime();
  const out: ClockInstant[] = clock.warnings.filter((w) => w.at.getTime() > now).map((w) => ({ kind: "warning" as const, at: w.at, threshold: w.threshold }));
  out.push({ kind: "breach", at: clock.dueAt });
  return out;
}
