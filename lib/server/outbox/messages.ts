import "server-only";
/**
 * Every outbox topic and its payload, one schema (a union discriminated by topic): checked when a
 * message is written (`writeOutboxMessage`) and when the relay reads it back. A message that does
 * not fit is an error at the writer, and set aside with its reason by the relay.
 */
import { z } from "zod";
import type { DbClient } from "../db/prisma";
import { toJson } from "../db/json";
import { ScheduledTimerSchema } from "../jobs/sla-timer";
import { QUEUES } from "../jobs/queues";

/** Any delayed job on a known queue, e.g. an on-call acknowledgement check. */
export const JobScheduleSchema = z.object({
  queue: z.enum([QUEUES.slaTimers, QUEUES.notifications, QUEUES.reports, QUEUES.system]),
  name: z.string().min(1),
  jobId: z
    .string()
    .min(1)
    .refine((id) => !id.includes(":"), "BullMQ job ids may not contain ':'"),
  data: z.record(z.string(), z.unknown()),
  /** ISO instant the job is due; now or in the past runs it at once. */
  at: z.iso.datetime(),
});
export type JobSchedule = z.infer<typeof JobScheduleSchema>;

/** A clock's new timers and the previous revision's job ids to cancel. */
export const SlaScheduleSchema = z.object({
  ticketId: z.uuid(),
  metric: z.enum(["RESPONSE", "BREACH_NOTICE"]).optional(),
  revision: z.number().int(),
  timers: z.array(ScheduledTimerSchema),
  cancelJobIds: z.array(z.string().min(1)),
});

export const OutboxMessageSchema = z.discriminatedUnion("topic", [
  z.object({ topic: z.literal("job.schedule"), payload: JobScheduleSchema }),
  z.object({ topic: z.literal("sla.schedule"), payload: SlaScheduleSchema }),
  z.object({ topic: z.literal("sla.cancel"), payload: SlaScheduleSchema }),
]);
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** Writes a message in the caller's transaction, checked against its topic's schema. */
export async function writeOutboxMessage(tx: DbClient, message: OutboxMessage): Promise<void> {
  const { topic, payload } = OutboxMessageSchema.parse(message);
  await tx.outboxMessage.create({ data: { topic, payload: toJson(payload) } });
}
