/**
 * Moves outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (several relays can
 * run), dispatched, and marked in the same transaction: if Redis fails, nothing is marked and the
 * rows are tried again; dispatching twice is harmless because job ids are deterministic and each
 * timer is replaced, not added twice.
 */
import { z } from "zod";
import type { Queue } from "bullmq";
import type { PrismaClient } from "../../generated/prisma/client";
import { SLA_TIMER_JOB, SlaTimerPayloadSchema } from "../jobs/sla-timer";

const SlaScheduleSchema = z.object({
  ticketId: z.uuid(),
  revision: z.number().int(),
  timers: z.array(SlaTimerPayloadSchema.extend({ jobId: z.string().min(1) })),
  cancelJobIds: z.array(z.string().min(1)),
});

export const TIMER_JOB_OPTIONS = { removeOnComplete: true, removeOnFail: 1000 } as const;

async function dispatch(topic: string, payload: unknown, slaTimers: Queue, now: Date): Promise<void> {
  switch (topic) {
    case "sla.schedule":
    case "sla.cancel": {
      const message = SlaScheduleSchema.parse(payload);
      for (const jobId of message.cancelJobIds) await slaTimers.remove(jobId);
      for (const { jobId, ...timer } of message.timers) {
        await slaTimers.remove(jobId); // a timer moved: replace it
        await slaTimers.add(SLA_TIMER_JOB, timer, { ...TIMER_JOB_OPTIONS, jobId, delay: Math.max(0, Date.parse(timer.at) - now.getTime()) });
      }
      return;
    }
    default:
      throw new z.ZodError([{ code: "custom", message: `unknown outbox topic ${topic}`, path: ["topic"], input: topic }]);
  }
}

/** Relays up to `limit` pending messages in order; returns how many were handled. */
export async function relayOutbox({ prisma, slaTimers, now = new Date(), limit = 200 }: { prisma: PrismaClient; slaTimers: Queue; now?: Date; limit?: number }): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: bigint; topic: string; payload: unknown }>>`
        select "id", "topic", "payload" from "OutboxMessage"
        where "dispatchedAt" is null order by "id" limit ${limit} for update skip locked`;
      for (const row of rows) {
        try {
          await dispatch(row.topic, row.payload, slaTimers, now);
          await tx.outboxMessage.update({ where: { id: row.id }, data: { dispatchedAt: now, attempts: { increment: 1 } } });
        } catch (error) {
          // A message that can never be dispatched is set aside with its reason; Redis errors roll back and retry.
          if (!(error instanceof z.ZodError)) throw error;
          console.error(`[outbox] message ${row.id} (${row.topic}) set aside: ${error.message}`);
          await tx.outboxMessage.update({ where: { id: row.id }, data: { dispatchedAt: now, attempts: { increment: 1 }, lastError: error.message } });
        }
      }
      return rows.length;
    },
    { timeout: 30_000 },
  );
}
