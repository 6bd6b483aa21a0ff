/**
 * The backstop that runs every minute: PostgreSQL holds every clock's timers (SlaClock.timers),
 * Redis only wake-up calls. It records the breaches whose deadline passed while no worker ran,
 * and re-creates every timer of a running clock that Redis has lost (after a restart with an
 * empty Redis, a FLUSHALL, an eviction). Safe to run at any time and twice: recording is
 * idempotent and job ids are deterministic.
 */
import { z } from "zod";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../../generated/prisma/client";
import { ScheduledTimerSchema, slaTimerJob, type ScheduledTimer } from "../jobs/sla-timer";
import { handleSlaTimer } from "./handle-sla-timer";

const TimersSchema = z.array(ScheduledTimerSchema);

export interface ReconcileResult {
  clocksChecked: number;
  timersRecreated: number;
  breachesRecorded: number;
}

/** Breaches due by `now` on clocks still running, with no breach recorded. */
async function recordOverdueBreaches(prisma: PrismaClient, now: Date, batch: number): Promise<number> {
  let recorded = 0;
  for (;;) {
    const overdue = await prisma.$queryRaw<Array<{ ticketId: string; revision: number; dueAt: Date }>>`
      select c."ticketId", c."revision", c."dueAt" from "SlaClock" c
      where c."state" in ('RUNNING', 'BREACHED') and c."stoppedAt" is null and c."dueAt" < ${now}
        and not exists (select 1 from "Escalation" e where e."ticketId" = c."ticketId" and e."kind" = 'BREACH')
      order by c."dueAt" limit ${batch}`;
    let progress = 0;
    for (const clock of overdue) {
      const outcome = await handleSlaTimer({
        prisma,
        payload: { ticketId: clock.ticketId, metric: "RESPONSE", kind: "breach", revision: clock.revision, at: clock.dueAt.toISOString() },
        now,
      });
      if (outcome.result === "recorded") recorded++;
      if (outcome.result === "recorded" || outcome.result === "duplicate") progress++;
    }
    // Stop when a batch made no progress (e.g. all stale because they changed meanwhile).
    if (overdue.length < batch || progress === 0) return recorded;
  }
}

/** Timers of running clocks that Redis does not have; past warnings only if not yet recorded. */
async function missingTimers(
  prisma: PrismaClient,
  redis: Redis,
  jobKeyPrefix: string,
  clocks: Array<{ ticketId: string; timers: unknown }>,
  now: Date,
): Promise<ScheduledTimer[]> {
  const timers = clocks.flatMap((c) => TimersSchema.parse(c.timers));
  if (timers.length === 0) return [];
  // One round trip per batch: does BullMQ's job hash exist?
  const pipeline = redis.pipeline();
  for (const t of timers) pipeline.exists(`${jobKeyPrefix}${t.jobId}`);
  const exists = (await pipeline.exec()) ?? [];
  const missing = timers.filter((_, i) => exists[i]?.[1] === 0);
  // A past warning that is missing may simply have run (completed jobs are removed): only a
  // warning that was never recorded is re-created (it fires at once, late but before the breach).
  const pastWarnings = missing.filter((t) => t.kind === "warning" && Date.parse(t.at) <= now.getTime());
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
  return missing.filter((t) => t.kind === "breach" || Date.parse(t.at) > now.getTime() || !recorded.has(`${t.ticketId}/${t.threshold}`));
}

export async function reconcileSlaTimers({
  prisma,
  slaTimers,
  redis,
  prefix,
  now = new Date(),
  batch = 1000,
}: {
  prisma: PrismaClient;
  slaTimers: Queue;
  /** A plain connection for the existence checks. */
  redis: Redis;
  /** The Redis prefix the queue was opened with. */
  prefix: string;
  now?: Date;
  batch?: number;
}): Promise<ReconcileResult> {
  const jobKeyPrefix = `${prefix}:${slaTimers.name}:`;
  const breachesRecorded = await recordOverdueBreaches(prisma, now, batch);
  let clocksChecked = 0;
  let timersRecreated = 0;
  let after: string | undefined;
  for (;;) {
    const clocks = await prisma.slaClock.findMany({
      where: { state: "RUNNING", ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, ticketId: true, timers: true },
    });
    if (clocks.length === 0) break;
    clocksChecked += clocks.length;
    after = clocks.at(-1)!.id;
    const missing = await missingTimers(prisma, redis, jobKeyPrefix, clocks, now);
    if (missing.length) {
      await slaTimers.addBulk(missing.map((timer) => slaTimerJob(timer, now)));
      timersRecreated += missing.length;
    }
    if (clocks.length < batch) break;
  }
  return { clocksChecked, timersRecreated, breachesRecorded };
}
