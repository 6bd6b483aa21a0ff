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

/** When a ticket pages the on-call person: now, at a later instant (if its clock still runs then), or never. */
export type OnCallPageDecision = { kind: "now" } | { kind: "at"; at: Date } | { kind: "never" };

/** How far ahead onCallPageDecision looks for the first covered instant (past it: never). */
export const PAGE_HORIZON_DAYS = 14;

/**
 * Whether a ticket is the on-call person's at `at`: the servicedesk's office is closed, and either
 * the ticket's own target runs then (its calendar is open: extended P1/P2 at night, P3 on a
 * Saturday on Netpower extended) or it is a P1 inside the on-call option the customer bought
 * (vakttelefon or 24/7). A customer without the option (null) is paged only inside its agreement.
 */
export function isOnCallCase(at: Date, { office, target, priority, option }: OnCallCaseInput): boolean {
  if (isOpenAt(office, at)) return false;
  if (target && isOpenAt(target, at)) return true;
  return priority === "P1" && option !== null && isOnCallCovered(at, { option });
}

export interface OnCallCaseInput {
  /** The servicedesk's office hours (NETPOWER_OFFICE_HOURS unless told otherwise). */
  office: Calendar;
  /** The calendar the ticket's response target runs on; null when its priority is not covered. */
  target: Calendar | null;
  priority: Priority;
  /** The organisation's on-call option; null = none bought. */
  option: OnCallOption | null;
}

/** The office calendar of the servicedesk (weekdays 08–16 Oslo, Norwegian holidays closed). */
export const officeCalendar = (): Calendar => calendarFor(NETPOWER_OFFICE_HOURS.spec);

/**
 * Who is paged for a ticket, decided at `now` (pure): "now" when it is an on-call case at `now`
 * (see isOnCallCase); otherwise the first later instant it becomes one (e.g. the office closing at
 * 16:00 for a P1 registered 15:55, the extended calendar opening at 08:00 on a Saturday), which
 * the caller checks again then, paging only if the ticket's clock still runs; "never" if that
 * does not happen within PAGE_HORIZON_DAYS.
 */
export function onCallPageDecision(now: Date, input: Omit<OnCallCaseInput, "office"> & { office?: Calendar }, horizonDays = PAGE_HORIZON_DAYS): OnCallPageDecision {
  const full: OnCallCaseInput = { ...input, office: input.office ?? officeCalendar() };
  if (isOnCallCase(now, full)) return { kind: "now" };
  const until = now.getTime() + horizonDays * DAY_MS;
  const calendars = [full.office, ...(full.target ? [full.target] : []), ...(full.priority === "P1" && full.option === "vakttelefon" ? [vakttelefonCalendar(now, new Date(until))] : [])];
  // Coverage changes only where one of the calendars opens or closes: the first such instant that is covered.
  const edges = new Set<number>();
  for (const calendar of calendars) {
    for (let n = calendar.dayNumberOf(now.getTime()); ; n++) {
      const day = calendar.day(n);
      if (day.start > until) break;
      for (const edge of day.open) if (edge > now.getTime() && edge <= until) edges.add(edge);
      if (day.end > now.getTime() && day.end <= until) edges.add(day.end);
    }
  }
  for (const edge of [...edges].sort((a, b) => a - b)) {
    if (isOnCallCase(new Date(edge), full)) return { kind: "at", at: new Date(edge) };
  }
  return { kind: "never" };
}
