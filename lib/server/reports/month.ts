import "server-only";
/**
 * Calendar months in Europe/Oslo as instants: a report's month runs from one Oslo midnight on the
 * 1st to the next, exact across daylight saving (offsets from the platform's IANA database).
 */
import { z } from "zod";
import { MINUTE_MS, dayNumberOf, isoDateOf } from "../../sla/local-date";
import { instantOfWallTime, localDayNumberOf } from "../../sla/time-zone";

export const REPORT_TIME_ZONE = "Europe/Oslo";

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM");
export type Month = z.infer<typeof MonthSchema>;

/** The instant of an Oslo wall-clock time (lib/sla's time-zone arithmetic, exact across DST). */
export function osloInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(instantOfWallTime(REPORT_TIME_ZONE, dayNumberOf(year, month, day), (hour * 60 + minute) * MINUTE_MS));
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
  return isoDateOf(localDayNumberOf(REPORT_TIME_ZONE, at.getTime())).slice(0, 7);
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
