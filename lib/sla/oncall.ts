import type { Priority } from "./agreement";
import { businessMsBetween } from "./business-time";
import { calendarFor, type Calendar, type CalendarSpec } from "./calendar";
import { norwegianPublicHolidays } from "./holidays";
import { DAY_MS } from "./local-date";
import { NETPOWER_OFFICE_HOURS } from "./presets";

/**
 * On-call coverage (SLA-RULES.md §3, 000 §19): the on-call phone (vakttelefon) answers on weekdays
 * 16:00–22:00 and on weekends and Norwegian public holidays 09:00–22:00, Europe/Oslo, for P1 only;
 * the 24/7 option covers every hour. Office hours are the Netpower office-hours preset.
 */
export type OnCallOption = "vakttelefon" | "24/7";
export const ON_CALL_OPTIONS: readonly OnCallOption[] = ["vakttelefon", "24/7"];

const ZONE = "Europe/Oslo";
const EVENING: Array<[string, string]> = [["16:00", "22:00"]];
const DAYTIME: Array<[string, string]> = [["09:00", "22:00"]];

/** The vakttelefon hours as a calendar spec; the holidays of `years` get weekend hours. */
export function vakttelefonCalendarSpec(years: readonly number[]): CalendarSpec {
  const specialHours: Record<string, Array<[string, string]>> = {};
  for (const year of years) for (const { date } of norwegianPublicHolidays(year)) specialHours[date] = DAYTIME;
  return {
    timeZone: ZONE,
    weekly: { mon: EVENING, tue: EVENING, wed: EVENING, thu: EVENING, fri: EVENING, sat: DAYTIME, sun: DAYTIME },
    specialHours,
  };
}

/** The vakttelefon calendar that is exact for the years of the instants from `from` to `to` (and a year either side). */
export function vakttelefonCalendar(from: Date, to: Date = from): Calendar {
  const first = new Date(from.getTime() - DAY_MS).getUTCFullYear() - 1;
  const last = new Date(to.getTime() + DAY_MS).getUTCFullYear() + 1;
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return calendarFor(vakttelefonCalendarSpec(years));
}

const isOpenAt = (calendar: Calendar, at: Date): boolean => businessMsBetween(calendar, at.getTime(), at.getTime() + 1) > 0;

/** True during the provider's office hours (weekdays 08:00–16:00 Oslo, holidays closed). */
export function isOfficeHours(at: Date): boolean {
  return isOpenAt(calendarFor(NETPOWER_OFFICE_HOURS.spec), at);
}

/** True when the on-call service answers at `at` under the agreement's option. */
export function isOnCallCovered(at: Date, { option }: { option: OnCallOption }): boolean {
  return option === "24/7" || isOpenAt(vakttelefonCalendar(at), at);
}

/** A P1 outside office hours, inside on-call coverage, pages the on-call person. */
export function needsOnCallPage({ priority, at, option }: { priority: Priority; at: Date; option: OnCallOption }): boolean {
  return priority === "P1" && !isOfficeHours(at) && isOnCallCovered(at, { option });
}

/** The vakttelefon's open intervals [start, end) that end after `from` and start before `to`, in order. */
export function vakttelefonIntervals(from: Date, to: Date): Array<{ startsAt: Date; endsAt: Date }> {
  const calendar = vakttelefonCalendar(from, to);
  const out: Array<{ startsAt: Date; endsAt: Date }> = [];
  for (let n = calendar.dayNumberOf(from.getTime()); ; n++) {
    const day = calendar.day(n);
    if (day.start >= to.getTime()) return out;
    for (let i = 0; i < day.open.length; i += 2) {
      const s = day.open[i]!;
      const e = day.open[i + 1]!;
      if (e > from.getTime() && s < to.getTime()) out.push({ startsAt: new Date(s), endsAt: new Date(e) });
    }
  }
}
