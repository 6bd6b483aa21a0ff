import type { Calendar } from "./calendar";
import { SlaHorizonError, SlaInputError } from "./errors";
import { isoDateOf, MINUTE_MS } from "./local-date";

/** How far addBusinessMinutes searches through closed dates before giving up (about 10 years). */
export const HORIZON_DAYS = 3_660;
/** The longest walk addBusinessMinutes makes at all (about 100 years): larger targets are bad input. */
export const MAX_WALK_DAYS = 36_600;

export function toInstant(value: unknown, field: string): number {
  const t = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : NaN;
  if (!Number.isFinite(t)) {
    throw new SlaInputError(field, `expected a valid instant (Date or ISO string), got ${value instanceof Date ? "Invalid Date" : JSON.stringify(value)}`);
  }
  return t;
}

function minutesToMs(minutes: unknown, field: string): number {
  if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes < 0) {
    throw new SlaInputError(field, `expected a finite number of minutes >= 0, got ${String(minutes)}`);
  }
  return Math.round(minutes * MINUTE_MS);
}

/**
 * The smallest instant T >= start at which `minutes` of business time have passed since start.
 * A target that runs out exactly at closing time is due at closing time. Exact to the ms
 * (fractional minutes are rounded to whole ms).
 */
export function addBusinessMinutes(cal: Calendar, start: Date, minutes: number): Date {
  const t = toInstant(start, "start");
  const ms = minutesToMs(minutes, "minutes");
  return new Date(addBusinessMs(cal, t, ms));
}

/** addBusinessMinutes on epoch ms. */
export function addBusinessMs(cal: Calendar, t: number, ms: number): number {
  if (ms === 0) return t;
  if (ms > MAX_WALK_DAYS * 25 * 3_600_000) {
    throw new SlaInputError("minutes", `${ms / MINUTE_MS} business minutes reach beyond ${MAX_WALK_DAYS} days from start`);
  }
  let remaining = ms;
  const firstDay = cal.dayNumberOf(t);
  let n = firstDay;
  let closedStreak = 0;
  for (;;) {
    if (n - firstDay > MAX_WALK_DAYS) {
      throw new SlaInputError("minutes", `${ms / MINUTE_MS} business minutes reach beyond ${MAX_WALK_DAYS} days from start`);
    }
    const day = cal.day(n);
    if (day.total === 0) {
      if (++closedStreak > HORIZON_DAYS || cal.exhaustedFrom(n)) {
        throw new SlaHorizonError(`no open time left after ${isoDateOf(n)} within ${HORIZON_DAYS} days (the calendar's open time has run out)`);
      }
    } else {
      closedStreak = 0;
      if (t <= day.start && day.total < remaining) {
        remaining -= day.total;
      } else {
        const open = day.open;
        for (let i = 0; i < open.length; i += 2) {
          const e = open[i + 1]!;
          if (e <= t) continue;
          const s = Math.max(open[i]!, t);
          const len = e - s;
          if (len >= remaining) return s + remaining;
          remaining -= len;
        }
      }
    }
    n++;
  }
}

/** Business time in [from, to), in minutes (fractional when the instants are not whole minutes). */
export function businessMinutesBetween(cal: Calendar, from: Date, to: Date): number {
  const a = toInstant(from, "from");
  const b = toInstant(to, "to");
  if (b < a) throw new SlaInputError("to", `${new Date(b).toISOString()} is before from ${new Date(a).toISOString()}`);
  return businessMsBetween(cal, a, b) / MINUTE_MS;
}

/** Business ms in [a, b) on epoch ms (a <= b). */
export function businessMsBetween(cal: Calendar, a: number, b: number): number {
  if (b <= a) return 0;
  let sum = 0;
  let n = cal.dayNumberOf(a);
  for (;;) {
    const day = cal.day(n);
    if (day.start >= b) return sum;
    if (day.total > 0) {
      if (a <= day.start && day.end <= b) {
        sum += day.total;
      } else {
        const open = day.open;
        for (let i = 0; i < open.length; i += 2) {
          const s = Math.max(open[i]!, a);
          const e = Math.min(open[i + 1]!, b);
          if (s < e) sum += e - s;
        }
      }
    }
    if (day.end >= b) return sum;
    n++;
  }
}

/** The first open instant at or after t (throws SlaHorizonError when open time has run out). */
export function nextOpenInstant(cal: Calendar, at: Date): Date {
  let t = toInstant(at, "at");
  let n = cal.dayNumberOf(t);
  let closedStreak = 0;
  for (;;) {
    const day = cal.day(n);
    for (let i = 0; i < day.open.length; i += 2) {
      if (day.open[i + 1]! > t) return new Date(Math.max(day.open[i]!, t));
    }
    if (day.total === 0 && (++closedStreak > HORIZON_DAYS || cal.exhaustedFrom(n))) {
      throw new SlaHorizonError(`no open time left after ${isoDateOf(n)} within ${HORIZON_DAYS} days`);
    }
    if (day.total > 0) closedStreak = 0;
    t = day.end;
    n++;
  }
}
