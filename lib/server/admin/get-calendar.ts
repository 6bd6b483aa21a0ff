import "server-only";
/** One calendar with its weekly hours, dated exceptions and a preview computed by lib/sla. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { calendarSpecOf } from "../db/agreements";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { comingDays, localDateIn, nextOpenPeriods, type ComingDay, type OpenPeriod } from "./calendar-preview";
import { formatHoursText } from "./hours-text";
import { CalendarIdSchema, WEEKDAYS, type CalendarIdInput, type Weekday } from "./schemas";

export interface CalendarDetail {
  id: string;
  key: string;
  name: string;
  timeZone: string;
  norwegianHolidays: boolean;
  /** "08:00–16:00" per weekday; "" = closed. */
  weekly: Record<Weekday, string>;
  dates: Array<{ date: string; hours: string | null; note: string | null }>;
  nextOpen: OpenPeriod[];
  /** Holidays and dated exceptions of the coming year. */
  coming: ComingDay[];
}

const oneYearAfter = (date: string): string => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

export async function getCalendar({ actor, input: raw, ctx }: { actor: Actor; input: CalendarIdInput; ctx: UseCaseContext }): Promise<CalendarDetail> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { calendarId } = parseInput(CalendarIdSchema, raw);
  const row = await ctx.prisma.calendar.findUnique({
    where: { id: calendarId },
    select: { id: true, key: true, name: true, timeZone: true, weekly: true, holidayCountry: true, dates: { orderBy: { date: "asc" }, select: { date: true, hours: true, note: true } } },
  });
  if (!row) throw notFound("Calendar");
  const spec = calendarSpecOf(row);
  const now = ctx.now();
  const today = localDateIn(row.timeZone, now);
  const dates = row.dates.map((d) => ({ date: d.date.toISOString().slice(0, 10), hours: d.hours === null ? null : formatHoursText(d.hours as Array<[string, string]>), note: d.note }));
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    timeZone: row.timeZone,
    norwegianHolidays: row.holidayCountry === "NO",
    weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, formatHoursText(spec.weekly[d])])) as Record<Weekday, string>,
    dates,
    nextOpen: nextOpenPeriods(spec, now, 5),
    coming: comingDays(spec, Object.fromEntries(dates.map((d) => [d.date, d.note])), today, oneYearAfter(today)),
  };
}
