/**
 * The backstop that runs every minute: PostgreSQL holds every clock's timers (SlaClock.timers),
 * Redis only wake-up calls. It records the breaches whose deadline passed while no worker ran,
 * and re-creates every timer of a running clock that Redis has lost (after a restart with an
 * empty Redis, a FLUSHALL, an eviction). Safe to run at any time and twice: recording is
 * idempotent and job ids are deterministic.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../../generated/prisma/client";
import { ScheduledTimerSchema, slaTimerJob, type ScheduledTimer } from "../jobs/sla-timer";
import { recordSlaTimers } from "./handle-sla-timer";

const TimersSchema = z.array(ScheduledTimerSchema);

/** A pass that died holds the lock no longer than this. */
const LOCK_MS = 5 * 60_000;

/**
 * One reconcile pass at a time, across processes and between the start-up pass and the
 * every-minute one: under a peak a pass over 100,000 clocks can outlast its minute, and BullMQ
 * starts the next one beside it; the first scheduled pass also starts beside the start-up pass.
 * Without `waitMs` a pass that finds another running gives up (returns undefined). With it (the
 * start-up pass, whose breaches overdue by seconds must be recorded) it waits that long and then
 * runs anyway: the holder may be a worker that was killed mid-pass, whose lock only expires later.
 */
export async function withReconcileLock<T>(redis: Redis, prefix: string, { waitMs }: { waitMs?: number }, pass: () => Promise<T>): Promise<T | undefined> {
  const lock = `${prefix}:sla-reconcile-running`;
  const token = randomUUID();
  const giveUpAt = Date.now() + (waitMs ?? 0);
  let owned: boolean;
  while (!(owned = (await redis.set(lock, token, "PX", LOCK_MS, "NX")) === "OK")) {
    if (waitMs === undefined) return undefined;
    if (Date.now() >= giveUpAt) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    return await pass();
  } finally {
    if (owned && (await redis.get(lock)) === token) await redis.del(lock);
  }
}

export interface ReconcileResult {
  clocksChecked: number;
  timersRecreated: number;
  breachesRecorded: number;
}

/** Breaches due by `now` less `graceMs` on clocks still running, with no breach recorded. */
async function recordOverdueBreaches(prisma: PrismaClient, now: Date, graceMs: number, batch: number): Promise<number> {
  let recorded = 0;
  for (;;) {
    const overdue = await prisma.$queryRaw<Array<{ ticketId: string; revision: number; dueAt: Date }>>`
      select c."ticketId", c."revision", c."dueAt" from "SlaClock" c
      where c."state" in ('RUNNING', 'BREACHED') and c."stoppedAt" is null and c."dueAt" < ${new Date(now.getTime() - graceMs)}
        and not exists (select 1 from "Escalation" e where e."ticketId" = c."ticketId" and e."kind" = 'BREACH')
      order by c."dueAt" limit ${batch}`;
    const outcomes = await recordSlaTimers({
      prisma,
      payloads: overdue.map((clock) => ({ ticketId: clock.ticketId, metric: "RESPONSE", kind: "breach", revision: clock.revision, at: clock.dueAt.toISOString() })),
      now,
    });
    recorded += outcomes.filter((o) => o.result === "recorded").length;
    const progress = outcomes.filter((o) => o.result === "recorded" || o.result === "duplicate").length;
    // Stop when a batch made no progress (e.g. all stale because they changed meanwhile).
    if (overdue.length < batch || progress === 0) return recorded;
  }
}

/**
 * Timers of running clocks that Redis does not have; past warnings only if not yet recorded.
 * Pages carry only job ids (one EXISTS each, in one round trip); the few clocks with a job
 * missing are then read in full, as they are now: a clock that has since changed (new job ids) or
 * stopped has nothing missing, and a timer that came due while we looked may simply have run
 * (completed jobs are removed).
 */
