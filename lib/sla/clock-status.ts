import { businessMsBetween, toInstant } from "./business-time";
import type { Calendar } from "./calendar";
import type { ClockState } from "./clock";
import { MINUTE_MS } from "./local-date";

/**
 * When a response clock is breached, and by how much: the one owner of that rule (SLA-RULES §2).
 * The engine (clock.ts), the ticket view, the SLA timer, the monthly report, its CSV and the
 * 12-month chart all decide with the functions here.
 *
 * - A target is met when troubleshooting starts at or before the due instant; it is breached only
 *   strictly after it. At exactly the due instant a running clock is still running; one
 *   millisecond later it is breached, 0 minutes late.
 * - An open breach's business minutes used and late are as of the instant the figure is read, in
 *   business time on the target's calendar (pauses after the breach do not count).
 */

/** Whether a clock due at `dueAt` is breached at `at`: strictly after the due instant. */
export function isOverdue(dueAt: Date | number, at: Date | number): boolean {
  return toMs(at) > toMs(dueAt);
}

/**
 * The first instant at which a clock due at `dueAt` is breached (instants are whole milliseconds):
 * what a breach timer waits for. `isOverdue(dueAt, firstOverdueInstant(dueAt))` always holds, and
 * `isOverdue(dueAt, firstOverdueInstant(dueAt) - 1)` never does.
 */
export function firstOverdueInstant(dueAt: Date | number): number {
  return toMs(dueAt) + 1;
}

/** A response clock as stored after its last recomputation (the SlaClock row, or a ResponseClock). */
export interface ClockFacts {
  state: ClockState;
  targetMinutes: number | null;
  /** Business minutes used as of the clock's last recomputation. */
  usedMinutes: number;
  /** The due instant while running; null otherwise. */
  dueAt: Date | string | null;
  /** The instant the target ran out, when it has. */
  breachedAt?: Date | string | null;
  /** When troubleshooting started (or the ticket was reclassified): the clock no longer moves. */
  stoppedAt?: Date | string | null;
  /** Paused intervals; an open one has `to: null`. */
  pauses?: ReadonlyArray<{ from: Date | string; to: Date | string | null }>;
}

export interface ClockStatus {
  state: ClockState;
  targetMinutes: number | null;
  /** Business minutes used at the instant asked for. */
  usedMinutes: number;
  /** Business minutes left before the due instant (0 once breached); null when not covered. */
  leftMinutes: number | null;
  /** Breached: business minutes beyond the target at the instant asked for (0 at the first breached millisecond); else 0. */
  lateMinutes: number;
  /** The due instant while running (not breached), else null. */
  dueAt: Date | null;
  /** The instant the target ran out, when breached. */
  breachedAt: Date | null;
  /** Whether the clock still moves (running, or breached and not yet stopped). */
  open: boolean;
}

const toMs = (t: Date | number | string) => (typeof t === "number" ? t : toInstant(t, "instant"));
const orNull = (t: Date | string | null | undefined) => (t === null || t === undefined ? null : new Date(toMs(t)));

/** Business ms in [from, to) outside the pauses. */
function activeBusinessMs(cal: Calendar, from: number, to: number, pauses: ClockFacts["pauses"]): number {
  let sum = businessMsBetween(cal, from, to);
  for (const p of pauses ?? []) {
    const a = Math.max(from, toMs(p.from));
    const b = Math.min(to, p.to === null ? to : toMs(p.to));
    if (a < b) sum -= businessMsBetween(cal, a, b);
  }
  return Math.max(0, sum);
}

/**
 * Whether a clock is met, running, paused or breached at `at`, and its business minutes used,
 * left and late at that instant. `calendar` is the target's calendar: it is needed only for the
 * minutes of a clock that still moves (without it those stay as stored; the state never needs it).
 */
export function clockStatusAt(clock: ClockFacts, at: Date | number, calendar: Calendar | null): ClockStatus {
  const now = toMs(at);
  const target = clock.targetMinutes;
  const stopped = clock.stoppedAt !== null && clock.stoppedAt !== undefined;
  const stored = (state: ClockState): ClockStatus => {
    const breached = state === "breached";
    return {
      state,
      targetMinutes: target,
      usedMinutes: clock.usedMinutes,
      leftMinutes: target === null ? null : Math.max(0, target - clock.usedMinutes),
      lateMinutes: breached && target !== null ? Math.max(0, clock.usedMinutes - target) : 0,
      dueAt: null,
      breachedAt: breached ? orNull(clock.breachedAt) : null,
      open: false,
    };
  };
  /** Breached since `since` and still open: minutes as of `now`. */
  const openBreach = (since: number): ClockStatus => {
    const lateMs = calendar ? activeBusinessMs(calendar, since, now, clock.pauses) : Math.max(0, clock.usedMinutes - (target ?? 0)) * MINUTE_MS;
    const late = lateMs / MINUTE_MS;
    return { state: "breached", targetMinutes: target, usedMinutes: (target ?? 0) + late, leftMinutes: 0, lateMinutes: late, dueAt: null, breachedAt: new Date(since), open: true };
  };

  switch (clock.state) {
    case "running": {
      if (clock.dueAt === null || target === null) return { ...stored("running"), open: true };
      const due = toMs(clock.dueAt);
      if (isOverdue(due, now)) return openBreach(due);
      const leftMs = calendar ? businessMsBetween(calendar, now, due) : Math.max(0, target - clock.usedMinutes) * MINUTE_MS;
      const left = leftMs / MINUTE_MS;
      return { state: "running", targetMinutes: target, usedMinutes: target - left, leftMinutes: left, lateMinutes: 0, dueAt: new Date(due), breachedAt: null, open: true };
    }
    case "breached": {
      const since = orNull(clock.breachedAt);
      if (stopped || since === null) return stored("breached");
      return openBreach(since.getTime());
    }
    case "paused":
    case "met":
    case "excluded":
    case "not_covered":
      return stored(clock.state);
  }
}
