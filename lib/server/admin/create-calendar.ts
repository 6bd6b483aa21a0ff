import "server-only";
/**
 * Creates a business-hours calendar. The hours are checked by lib/sla's compileCalendar, so a bad
 * time, overlapping or reversed hours, an unknown zone or a calendar with no open time is refused
 * with the library's message on the field it concerns.
 */
import { compileCalendar, type CalendarSpec } from "../../sla";
import type { Actor } from "../actor";
import { AppError } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { toJson } from "../db/json";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { parseHoursText } from "./hours-text";
import { writeAudit } from "../audit/write-audit";
import { rethrowSlaError } from "./sla-error";
import { CreateCalendarSchema, WEEKDAYS, type CreateCalendarInput } from "./schemas";

/** "weekly.mon[0][1]" → "weekly.mon"; "timeZone" stays. */
export const calendarFieldOf = (slaField: string): string => slaField.replace(/\[.*$/, "");

export async function createCalendar({ actor, input: raw, ctx }: { actor: Actor; input: CreateCalendarInput; ctx: UseCaseContext }): Promise<{ id: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(CreateCalendarSchema, raw);
  const weekly: CalendarSpec["weekly"] = {};
  for (const day of WEEKDAYS) {
    const hours = parseHoursText(input.weekly[day] ?? "");
    if (hours.length) weekly[day] = hours;
  }
  const spec: CalendarSpec = { timeZone: input.timeZone, weekly, ...(input.norwegianHolidays ? { holidays: { country: "NO" as const } } : {}) };
  try {
    compileCalendar(spec);
  } catch (error) {
    rethrowSlaError(error, calendarFieldOf);
  }
  return ctx.prisma.$transaction(async (tx) => {
    const taken = await tx.calendar.findUnique({ where: { key: input.key }, select: { id: true } });
    if (taken) throw new AppError("conflict", `A calendar with key ${input.key} exists`, { key: ["taken"] });
    const created = await tx.calendar.create({
      data: { key: input.key, name: input.name, timeZone: input.timeZone, weekly: toJson(weekly), holidayCountry: input.norwegianHolidays ? "NO" : null, createdAt: ctx.now() },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "calendar.create",
      targetType: "Calendar",
      targetId: created.id,
      organizationId: null,
      after: { key: input.key, name: input.name, timeZone: input.timeZone, weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, input.weekly[d] ?? ""])), norwegianHolidays: input.norwegianHolidays },
    });
    return created;
  }, TRANSACTION_OPTIONS);
}
