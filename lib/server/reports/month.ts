import "server-only";
/**
 * Calendar months in the configured zone (TIME_ZONE, default Europe/Oslo) as instants: a report's
 * month runs from one local midnight on the 1st to the next, exact across daylight saving
 * (lib/config/time-zone.ts).
 */
import { z } from "zod";
import { instantOfWallClock, localDate } from "../../config/time-zone";

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM");
export type Month = z.infer<typeof MonthSchema>;

const localInstant = (year: number, month: number, day: number, hour = 0, minute = 0): Date => instantOfWallClock(year, month, day, hour, minute);

const pad = (n: number) => String(n).padStart(2, "0");
const split = (month: Month): [number, number] => {
  const m = MonthSchema.parse(month);
  return [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
};
const join = (year: number, month: number): Month => {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};

/** [from, to): the first local instant of the month and the first instant of the next. */
export function monthBounds(month: Month): { from: Date; to: Date } {
  const [y, m] = split(month);
  return { from: localInstant(y, m, 1), to: localInstant(y, m + 1, 1) };
}

/** The local month an instant falls in. */
export function monthOf(at: Date): Month {
  return localDate(at).slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = split(month);
  return join(y, m + n);
}

/** The month before the one `now` falls in (what the monthly job and the pages default to). */
export const previousMonth = (now: Date): Month => addMonths(monthOf(now), -1);

/** The `count` months ending with `month`, oldest first. */
export const monthsEndingWith = (month: Month, count: number): Month[] => Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));

/** When the monthly job runs next: the 1st of the next month at 06:00 local time (strictly after now). */
export function nextMonthlyRunAt(now: Date): Date {
  const [y, m] = split(monthOf(now));
  const thisMonth = localInstant(y, m, 1, 6);
  return thisMonth > now ? thisMonth : localInstant(y, m + 1, 1, 6);
}
