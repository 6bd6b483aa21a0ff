/**
 * The SLA timer process: its own process, queue and worker, so a backlog of notifications or a
 * long report never delays a breach (ENGINEERING.md, "Measured here"). It also relays the outbox
 * (timer work moves from PostgreSQL to Redis here) and reconciles every minute — once right at
 * start-up, so a restart with an empty Redis loses nothing.
 *
 * Timers that fire together are recorded together (lib/server/batch.ts): one read and one write
 * statement per batch, prepared on a pool of the process's own. bench/breach.ts measures it.
 */
import { QUEUES } from "../lib/server/jobs/queues";
import { recordSlaTimers, type SlaTimerOutcome } from "../lib/server/sla-timers/handle-sla-timer";
import { createBatcher } from "../lib/server/batch";
import { createSqlPool, poolSql } from "../lib/server/db/sql";
import type { SlaTimerPayload } from "../lib/server/jobs/sla-timer";
import { relayQueues } from "../lib/server/outbox/relay";
import { startOutboxRelay } from "../lib/server/outbox/relay-loop";
import { runWorkerProcess, warnUnlessNoEviction } from "./runtime";

/** Most timers recorded in one batch. */
const BATCH = 250;
/** How often the timers recorded are summed up in the log, when there were any. */
const STATS_EVERY_MS = 10_000;

runWorkerProcess("sla-timers", async (rt) => {
  await warnUnlessNoEviction(rt.redis, "sla-timers");

  const pool = createSqlPool(undefined, 4);
  rt.onStop(() => pool.end());
  const sql = poolSql(pool);
  const stats = { timers: 0, batches: 0, largest: 0, slowestMs: 0 };
  const recorder = createBatcher<SlaTimerPayload, SlaTimerOutcome>((payloads) => recordSlaTimers({ prisma: rt.prisma, sql, payloads, now: new Date() }), {
    maxSize: BATCH,
    maxInFlight: 2,
    onFlush(size, ms) {
      stats.timers += size;
      stats.batches++;
      stats.largest = Math.max(stats.largest, size);
      stats.slowestMs = Math.max(stats.slowestMs, ms);
    },
    onBatchError: (error, size) => console.error(`[sla-timers] a batch of ${size} timers failed, recording them one by one: ${error instanceof Error ? error.message : String(error)}`),
  });
  const report = setInterval(() => {
    if (stats.batches === 0) return;
    console.log(`[sla-timers] last ${STATS_EVERY_MS / 1000} s: ${stats.timers} timers in ${stats.batches} batches (largest ${stats.largest}, slowest ${Math.round(stats.slowestMs)} ms)`);
    Object.assign(stats, { timers: 0, batches: 0, largest: 0, slowestMs: 0 });
  }, STATS_EVERY_MS);
  rt.onStop(async () => clearInterval(report));
  // Handlers wait for their batch, not the CPU: many at once, so that a peak makes big batches.
  // Four BullMQ workers fetch in parallel (each fetches one job per round trip). An idle worker
  // waits at most 0.1 s for a wake-up (drainDelay; BullMQ's default is 5 s), which bounds the
  // rare case, seen under load, where due jobs sat until an idle worker's wait ran out. A killed
  // worker's job is taken over after its lock (15 s) runs out; the stalled check runs every 5 s.
  // The jobs are the registry's (the SLA timer, the reconcile pass, on-call checks, the heartbeat).
  await rt.work(QUEUES.slaTimers, { instances: 4, concurrency: BATCH, lockDuration: 15_000, stalledInterval: 5_000, drainDelay: 0.1 }, { recordSlaTimer: (payload) => recorder.add(payload) });

  const relay = startOutboxRelay({ prisma: rt.prisma, queues: relayQueues(rt.queue) });
  rt.onStop(relay.stop);
  // Once right at start-up (the registry's start-up jobs: the reconcile pass), after the relay started.
  await rt.runAtStartUp(QUEUES.slaTimers);
});
