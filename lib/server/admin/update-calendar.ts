import "server-only";
/**
 * Renames a calendar and changes its weekly hours (issue 15). The whole calendar with the change is
 * checked by lib/sla first; when the hours change, the open tickets measured on it are recomputed
 * by a worker after the commit, as when a date is closed. One audit row with what changed.
 */
import { compileCalendar, type CalendarSpec } from "../../sla";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { calendarSpecOf } from "../db/agreements";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { toJson } from "../db/json";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { changedFields, writeAudit } from "../audit/write-audit";
import { calendarFieldOf } from "./create-calendar";
import { formatHoursText, parseHoursText } from "./hours-text";
import { rethrowSlaError } from "./sla-error";
import { WEEKDAYS } from "./schemas";
import { UpdateCalendarSchema, type UpdateCalendarInput } from "./calendar-edit-schemas";
import { scheduleCalendarRecompute } from "./schedule-calendar-recompute";

export async function updateCalendar({ actor, input: raw, ctx }: { actor: Actor; input: UpdateCalendarInput; ctx: UseCaseContext }): Promise<{ id: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(UpdateCalendarSchema, raw);
  const weekly: CalendarSpec["weekly"] = {};
  for (const day of WEEKDAYS) {
    const hours = parseHoursText(input.weekly[day] ?? "");
    if (hours.length) weekly[day] = hours;
  }
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.calendar.findUnique({
      where: { id: input.calendarId },
      select: { id: true, name: true, timeZone: true, weekly: true, holidayCountry: true, dates: { select: { date: true, hours: true } } },
    });
    if (!row) throw notFound("Calendar");
    try {
      compileCalendar(calendarSpecOf({ ...row, weekly }));
    } catch (error) {
      rethrowSlaError(error, calendarFieldOf);
    }
    const text = (w: CalendarSpec["weekly"]) => Object.fromEntries(WEEKDAYS.map((d) => [d, formatHoursText(w[d])]));
    const before = { name: row.name, weekly: text(calendarSpecOf(row).weekly) };
    const diff = changedFields(before, { name: input.name, weekly: text(weekly) });
    if (!diff) return { id: row.id, changed: false };
    await tx.calendar.update({ where: { id: row.id }, data: { name: input.name, weekly: toJson(weekly) } });
    if ("weekly" in diff.after) await scheduleCalendarRecompute(tx, row.id, ctx.now());
    await writeAudit(tx, ctx, { actor: { userId: actor.userId, email: actor.email }, action: "calendar.update", targetType: "Calendar", targetId: row.id, organizationId: null, ...diff });
    return { id: row.id, changed: true };
  }, TRANSACTION_OPTIONS);
}
