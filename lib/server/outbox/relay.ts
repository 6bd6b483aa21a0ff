import "server-only";
/**
 * Moves outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (several relays can
 * run), dispatched, and marked in the same transaction: if Redis fails, nothing is marked and the
 * rows are tried again; dispatching twice is harmless because job ids are deterministic and each
 * timer is replaced, not added twice.
 */
import { z } from "zod";
import type { Queue } from "bullmq";
import type { PrismaClient } from "../../generated/prisma/client";
import { TIMER_JOB_OPTIONS, slaTimerJob } from "../jobs/sla-timer";
import { OutboxMessageSchema } from "./messages";
import { QUEUES, type QueueName } from "../jobs/queues";

export { JobScheduleSchema, type JobSchedule } from "./messages";

type BulkJob = Parameters<Queue["addBulk"]>[0][number];

/**
 * Adds are collected per queue and sent with one addBulk per queue (one round trip for a batch
 * of hundreds of timers); a removal first sends what was collected, so the order of the messages
 * is kept (a later revision's cancel never overtakes the add of the revision it cancels).
 */
class Dispatcher {
  private readonly pending = new Map<Queue, BulkJob[]>();

  constructor(
    private readonly queues: RelayQueues,
    private readonly now: Date,
  ) {}

  add(queue: Queue, job: BulkJob): void {
    const jobs = this.pending.get(queue) ?? [];
    jobs.push(job);
    this.pending.set(queue, jobs);
  }

  /** A job that is running right now cannot be removed (remove answers 0): it finds itself stale. */
  async remove(queue: Queue, jobIds: string[]): Promise<void> {
    if (jobIds.length === 0) return;
    await this.flush();
    for (const jobId of jobIds) await queue.remove(jobId);
  }

  async flush(): Promise<void> {
    for (const [queue, jobs] of this.pending) if (jobs.length) await queue.addBulk(jobs);
    this.pending.clear();
  }

  async dispatch(topic: string, payload: unknown): Promise<void> {
    // An unknown topic or a payload that does not fit its topic is a ZodError: the message is set aside.
    const message = OutboxMessageSchema.parse({ topic, payload });
    switch (message.topic) {
      case "job.schedule": {
        const job = message.payload;
        const queue = this.queues.byName(job.queue);
        await this.remove(queue, [job.jobId]); // replaced, not added twice
        this.add(queue, { name: job.name, data: job.data, opts: { ...TIMER_JOB_OPTIONS, jobId: job.jobId, delay: Math.max(0, Date.parse(job.at) - this.now.getTime()) } });
        return;
      }
      case "sla.schedule":
      case "sla.cancel": {
        await this.remove(this.queues.slaTimers, message.payload.cancelJobIds);
        // Ids are unique per revision: adding again after a lost commit is ignored by BullMQ.
        for (const timer of message.payload.timers) this.add(this.queues.slaTimers, slaTimerJob(timer, this.now));
        return;
      }
    }
  }
}

export interface RelayQueues {
  slaTimers: Queue;
  byName(name: QueueName): Queue;
}

/** The queues a relay writes to, opened on first use and closed together. */
export function relayQueues(open: (name: QueueName) => Queue): RelayQueues & { close(): Promise<void> } {
  const opened = new Map<QueueName, Queue>();
  const byName = (name: QueueName) => {
    let queue = opened.get(name);
    if (!queue) {
      queue = open(name);
      opened.set(name, queue);
    }
    return queue;
  };
  return {
    get slaTimers() {
      return byName(QUEUES.slaTimers);
    },
    byName,
    close: async () => {
      await Promise.all([...opened.values()].map((q) => q.close()));
    },
  };
}

/** Relays up to `limit` pending messages in order; returns how many were handled. */
export async function relayOutbox({
  prisma,
  slaTimers,
  queues,
  now = new Date(),
  limit = 200,
}: {
  prisma: PrismaClient;
  slaTimers?: Queue;
  queues?: RelayQueues;
  now?: Date;
  limit?: number;
}): Promise<number> {
  const targets: RelayQueues = queues ?? {
    slaTimers: slaTimers!,
    byName: (name) => {
      if (name === QUEUES.slaTimers && slaTimers) return slaTimers;
      throw new Error(`relayOutbox was given no queue "${name}"`);
    },
  };
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: bigint; topic: string; payload: unknown }>>`
        select "id", "topic", "payload" from "OutboxMessage"
        where "dispatchedAt" is null order by "id" limit ${limit} for update skip locked`;
      const dispatcher = new Dispatcher(targets, now);
      const dispatched: bigint[] = [];
      for (const row of rows) {
        try {
          await dispatcher.dispatch(row.topic, row.payload);
          dispatched.push(row.id);
        } catch (error) {
          // A message that can never be dispatched is set aside with its reason; Redis errors roll back and retry.
          if (!(error instanceof z.ZodError)) throw error;
          console.error(`[outbox] message ${row.id} (${row.topic}) set aside: ${error.message}`);
          await tx.outboxMessage.update({ where: { id: row.id }, data: { dispatchedAt: now, attempts: { increment: 1 }, lastError: error.message } });
        }
      }
      await dispatcher.flush();
      if (dispatched.length) await tx.outboxMessage.updateMany({ where: { id: { in: dispatched } }, data: { dispatchedAt: now, attempts: { increment: 1 } } });
      return rows.length;
    },
    { timeout: 30_000 },
  );
}
