/**
 * Calendar months in Europe/Oslo as instants: a report's month runs from one Oslo midnight on the
 * 1st to the next, exact across daylight saving (offsets from the platform's IANA database).
 */
import { z } from "zod";

export const REPORT_TIME_ZONE = "Europe/Oslo";

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM");
export type Month = z.infer<typeof MonthSchema>;

const parts = new Intl.DateTimeFormat("en-US", {
  timeZone: REPORT_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Oslo wall-clock fields of an instant. */
function osloFields(t: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of parts.formatToParts(new Date(t))) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** Offset (Oslo wall clock − UTC) in ms at instant t. */
function offsetAt(t: number): number {
  const f = osloFields(t);
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** The instant of an Oslo wall-clock time that exists (midnights and 06:00 always do in Oslo). */
export function osloInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  return new Date(t);
}

const pad = (n: number) => String(n).padStart(2, "0");
const split = (month: Month): [number, number] => {
  const m = MonthSchema.parse(month);
  return [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
};
const join = (year: number, month: number): Month => {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};

/** [from, to): the first instant of the month in Oslo and the first instant of the next. */
export function monthBounds(month: Month): { from: Date; to: Date } {
  const [y, m] = split(month);
  return { from: osloInstant(y, m, 1), to: osloInstant(y, m + 1, 1) };
}

/** The Oslo month an instant falls in. */
export function monthOf(at: Date): Month {
  const f = osloFields(at.getTime());
  return join(f.year, f.month);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = split(month);
  return join(y, m + n);
}

/** The month before the one `now` falls in (what the monthly job and the pages default to). */
export const previousMonth = (now: Date): Month => addMonths(monthOf(now), -1);

/** The `count` months ending with `month`, oldest first. */
export const monthsEndingWith = (month: Month, count: number): Month[] =>
  Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));

/** When the monthly job runs next: the 1st of the next month at 06:00 Oslo time (strictly after now). */
export function nextMonthlyRunAt(now: Date): Date {
  const [y, m] = split(monthOf(now));
  const thisMonth = osloInstant(y, m, 1, 6);
  return thisMonth > now ? thisMonth : osloInstant(y, m + 1, 1, 6);
}
