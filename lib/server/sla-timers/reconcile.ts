import "server-only";
/**
 * The backstop that runs every minute: PostgreSQL holds every clock's timers (SlaClock.timers),
 * Redis only wake-up calls. It records the warnings and breaches whose instant passed while no
 * worker ran, and re-creates every timer still ahead of a running clock that Redis has lost
 * (after a restart with an empty Redis, a FLUSHALL, an eviction). Safe to run at any time and
 * twice: recording is idempotent and job ids are deterministic.
 */
import { randomUUID } from "node:crypto";
import type { Queue } from "bullmq";
import type { RedisClient } from "../redis";
import type { PrismaClient } from "../../generated/prisma/client";
import { slaTimerJob, type ScheduledTimer, type SlaTimerPayload } from "../jobs/sla-timer";
import { parseStored, TimersSchema } from "../db/json-schemas";
import { recordSlaTimers } from "./handle-sla-timer";
import { breachKeySql, warningKeySql, type TimerMetric } from "../escalation/keys";
import { handleOnCallCheck } from "../oncall/handle-oncall-check";
import { overdueOnCallChecks } from "../oncall/due-checks";

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
export async function withReconcileLock<T>(redis: RedisClient, prefix: string, { waitMs }: { waitMs?: number }, pass: () => Promise<T>): Promise<T | undefined> {
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
  warningsRecorded: number;
}

/**
 * Records what came due by `cutoff` and never was, a page at a time, until a page comes back
 * short or records nothing (e.g. all stale because their clocks changed meanwhile, or recorded
 * by a worker meanwhile): the next pass sees to what is left.
 */
async function recordOverdue(prisma: PrismaClient, now: Date, batch: number, page: () => Promise<SlaTimerPayload[]>): Promise<number> {
  let recorded = 0;
  for (;;) {
    const overdue = await page();
    const outcomes = await recordSlaTimers({ prisma, payloads: overdue, now });
    const recordedNow = outcomes.filter((o) => o.result === "recorded").length;
    recorded += recordedNow;
    if (overdue.length < batch || recordedNow === 0) return recorded;
  }
}

/** Looked up by the key recordSlaTimers writes (a ticket's response and breach-notice clocks each have their own). */
const OVERDUE_BREACHES = `
    select c."ticketId", c."metric"::text as "metric", c."revision", c."dueAt" from "SlaClock" c
    where c."state" in ('RUNNING', 'BREACHED') and c."stoppedAt" is null and c."dueAt" < $1
      and not exists (select 1 from "Escalation" e where e."dedupeKey" = ${breachKeySql(`c."ticketId"`, `c."metric"`)})
    order by c."dueAt" limit $2`;

/** Breaches due before `cutoff` on clocks still running (or marked breached by an action), with no breach recorded. */
async function overdueBreaches(prisma: PrismaClient, cutoff: Date, batch: number): Promise<SlaTimerPayload[]> {
  const rows = await prisma.$queryRawUnsafe<Array<{ ticketId: string; metric: TimerMetric; revision: number; dueAt: Date }>>(OVERDUE_BREACHES, cutoff, batch);
  return rows.map((c) => ({ ticketId: c.ticketId, metric: c.metric, kind: "breach", revision: c.revision, at: c.dueAt.toISOString() }));
}

/**
 * Warnings due before `cutoff` on clocks still running, never recorded: looked up by the key
 * recordSlaTimers writes (lib/server/escalation/keys.ts, as SQL).
 */
const OVERDUE_WARNINGS = `
    select c."ticketId", c."metric"::text as "metric", c."revision", t ->> 'at' as "at", (t ->> 'threshold')::float8 as "threshold"
    from "SlaClock" c cross join lateral jsonb_array_elements(c."timers") t
    where c."state" = 'RUNNING' and c."stoppedAt" is null and t ->> 'kind' = 'warning' and (t ->> 'at')::timestamptz < $1
      and not exists (select 1 from "Escalation" e where e."dedupeKey" = ${warningKeySql(`c."ticketId"`, `(t ->> 'threshold')`, `c."targetMinutes"`, `c."metric"`)})
    order by c."dueAt", c."ticketId" limit $2`;

async function overdueWarnings(prisma: PrismaClient, cutoff: Date, batch: number): Promise<SlaTimerPayload[]> {
  const rows = await prisma.$queryRawUnsafe<Array<{ ticketId: string; metric: TimerMetric; revision: number; at: string; threshold: number }>>(OVERDUE_WARNINGS, cutoff, batch);
  return rows.map((w) => ({ ticketId: w.ticketId, metric: w.metric, kind: "warning", threshold: w.threshold, revision: w.revision, at: w.at }));
}