async function missingTimers(
  prisma: PrismaClient,
  redis: Redis,
  jobKeyPrefix: string,
  clocks: Array<{ ticketId: string; jobIds: string[] }>,
  now: Date,
): Promise<ScheduledTimer[]> {
  const jobs = clocks.flatMap((c) => c.jobIds.map((jobId) => ({ ticketId: c.ticketId, jobId })));
  if (jobs.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const { jobId } of jobs) pipeline.exists(`${jobKeyPrefix}${jobId}`);
  const exists = (await pipeline.exec()) ?? [];
  const checkedAt = Math.max(now.getTime(), Date.now());
  const absent = jobs.filter((_, i) => exists[i]?.[1] === 0);
  if (absent.length === 0) return [];
  const absentIds = new Set(absent.map((j) => j.jobId));
  const current = await prisma.slaClock.findMany({
    where: { ticketId: { in: [...new Set(absent.map((j) => j.ticketId))] }, metric: "RESPONSE", state: "RUNNING", stoppedAt: null },
    select: { timers: true },
  });
  const missing = current.flatMap((c) => TimersSchema.parse(c.timers)).filter((t) => absentIds.has(t.jobId));
  // A missing warning that was due is re-created only if it was never recorded (it fires at once,
  // late but before the breach).
  const pastWarnings = missing.filter((t) => t.kind === "warning" && Date.parse(t.at) <= checkedAt);
  const recorded = new Set(
    pastWarnings.length
      ? (
          await prisma.escalation.findMany({
            where: { kind: "WARNING", ticketId: { in: [...new Set(pastWarnings.map((t) => t.ticketId))] } },
            select: { ticketId: true, threshold: true },
          })
        ).map((e) => `${e.ticketId}/${e.threshold}`)
      : [],
  );
  return missing.filter((t) => t.kind === "breach" || Date.parse(t.at) > checkedAt || !recorded.has(`${t.ticketId}/${t.threshold}`));
}

export async function reconcileSlaTimers({
  prisma,
  slaTimers,
  redis,
  prefix,
  now = new Date(),
  overdueGraceMs = 0,
  batch = 1000,
}: {
  prisma: PrismaClient;
  slaTimers: Queue;
  /** A plain connection for the existence checks. */
  redis: Redis;
  /** The Redis prefix the queue was opened with. */
  prefix: string;
  now?: Date;
  /**
   * Breaches overdue by less than this are left to the timer worker: 0 at start-up (no worker
   * ran); while workers run, a backlog of seconds is theirs to record, and the reconciler
   * recording the same breaches at the same time only makes both wait for each other's locks.
   */
  overdueGraceMs?: number;
  batch?: number;
}): Promise<ReconcileResult> {
  const jobKeyPrefix = `${prefix}:${slaTimers.name}:`;
  const breachesRecorded = await recordOverdueBreaches(prisma, now, overdueGraceMs, batch);
  // A clock whose schedule is still in the outbox is the relay's business, not lost: only clocks
  // last changed before the oldest message not yet relayed are checked (both are written in one
  // transaction). Otherwise a start-up with a backlog would send every timer to Redis twice.
  const backlog = await prisma.outboxMessage.aggregate({ where: { dispatchedAt: null }, _min: { createdAt: true } });
  const settledBefore = backlog._min.createdAt;
  let clocksChecked = 0;
  let timersRecreated = 0;
  let after: string | undefined;
  for (;;) {
    const clocks = await prisma.$queryRaw<Array<{ id: string; ticketId: string; jobIds: string[] }>>`
      select c."id", c."ticketId", array(select t ->> 'jobId' from jsonb_array_elements(c."timers") t) as "jobIds"
      from "SlaClock" c
      where c."state" = 'RUNNING' and c."id" > ${after ?? "00000000-0000-0000-0000-000000000000"}::uuid
        and (${settledBefore}::timestamptz is null or c."updatedAt" < ${settledBefore}::timestamptz)
      order by c."id" limit ${batch}`;
    if (clocks.length === 0) break;
    clocksChecked += clocks.length;
    after = clocks.at(-1)!.id;
    const missing = await missingTimers(prisma, redis, jobKeyPrefix, clocks, now);
    if (missing.length) {
      // Delays count from the real now: a fake `now` (tests) or a long pass must not shift them.
      await slaTimers.addBulk(missing.map((timer) => slaTimerJob(timer, new Date())));
      timersRecreated += missing.length;
    }
    if (clocks.length < batch) break;
  }
  return { clocksChecked, timersRecreated, breachesRecorded };
}
