import { isPriority, selectAgreementVersion, validateAgreementVersion, type AgreementVersionSpec, type Priority } from "./agreement";
import { addBusinessMs, businessMsBetween, toInstant } from "./business-time";
import { calendarFor } from "./calendar";
import { isOverdue } from "./clock-status";
import { SlaInputError } from "./errors";
import { MINUTE_MS } from "./local-date";

/**
 * The response clock of a ticket, derived from its events only (deterministic: replaying the
 * same events against the same or a new agreement version gives the answer for that version).
 *
 * Rules (SLA-RULES.md §1–§2), with the interpretations made here:
 * - The target is that of the priority in force when the clock stops (or now), counted from
 *   registration: a priority change recomputes everything from registration time. Priority
 *   changes after troubleshooting started do not alter the response metric.
 * - Paused time never counts. A pause while already paused, or a resume while running, is a
 *   no-op (the first pause's reason is kept). Troubleshooting started during a pause ends it.
 * - "breached" means the target ran out strictly before the clock stopped (or before now while
 *   running): troubleshooting started exactly at the due instant is met (clock-status.ts owns the rule).
 * - reclassified takes the ticket out of measurement ("excluded"), even after it stopped.
 * - Events after `now` are ignored; events are ordered by `at` (stable for equal instants).
 */
export type ClockEvent =
  | { type: "registered"; at: Date | string; priority: Priority }
  | { type: "priority_changed"; at: Date | string; priority: Priority }
  | { type: "paused"; at: Date | string; reason: string }
  | { type: "resumed"; at: Date | string }
  | { type: "troubleshooting_started"; at: Date | string }
  | { type: "reclassified"; at: Date | string; reason: string };

export type ClockState = "running" | "paused" | "met" | "breached" | "excluded" | "not_covered";

export interface ClockPause {
  from: Date;
  to: Date | null;
  reason: string;
}

export interface ClockWarning {
  /** Fraction of the target, e.g. 0.75. */
  threshold: number;
  /** When the threshold is/was crossed given the current state; null if it will not be (paused, stopped). */
  at: Date | null;
}

export interface ResponseClock {
  metric: "response";
  state: ClockState;
  agreementVersionId: string;
  priority: Priority;
  registeredAt: Date;
  /** The `now` this clock was computed for. */
  computedAt: Date;
  /** Null when the priority is not covered. */
  targetMinutes: number | null;
  usedMinutes: number;
  leftMinutes: number | null;
  /** The due instant; null while paused, stopped, excluded or not covered. Past when running breached. */
  dueAt: Date | null;
  /** The instant the target ran out (even if troubleshooting started later). */
  breachedAt?: Date;
  /** When troubleshooting started or the ticket was reclassified. */
  stoppedAt?: Date;
  excludedReason?: string;
  pauses: ClockPause[];
  warnings: ClockWarning[];
  /** Breached: business minutes used beyond the target (pauses excluded). */
  lateMinutes?: number;
  /** Breached: wall-clock minutes from the breach to the stop (or now). */
  lateWallClockMinutes?: number;
}

interface ParsedEvent {
  type: ClockEvent["type"];
  at: number;
  priority?: Priority;
  reason?: string;
  index: number;
}

function parseEvents(events: unknown): ParsedEvent[] {
  if (!Array.isArray(events)) throw new SlaInputError("events", "expected a list of clock events");
  return events.map((e: Record<string, unknown>, index) => {
    const f = `events[${index}]`;
    if (e === null || typeof e !== "object") throw new SlaInputError(f, "expected an event object");
    const at = toInstant(e.at, `${f}.at`);
    switch (e.type) {
      case "registered":
      case "priority_changed":
        if (!isPriority(e.priority)) throw new SlaInputError(`${f}.priority`, `expected P1–P4, got ${JSON.stringify(e.priority)}`);
        return { type: e.type, at, priority: e.priority, index };
      case "paused":
      case "reclassified":
        if (typeof e.reason !== "string" || e.reason.trim() === "") throw new SlaInputError(`${f}.reason`, `a ${e.type} event needs a reason`);
        return { type: e.type, at, reason: e.reason, index };
      case "resumed":
      case "troubleshooting_started":
        return { type: e.type, at, index };
      default:
        throw new SlaInputError(`${f}.type`, `unknown clock event type ${JSON.stringify(e.type)}`);
    }
  });
}

export interface ComputeResponseClockInput {
  version: AgreementVersionSpec;
  events: ClockEvent[];
  now: Date;
}

