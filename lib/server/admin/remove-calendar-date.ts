import "server-only";
/**
 * Removes a calendar's closed date or special hours (issue 15): the date follows the weekly hours
 * (and public holidays) again, and the open tickets measured on the calendar are recomputed by a
 * worker after the commit, as when a date is closed. One audit row with what the date had.
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { formatHoursText } from "./hours-text";
import { RemoveCalendarDateSchema, type RemoveCalendarDateInput } from "./calendar-edit-schemas";
import { scheduleCalendarRecompute } from "./schedule-calendar-recompute";

export async function removeCalendarDate({ actor, input: raw, ctx }: { actor: Actor; input: RemoveCalendarDateInput; ctx: UseCaseContext }): Promise<{ calendarId: string; date: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(RemoveCalendarDateSchema, raw);
  const date = new Date(`${input.date}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) throw notFound("Calendar date");
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.calendarDate.findUnique({ where: { calendarId_date: { calendarId: input.calendarId, date } }, select: { id: true, hours: true, note: true } });
    if (!row) throw notFound("Calendar date");
    await tx.calendarDate.delete({ where: { id: row.id } });
    await scheduleCalendarRecompute(tx, input.calendarId, ctx.now());
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "calendar.date_remove",
      targetType: "Calendar",
      targetId: input.calendarId,
      organizationId: null,
      before: { date: input.date, hours: row.hours === null ? null : formatHoursText(row.hours as Array<[string, string]>), note: row.note },
      after: null,
    });
    return { calendarId: input.calendarId, date: input.date };
  }, TRANSACTION_OPTIONS);
}
