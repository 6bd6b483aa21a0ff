import "server-only";
/**
 * Closes a calendar on a local date (no hours) or gives the date special hours (e.g. 08:00–12:00),
 * replacing what the date had. The whole calendar with the change is checked by lib/sla first.
 * Open tickets measured on the calendar get their clocks recomputed by a worker, after the commit.
 */
import { compileCalendar } from "../../sla";
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { calendarSpecOf } from "../db/agreements";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { toJson } from "../db/json";
import { Prisma } from "../../generated/prisma/client";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { scheduleCalendarRecompute } from "./schedule-calendar-recompute";
import { formatHoursText } from "./hours-text";
import { parseHoursText } from "./hours-text";
import { rethrowSlaError } from "./sla-error";
import { SetCalendarDateSchema, type SetCalendarDateInput } from "./schemas";

const fieldOf = (slaField: string): string => (slaField.startsWith("specialHours") ? "hours" : slaField.startsWith("closedDates") ? "date" : slaField);

export async function setCalendarDate({ actor, input: raw, ctx }: { actor: Actor; input: SetCalendarDateInput; ctx: UseCaseContext }): Promise<{ calendarId: string; date: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(SetCalendarDateSchema, raw);
  const hours = parseHoursText(input.hours);
  const date = new Date(`${input.date}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== input.date) throw unprocessable(`${input.date} is not a date`, { date: ["not a date"] });
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.calendar.findUnique({
      where: { id: input.calendarId },
      select: { id: true, timeZone: true, weekly: true, holidayCountry: true, dates: { select: { date: true, hours: true, note: true } } },
    });
    if (!row) throw notFound("Calendar");
    const others = row.dates.filter((d) => d.date.toISOString().slice(0, 10) !== input.date);
    const previous = row.dates.find((d) => d.date.toISOString().slice(0, 10) === input.date);
    try {
      compileCalendar(calendarSpecOf({ ...row, dates: [...others, { date, hours: hours.length ? hours : null }] }));
    } catch (error) {
      rethrowSlaError(error, fieldOf);
    }
    const data = { hours: hours.length ? toJson(hours) : Prisma.DbNull, note: input.note || null };
    await tx.calendarDate.upsert({ where: { calendarId_date: { calendarId: row.id, date } }, create: { calendarId: row.id, date, ...data }, update: data });
    await scheduleCalendarRecompute(tx, row.id, ctx.now());
    const described = (hours: unknown, note: string | null) => ({ date: input.date, hours: hours === null ? null : formatHoursText(hours as Array<[string, string]>), note });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "calendar.date_set",
      targetType: "Calendar",
      targetId: row.id,
      organizationId: null,
      before: previous ? described(previous.hours, previous.note) : null,
      after: described(hours.length ? hours : null, input.note || null),
    });
    return { calendarId: row.id, date: input.date };
  }, TRANSACTION_OPTIONS);
}
