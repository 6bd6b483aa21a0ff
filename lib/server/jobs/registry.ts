import "server-only";
/**
 * Every job is declared once here: its queue, name, payload schema, options, schedule and handler.
 * Payloads are parsed when enqueued and again in the worker; handlers must be safe to run twice.
 * The SLA timer is one of them (its contract, ids and delays are in sla-timer.ts), and so is the
 * reconcile pass, which a worker of its queue also runs once at start-up (`atStartUp`).
 */
import { z } from "zod";
import { DelayedError, type Job, type JobsOptions, type Queue } from "bullmq";
import type { RedisClient } from "../redis";
import type { PrismaClient } from "../../generated/prisma/client";
import { autoCloseSolvedTickets } from "../tickets/auto-close-tickets";
import { recomputeClocksOnCalendar, RECOMPUTE_CALENDAR_CLOCKS_JOB } from "../tickets/recompute-calendar-clocks";
import { reconcile } from "../sla-timers/reconcile";
import { handleSlaTimer, slaTimerDueIn, type SlaTimerOutcome } from "../sla-timers/handle-sla-timer";
import { SLA_TIMER_JOB, SlaTimerPayloadSchema, TIMER_JOB_OPTIONS, type SlaTimerPayload } from "./sla-timer";
import { onCallCheckJob, onCallSweepJob } from "../oncall/job";
import { monthlyReportsJob } from "../reports/report-job";
import { rollRotaJob, warnRotaGapsJob } from "../oncall/rota-jobs";
import { TIME_ZONE } from "../../config/time-zone";
import { QUEUES, type QueueName } from "./queues";
import { WORKER_HEARTBEAT_KEY } from "../health-keys";

export interface JobContext {
  prisma: PrismaClient;
  redis: RedisClient;
  prefix: string;
  workerId: string;
  /** The queue the job came from. */
  queue: Queue;
  /** The job in hand and its lock token (a handler may delay its job again); absent when run directly. */
  job?: Job;
  token?: string;
  /** The SLA timer process records fired timers in batches (lib/server/batch.ts); without it, one at a time. */
  recordSlaTimer?: (payload: SlaTimerPayload) => Promise<SlaTimerOutcome>;
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
  /** Also run once, with this payload, when a worker process of the queue starts. */
  atStartUp?: z.infer<S>;
  /** What it returns is the job's return value. */
  handle(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
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
 * A fired SLA timer (one delayed job per ticket, metric, threshold and clock revision; sla-timer.ts).
 * It records its warning or breach if its clock still says so; a timer released before its
 * instant (clocks of machines differ) is delayed again.
 */
export const slaTimerJobDefinition = define({
  queue: QUEUES.slaTimers,
  name: SLA_TIMER_JOB,
  schema: SlaTimerPayloadSchema,
  options: TIMER_JOB_OPTIONS,
  async handle(payload, { prisma, job, token, recordSlaTimer }) {
    const dueIn = slaTimerDueIn(payload, Date.now());
    const record = recordSlaTimer ?? ((p: SlaTimerPayload) => handleSlaTimer({ prisma, payload: p, now: new Date() }));
    const outcome: SlaTimerOutcome = dueIn > 0 ? { result: "early", retryInMs: dueIn } : await record(payload);
    if (outcome.result === "early" && job && token) {
      await job.moveToDelayed(Date.now() + outcome.retryInMs, token);
      throw new DelayedError();
    }
    return outcome.result;
  },
});

/**
 * At start-up and every minute, one pass (lib/server/sla-timers/reconcile.ts): warnings and
 * breaches that came due while no worker ran, timers Redis lost, and on-call pages whose
 * acknowledgement check never ran.
 */
export const reconcileJob = define({
  queue: QUEUES.slaTimers,
  name: "reconcile",
  schema: z.object({ startUp: z.boolean().optional() }),
  options: KEEP_LITTLE,
  everyMs: 60_000,
  atStartUp: { startUp: true },
  async handle({ startUp }, { prisma, redis, prefix, queue }) {
    await reconcile({ prisma, redis, prefix, slaTimers: queue, startUp: startUp ?? false });
  },
});

/** Last month's SLA report of every customer, on the 1st at 06:00 local time (TIME_ZONE); also on demand with {month}. */
export const monthlyReports = define({ ...monthlyReportsJob, cron: { pattern: "0 6 1 * *", tz: TIME_ZONE } });

export const JOBS = [
  heartbeatJob,
  autoCloseJob,
  recomputeCalendarClocksJob,
  heartbeat(QUEUES.slaTimers),
  slaTimerJobDefinition,
  reconcileJob,
  onCallCheckJob,
  onCallSweepJob,
  monthlyReports,
  rollRotaJob,
  warnRotaGapsJob,
] as const;

export function jobsOf(queue: QueueName): ReadonlyArray<JobDefinition<z.ZodType>> {
  return JOBS.filter((job) => job.queue === queue) as ReadonlyArray<JobDefinition<z.ZodType>>;
}