/** Returns the indexes of the keys that do not exist, in one command. */
const MISSING_KEYS = `
  local missing = {}
  for i, key in ipairs(KEYS) do
    if redis.call('EXISTS', key) == 0 then missing[#missing + 1] = i - 1 end
  end
  return missing`;

/**
 * Timers of running clocks that Redis does not have. Only timers still ahead are looked for
 * (those that came due are recorded or not, and recordOverdue sees to the ones that were not).
 * A timer ahead waits in the queue's delayed set: one ZMSCORE asks for a whole page (about a
 * millisecond of Redis for 4,000 timers); the few not there (released meanwhile, or lost) are
 * looked for as jobs. The clocks with a job missing are then read in full, as they are now: a
 * clock that has since changed (new job ids) or stopped has nothing missing, and a timer that
 * came due while we looked may simply have run (completed jobs are removed).
 */
async function missingTimers(prisma: PrismaClient, redis: RedisClient, slaTimers: Queue, page: { ticketIds: string[]; jobIds: string[] }, now: Date): Promise<ScheduledTimer[]> {
  if (page.jobIds.length === 0) return [];
  const scores = await redis.zmscore(slaTimers.keys.delayed!, ...page.jobIds);
  const notDelayed = scores.flatMap((score, i) => (score === null ? [i] : []));
  if (notDelayed.length === 0) return [];
  const absentAt = (await redis.eval(MISSING_KEYS, notDelayed.length, ...notDelayed.map((i) => slaTimers.toKey(page.jobIds[i]!)))) as number[];
  const missingAt = absentAt.map((k) => notDelayed[k]!);
  if (missingAt.length === 0) return [];
  const checkedAt = Math.max(now.getTime(), Date.now());
  const absentIds = new Set(missingAt.map((i) => page.jobIds[i]!));
  const current = await prisma.slaClock.findMany({
    where: { ticketId: { in: [...new Set(missingAt.map((i) => page.ticketIds[i]!))] }, state: "RUNNING", stoppedAt: null },
    select: { ticketId: true, timers: true },
  });
  const missing = current.flatMap((c) => parseStored(TimersSchema, c.timers, `SlaClock.timers of ticket ${c.ticketId}`)).filter((t) => absentIds.has(t.jobId));
  // A missing warning that was due is re-created only if it was never recorded (it fires at once,
  // late but before the breach).
  const pastWarnings = missing.filter((t) => t.kind === "warning" && Date.parse(t.at) <= checkedAt);
  const recorded = new Set(
    pastWarnings.length
      ? (
          await prisma.escalation.findMany({
            where: { kind: "WARNING", ticketId: { in: [...new Set(pastWarnings.map((t) => t.ticketId))] } },
            select: { ticketId: true, threshold: true, clock: { select: { metric: true } } },
          })
        ).map((e) => `${e.ticketId}/${e.clock?.metric ?? "RESPONSE"}/${e.threshold}`)
      : [],
  );
  return missing.filter((t) => t.kind === "breach" || Date.parse(t.at) > checkedAt || !recorded.has(`${t.ticketId}/${t.metric}/${t.threshold}`));
}

