import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween } from "./business-time";
import { compileCalendar, type CalendarSpec } from "./calendar";
import { norwegianPublicHolidays } from "./holidays";
import type { Hours } from "./hours";
import type { Day } from "./local-date";

/*
 * Properties, on random calendars (split shifts, closed dates, special hours, NO holidays,
 * Europe/Oslo and America/New_York, start instants around DST changes):
 *  1. businessMinutesBetween(s, u) equals a naive model that steps one UTC minute at a time and
 *     checks each minute's local wall-clock time (calendars and starts on whole minutes).
 *  2. addBusinessMinutes(s, n) equals the naive model's first instant at which n open minutes
 *     have passed.
 *  3. Round trip: businessMinutesBetween(s, addBusinessMinutes(s, n)) === n, for any n that is a
 *     whole number of milliseconds (k / 60000), fractional or not.
 *  4. addBusinessMinutes(T, businessMinutesBetween(T, U)) is the smallest V >= T with no open
 *     time in [V, U): U itself when the minute before U is open, otherwise the last closing
 *     time before U (or T when [T, U) has no open time at all).
 */
const MIN = 60_000;
const DAYS: Day[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const BASES = ["2026-03-05T00:00:00Z", "2026-03-26T00:00:00Z", "2026-10-22T00:00:00Z", "2026-10-29T00:00:00Z", "2026-12-22T00:00:00Z"].map(Date.parse);

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const hoursArb: fc.Arbitrary<Hours> = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).map((bounds) => {
  const sorted = [...bounds].sort((a, b) => a - b);
  const hours: Hours = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) hours.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
  return hours;
});
const dateArb = fc.integer({ min: 0, max: 14 }).chain((offset) => fc.constantFrom(...BASES).map((base) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10)));
const specArb: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timeZone: fc.constantFrom("Europe/Oslo", "America/New_York"),
    weekly: fc.tuple(...DAYS.map(() => hoursArb)).map((perDay) => {
      const weekly: Partial<Record<Day, Hours>> = {};
      perDay.forEach((h, i) => {
        if (h.length > 0) weekly[DAYS[i]!] = h;
      });
      weekly.wed ??= [["09:00", "10:30"]]; // always some open time so every search finishes quickly
      return weekly;
    }),
    holidays: fc.boolean(),
    closedDates: fc.uniqueArray(dateArb, { maxLength: 4 }),
    special: fc.array(fc.tuple(dateArb, hoursArb), { maxLength: 3 }),
  })
  .map(({ timeZone, weekly, holidays, closedDates, special }) => ({
    timeZone,
    weekly,
    ...(holidays ? { holidays: { country: "NO" as const } } : {}),
    closedDates,
    specialHours: Object.fromEntries(special),
  }));
const startArb = fc.tuple(fc.constantFrom(...BASES), fc.integer({ min: -2 * 1440, max: 4 * 1440 })).map(([b, m]) => b + m * MIN);

/** The naive model: is the UTC minute starting at t open? */
function naiveModel(spec: CalendarSpec): (t: number) => boolean {
  const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: spec.timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short" });
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const holidays = new Set<string>();
  if (spec.holidays) for (const y of [2025, 2026, 2027]) for (const h of norwegianPublicHolidays(y)) holidays.add(h.date);
  return (t) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    const date = `${p.year}-${p.month}-${p.day}`;
    const minute = Number(p.hour) * 60 + Number(p.minute);
    let hours: Hours | undefined = spec.specialHours?.[date];
    if (!hours) {
      if (spec.closedDates?.includes(date) || holidays.has(date)) return false;
      hours = spec.weekly[String(p.weekday).toLowerCase().slice(0, 3) as Day];
    }
    return (hours ?? []).some(([s, e]) => minute >= toMin(s) && minute < toMin(e));
  };
}

/** The minute-stepping model is slow on purpose: 60 runs take seconds on a busy 2-core machine. */
const MODEL_TIMEOUT_MS = 60_000;

describe("business time properties (fast-check)", { timeout: MODEL_TIMEOUT_MS }, () => {
  it("between agrees with minute stepping; add(T, between(T, U)) is the last open boundary <= U", () => {
    fc.assert(
      fc.property(specArb, startArb, fc.integer({ min: 0, max: 3 * 1440 }), (spec, s, span) => {
        const cal = compileCalendar(spec);
        const open = naiveModel(spec);
        const u = s + span * MIN;
        let count = 0;
        for (let t = s; t < u; t += MIN) if (open(t)) count++;
        const between = businessMinutesBetween(cal, new Date(s), new Date(u));
        expect(between).toBe(count);
        let v = u;
        while (v > s && !open(v - MIN)) v -= MIN;
        expect(addBusinessMinutes(cal, new Date(s), between).getTime()).toBe(v);
      }),
      { numRuns: 60 },
    );
  });

  it("add agrees with minute stepping and round-trips through between", () => {
    fc.assert(
      fc.property(specArb, startArb, fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 59_999 }), (spec, s, n, extraMs) => {
        const cal = compileCalendar(spec);
        const open = naiveModel(spec);
        const due = addBusinessMinutes(cal, new Date(s), n).getTime();
        const limit = s + 10 * 1440 * MIN;
        let count = 0;
        let t = s;
        for (; count < n && t < limit; t += MIN) if (open(t)) count++;
        if (count === n) expect(due).toBe(t);
        else expect(due).toBeGreaterThan(limit);
        expect(businessMinutesBetween(cal, new Date(s), new Date(due))).toBe(n);
        const fractional = (n * MIN + extraMs) / MIN; // a whole number of ms, as results are exact to the ms
        const due2 = addBusinessMinutes(cal, new Date(s + 17), fractional);
        expect(businessMinutesBetween(cal, new Date(s + 17), due2)).toBe(fractional);
      }),
      { numRuns: 60 },
    );
  });
});
