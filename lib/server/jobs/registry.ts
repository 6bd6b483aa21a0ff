import "server-only";
/**
 * Every job is declared once here: its queue, name, payload schema, options, schedule and handler.
 * Payloads are parsed when enqueued and again in the worker; handlers must be safe to run twice.
 * (The SLA timer itself is declared in sla-timer.ts: its handler needs the job to re-delay it.)
 */
import { z } from "zod";
import type { JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../../generated/prisma/client";
import { autoCloseSolvedTickets } from "../tickets/auto-close-tickets";
import { recomputeClocksOnCalendar, RECOMPUTE_CALENDAR_CLOCKS_JOB } from "../tickets/recompute-calendar-clocks";
import { reconcileSlaTimers, withReconcileLock } from "../sla-timers/reconcile";
import { handleOnCallCheck, overdueOnCallChecks } from "../oncall";
import { onCallCheckJob } from "../oncall/job";
import { monthlyReportsJob } from "../reports/report-job";
import { TIME_ZONE } from "../../config/time-zone";
import { QUEUES, type QueueName } from "./queues";
import { WORKER_HEARTBEAT_KEY } from "../health-keys";

export interface JobContext {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  workerId: string;
  /** The queue the job came from. */
  queue: Queue;
}

export interface JobDefinition<S extends z.ZodType> {
  queue: QueueName;
  name: string;
  schema: S;
  options?: JobsOptions;
  /** Repeats every so many ms (a BullMQ job scheduler), if set. */
  everyMs?: number;
  /** Or repeats on a cron pattern in a time zone. */
  cron?: { pattern: string; tz: string };
  handle(payload: z.infer<S>, ctx: JobContext): Promise<void>;
}

const define = <S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> => def;
const KEEP_LITTLE: JobsOptions = { removeOnComplete: true, removeOnFail: 100 };

export const HEARTBEAT_EVERY_MS = 15_000;

/** Proves the whole path scheduler → Redis → worker works for a queue; /api/health reads it. */
const heartbeat = (queue: QueueName) =>
  define({
    queue,
    name: "heartbeat",
    schema: z.object({}),
    options: KEEP_LITTLE,
    everyMs: HEARTBEAT_EVERY_MS,
    async handle(_payload, { redis, prefix, workerId }) {
      await redis.set(WORKER_HEARTBEAT_KEY(prefix, queue), JSON.stringify({ at: new Date().toISOString(), workerId }), "EX", 120);
    },
  });

export const heartbeatJob = heartbeat(QUEUES.system);

/** Closes solved tickets whose confirmation window has passed (000 §5.8); idempotent per ticket. */
export const autoCloseJob = define({
  queue: QUEUES.system,
  name: "auto-close-solved-tickets",
  schema: z.object({}),
  options: KEEP_LITTLE,
  everyMs: 60_000,
  async handle(_payload, { prisma }) {
    const { closed } = await autoCloseSolvedTickets({ ctx: { prisma, now: () => new Date() } });
    if (closed.length) console.log(`[workers] closed after the confirmation window: ${closed.join(", ")}`);
  },
});

/** A calendar changed: the clocks still counting on it are recomputed (setCalendarDate schedules it). */
export const recomputeCalendarClocksJob = define({
  queue: QUEUES.system,
  name: RECOMPUTE_CALENDAR_CLOCKS_JOB,
  schema: z.object({ calendarId: z.uuid() }),
  options: KEEP_LITTLE,
  async handle({ calendarId }, { prisma }) {
    const { checked, changed } = await recomputeClocksOnCalendar({ calendarId, ctx: { prisma, now: () => new Date() } });
    console.log(`[workers] calendar ${calendarId} changed: ${changed} of the ${checked} open clocks on it got a new due instant`);
  },
});

/**
 * Every minute: breaches that came due while no worker ran, timers Redis lost, and on-call pages
 * whose acknowledgement check never ran.
 */
export const reconcileJob = define({
  queue: QUEUES.slaTimers,
  name: "reconcile",
  schema: z.object({}),
  options: KEEP_LITTLE,
  everyMs: 60_000,
  async handle(_payload, { prisma, redis, prefix, queue }) {
    await withReconcileLock(redis, prefix, {}, async () => {
      const now = new Date();
      const result = await reconcileSlaTimers({ prisma, slaTimers: queue, redis, now, overdueGraceMs: 15_000 });
      if (result.breachesRecorded || result.warningsRecorded || result.timersRecreated) {
        console.log(`[sla-timers] reconciled: ${result.breachesRecorded} overdue breaches and ${result.warningsRecorded} overdue warnings recorded, ${result.timersRecreated} lost timers re-created`);
      }
      for (const payload of await overdueOnCallChecks({ prisma, now })) await handleOnCallCheck({ prisma, payload, now });
    });
  },
});

/** Last month's SLA report of every customer, on the 1st at 06:00 local time (TIME_ZONE); also on demand with {month}. */
export const monthlyReports = define({ ...monthlyReportsJob, cron: { pattern: "0 6 1 * *", tz: TIME_ZONE } });

export const JOBS = [heartbeatJob, autoCloseJob, recomputeCalendarClocksJob, heartbeat(QUEUES.slaTimers), reconcileJob, onCallCheckJob, monthlyReports] as const;

export function jobsOf(queue: QueueName): ReadonlyArray<JobDefinition<z.ZodType>> {
  return JOBS.filter((job) => job.queue === queue) as ReadonlyArray<JobDefinition<z.ZodType>>;
}