export function computeResponseClock({ version, events, now }: ComputeResponseClockInput): ResponseClock {
  const nowMs = toInstant(now, "now");
  validateAgreementVersion(version);
  const parsed = parseEvents(events)
    .filter((e) => e.at <= nowMs)
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const first = parsed[0];
  if (!first || first.type !== "registered") {
    throw new SlaInputError("events", first ? `the first event must be "registered", got "${first.type}"` : `no "registered" event at or before now`);
  }
  const registeredAt = first.at;
  let priority = first.priority as Priority;
  let stoppedAt: number | undefined;
  let excluded: { at: number; reason: string } | undefined;
  const pauses: Array<{ from: number; to: number | null; reason: string }> = [];
  const openPause = () => pauses.find((p) => p.to === null);
  for (const e of parsed.slice(1)) {
    switch (e.type) {
      case "registered":
        throw new SlaInputError(`events[${e.index}]`, "a ticket is registered only once");
      case "priority_changed":
        if (stoppedAt === undefined) priority = e.priority as Priority;
        break;
      case "paused":
        if (stoppedAt === undefined && !openPause()) pauses.push({ from: e.at, to: null, reason: e.reason as string });
        break;
      case "resumed": {
        const p = openPause();
        if (stoppedAt === undefined && p) p.to = e.at;
        break;
      }
      case "troubleshooting_started":
      case "reclassified": {
        if (e.type === "reclassified" && !excluded) excluded = { at: e.at, reason: e.reason as string };
        if (stoppedAt === undefined) {
          stoppedAt = e.at;
          const p = openPause();
          if (p) p.to = e.at;
        }
        break;
      }
    }
  }
  const end = stoppedAt ?? nowMs;
  const paused = stoppedAt === undefined && openPause() !== undefined;
  const base = {
    metric: "response" as const,
    agreementVersionId: version.id,
    priority,
    registeredAt: new Date(registeredAt),
    computedAt: new Date(nowMs),
    pauses: pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to), reason: p.reason })),
    ...(stoppedAt !== undefined ? { stoppedAt: new Date(stoppedAt) } : {}),
    ...(excluded ? { excludedReason: excluded.reason } : {}),
  };
  const target = version.targets?.[priority];
  if (!target) {
    return {
      ...base,
      state: excluded ? "excluded" : "not_covered",
      targetMinutes: null,
      usedMinutes: 0,
      leftMinutes: null,
      dueAt: null,
      warnings: [],
    };
  }
  const cal = calendarFor(target.calendar);

  // Active (counting) segments: [registeredAt, end) minus pauses. A running clock always ends
  // with its open tail, even when that is still empty (resumed at this very instant).
  const running = stoppedAt === undefined && !paused;
  const active: Array<{ from: number; to: number }> = [];
  let cursor = registeredAt;
  for (const p of pauses) {
    if (p.from > cursor) active.push({ from: cursor, to: Math.min(p.from, end) });
    cursor = Math.max(cursor, p.to ?? end);
  }
  if (cursor < end || running) active.push({ from: cursor, to: end });
  const usedMs = active.reduce((s, a) => s + businessMsBetween(cal, a.from, a.to), 0);

  /** The smallest instant at which `x` ms of counted business time are reached, or null. */
  const reach = (x: number): number | null => {
    let cum = 0;
    for (let i = 0; i < active.length; i++) {
      const a = active[i]!;
      const isTail = running && i === active.length - 1;
      if (isTail) return addBusinessMs(cal, a.from, x - cum);
      const m = businessMsBetween(cal, a.from, a.to);
      if (cum + m >= x) return addBusinessMs(cal, a.from, x - cum);
      cum += m;
    }
    return running ? addBusinessMs(cal, end, x - cum) : null;
  };

  const targetMs = Math.round(target.minutes * MINUTE_MS);
  const dueInstant = reach(targetMs);
  const breached = dueInstant !== null && isOverdue(dueInstant, end);
  const state: ClockState = excluded ? "excluded" : breached ? "breached" : stoppedAt !== undefined ? "met" : paused ? "paused" : "running";
  const warnings = [...version.warningThresholds]
    .sort((a, b) => a - b)
    .map((threshold) => {
      const w = reach(Math.round(threshold * targetMs));
      return { threshold, at: w === null ? null : new Date(w) };
    });
  return {
    ...base,
    state,
    targetMinutes: target.minutes,
    usedMinutes: usedMs / MINUTE_MS,
    leftMinutes: Math.max(0, targetMs - usedMs) / MINUTE_MS,
    dueAt: running && !excluded && dueInstant !== null ? new Date(dueInstant) : null,
    ...(breached && dueInstant !== null
      ? {
          breachedAt: new Date(dueInstant),
          lateMinutes: Math.max(0, usedMs - targetMs) / MINUTE_MS,
          lateWallClockMinutes: (end - dueInstant) / MINUTE_MS,
        }
      : {}),
    warnings,
  };
}

/** Replays the events against the agreement version in force at registration. */
export function computeResponseClockForAgreement(input: { versions: readonly AgreementVersionSpec[]; events: ClockEvent[]; now: Date }): ResponseClock {
  const registered = parseEvents(input.events).find((e) => e.type === "registered");
  if (!registered) throw new SlaInputError("events", 'no "registered" event');
  const version = selectAgreementVersion(input.versions, new Date(registered.at));
  return computeResponseClock({ version, events: input.events, now: input.now });
}

export interface ClockInstant {
  kind: "warning" | "breach";
  at: Date;
  threshold?: number;
}

/**
 * The future instants a worker should set timers for (each warning threshold not yet crossed,
 * then the breach), sorted. Empty unless the clock is running.
 */
export function nextClockInstants(clock: ResponseClock): ClockInstant[] {
  if (clock.state !== "running" || clock.dueAt === null) return [];
  const now = clock.computedAt.getTime();
  const out: ClockInstant[] = clock.warnings
    .filter((w): w is { threshold: number; at: Date } => w.at !== null && w.at.getTime() > now)
    .map((w) => ({ kind: "warning" as const, at: w.at, threshold: w.threshold }));
  if (clock.dueAt.getTime() >= now) out.push({ kind: "breach", at: clock.dueAt });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