export async function reconcileSlaTimers({
  prisma,
  slaTimers,
  redis,
  now = new Date(),
  overdueGraceMs = 0,
  batch = 1000,
}: {
  prisma: PrismaClient;
  slaTimers: Queue;
  /** A plain connection for the existence checks. */
  redis: RedisClient;
  now?: Date;
  /**
   * Warnings and breaches overdue by less than this are left to the timer worker: 0 at start-up
   * (no worker ran); while workers run, a backlog of seconds is theirs to record, and the
   * reconciler recording the same timers at the same time only makes both wait for each other's
   * locks.
   */
  overdueGraceMs?: number;
  batch?: number;
}): Promise<ReconcileResult> {
  const cutoff = new Date(now.getTime() - overdueGraceMs);
  const breachesRecorded = await recordOverdue(prisma, now, batch, () => overdueBreaches(prisma, cutoff, batch));
  // After the breaches: a clock that breached has no use for a late warning.
  const warningsRecorded = await recordOverdue(prisma, now, batch, () => overdueWarnings(prisma, cutoff, batch));
  // A clock whose schedule is still in the outbox is the relay's business, not lost: only clocks
  // last changed before the oldest message not yet relayed are checked (both are written in one
  // transaction). Otherwise a start-up with a backlog would send every timer to Redis twice.
  const backlog = await prisma.outboxMessage.aggregate({ where: { dispatchedAt: null }, _min: { createdAt: true } });
  const settledBefore = backlog._min.createdAt;
  let clocksChecked = 0;
  let timersRecreated = 0;
  // Pages in the order of the running clocks' index (state, due instant): the stopped clocks of
  // every ticket ever are never read.
  let after = { dueAt: now, id: "00000000-0000-0000-0000-000000000000" };
  for (;;) {
    // A page of clocks comes back as one row: the job ids of the timers still ahead, each with its
    // ticket (parallel JSON arrays: Prisma decodes a JSON value at once, an array value by value),
    // and where the next page starts.
    const [page] = await prisma.$queryRaw<Array<{ clocks: number; lastDueAt: Date | null; lastId: string | null; ticketIds: string[]; jobIds: string[] }>>`
      with page as (
        select c."id", c."ticketId", c."dueAt", c."timers" from "SlaClock" c
        where c."state" = 'RUNNING' and c."dueAt" >= ${after.dueAt} and (c."dueAt", c."id") > (${after.dueAt}, ${after.id}::uuid)
          and (${settledBefore}::timestamptz is null or c."updatedAt" < ${settledBefore}::timestamptz)
        order by c."dueAt", c."id" limit ${batch}
      ), last as (
        select "dueAt", "id" from page order by "dueAt" desc, "id" desc limit 1
      )
      select (select count(*) from page)::int as "clocks", (select "dueAt" from last) as "lastDueAt", (select "id" from last) as "lastId",
             coalesce(json_agg(page."ticketId"), '[]') as "ticketIds", coalesce(json_agg(t ->> 'jobId'), '[]') as "jobIds"
      from page cross join lateral jsonb_array_elements(page."timers") t
      where (t ->> 'at')::timestamptz > ${now}`;
    if (!page || page.clocks === 0) break;
    clocksChecked += page.clocks;
    after = { dueAt: page.lastDueAt!, id: page.lastId! };
    const missing = await missingTimers(prisma, redis, slaTimers, page, now);
    if (missing.length) {
      // Delays count from the real now: a fake `now` (tests) or a long pass must not shift them.
      await slaTimers.addBulk(missing.map((timer) => slaTimerJob(timer, new Date())));
      timersRecreated += missing.length;
    }
    if (page.clocks < batch) break;
  }
  return { clocksChecked, timersRecreated, breachesRecorded, warningsRecorded };
}

/** How long the start-up pass waits for a pass another process is running, before it runs anyway. */
const START_UP_WAIT_MS = 10_000;
/** While workers run, warnings and breaches overdue by less than this are theirs to record. */
const RUNNING_GRACE_MS = 15_000;

/**
 * The reconcile pass, the same at start-up and every minute (the registry's reconcile job runs
 * both): overdue warnings and breaches recorded, lost timers re-created, and the on-call pages
 * whose acknowledgement check never ran checked. At start-up nothing overdue is left to a worker
 * (none ran), and a pass another process holds is waited for; every minute such a pass is skipped.
 */
export async function reconcile({
  prisma,
  redis,
  prefix,
  slaTimers,
  startUp,
  now,
}: {
  prisma: PrismaClient;
  redis: RedisClient;
  prefix: string;
  slaTimers: Queue;
  startUp: boolean;
  now?: Date;
}): Promise<(ReconcileResult & { onCallChecks: number }) | undefined> {
  return withReconcileLock(redis, prefix, startUp ? { waitMs: START_UP_WAIT_MS } : {}, async () => {
    const at = now ?? new Date();
    const result = await reconcileSlaTimers({ prisma, slaTimers, redis, now: at, overdueGraceMs: startUp ? 0 : RUNNING_GRACE_MS });
    let onCallChecks = 0;
    for (const payload of await overdueOnCallChecks({ prisma, now: at })) {
      await handleOnCallCheck({ prisma, payload, now: at });
      onCallChecks++;
    }
    const summary = `${result.breachesRecorded} overdue breaches and ${result.warningsRecorded} overdue warnings recorded, ${result.timersRecreated} lost timers re-created, ${onCallChecks} overdue on-call checks run`;
    if (startUp) console.log(`[sla-timers] start-up reconcile: ${result.clocksChecked} running clocks checked, ${summary}`);
    else if (result.breachesRecorded || result.warningsRecorded || result.timersRecreated || onCallChecks) console.log(`[sla-timers] reconciled: ${summary}`);
    return { ...result, onCallChecks };
  });
}
