import "server-only";
/**
 * The shape of every JSON column, in one place: each column's zod schema, defined here or by
 * the module that owns the data and re-exported here. Written data is checked before it is
 * stored, and read data is parsed with `parseStored`, so a malformed value stops with an error
 * that names the column and the row instead of flowing into a clock.
 *
 * | column | schema | owner |
 * | --- | --- | --- |
 * | AgreementVersion.creditScheme | CreditSchemeSchema | here (lib/sla/credit.ts's CreditScheme) |
 * | AgreementVersion.escalationRules | EscalationRulesSchema | lib/server/escalation/rules.ts |
 * | Calendar.weekly | WeeklyHoursSchema | here (lib/sla/calendar.ts's CalendarSpec.weekly) |
 * | CalendarDate.hours | HoursSchema (null: closed) | here |
 * | TicketEvent.data | ClockEventDataSchemas for the events a clock is computed from; any object for the rest | here |
 * | SlaClock.pauses | StoredPausesSchema | here (written by lib/server/tickets/clock.ts) |
 * | SlaClock.timers | TimersSchema | lib/server/jobs/sla-timer.ts (ScheduledTimerSchema) |
 * | Notification.payload | the template's schema (parsePayload) | lib/server/notifications/templates.ts |
 * | OutboxMessage.payload | OutboxMessageSchema, by topic | lib/server/outbox/messages.ts |
 * | MaintenanceWindow.rule, MonthlyReport.inputs, MonthlyReport.figures | not yet: read by the reports' own code | lib/server/reports/, lib/server/incidents/ |
 */
import { z } from "zod";
import type { CreditScheme } from "../../sla/credit";
import type { CalendarSpec, Hours } from "../../sla/calendar";
import { ScheduledTimerSchema } from "../jobs/sla-timer";

export { EscalationRulesSchema } from "../escalation/rules";
export { parsePayload as parseNotificationPayload } from "../notifications/templates";
export { OutboxMessageSchema } from "../outbox/messages";

/** SlaClock.pauses as stored (lib/server/tickets/clock.ts writes it); unreadable reads as none. */
export const StoredPausesSchema = z.array(z.object({ from: z.string(), to: z.string().nullable() })).catch([]);

/** A stored JSON value that does not fit its column's schema. */
export class StoredDataError extends Error {
  constructor(where: string, error: z.ZodError) {
    super(`${where} does not have the stored shape: ${error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`);
    this.name = "StoredDataError";
  }
}

/** A stored JSON value parsed with its column's schema; `where` names the column and row for the error. */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredDataError(where, parsed.error);
  return parsed.data;
}

const WallTime = z.string().regex(/^\d{2}:\d{2}$/, "HH:MM");
export const HoursSchema: z.ZodType<Hours> = z.array(z.tuple([WallTime, WallTime]));
export const WeeklyHoursSchema: z.ZodType<CalendarSpec["weekly"]> = z.partialRecord(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), HoursSchema);

const UptimeTierSchema = z.object({ minUptimePercent: z.number().optional(), belowUptimePercent: z.number().optional(), percent: z.number() });
export const CreditSchemeSchema: z.ZodType<CreditScheme> = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("netpower"),
    perBreachPercent: z.number(),
    capPercent: z.number(),
    minWithinTargetPercent: z.number(),
    minUptimePercent: z.number(),
    claimWithinDays: z.number().optional(),
  }),
  z.object({ kind: z.literal("uptime_tiers"), tiers: z.array(UptimeTierSchema), capPercent: z.number(), claimWithinDays: z.number().optional() }),
  z.object({ kind: z.literal("sodvin_refund"), agreedUptime: z.number(), servicePeriod: z.enum(["month", "quarter"]).optional(), claimWithinDays: z.number().optional() }),
  z.object({ kind: z.literal("none") }),
]);

export const TimersSchema = z.array(ScheduledTimerSchema);

const Priority = z.enum(["P1", "P2", "P3", "P4"]);
/** The data of the events a response clock is computed from (other fields may come along). */
export const ClockEventDataSchemas = {
  REGISTERED: z.looseObject({ priority: Priority }),
  PRIORITY_CHANGED: z.looseObject({ to: Priority }),
  PAUSED: z.looseObject({ reason: z.string() }),
  RESUMED: z.looseObject({}),
  TROUBLESHOOTING_STARTED: z.looseObject({}),
  RECLASSIFIED: z.looseObject({ reason: z.string() }),
} as const;
export type ClockEventType = keyof typeof ClockEventDataSchemas;

/** TicketEvent.data of any type: an object; for a clock's events, the fields the clock reads. */
export function eventDataSchema(type: string): z.ZodType<Record<string, unknown>> {
  return Object.hasOwn(ClockEventDataSchemas, type) ? ClockEventDataSchemas[type as ClockEventType] : z.record(z.string(), z.unknown());
}
