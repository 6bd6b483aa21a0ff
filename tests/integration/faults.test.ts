/**
 * Faults while SLA timers fire, with real timer processes on a PostgreSQL server and a Redis of
 * the file's own (tests/support/pg-replica.ts, processes.ts), so they can be stopped: PostgreSQL
 * away for ten seconds, then Redis restarted empty. The two timer workers carry on by themselves
 * (no restart) and every breach is recorded exactly once; how late the breaches were, the delay
 * the fault caused, is printed and bounded. Deadlines are seconds after registration on a 24/7
 * calendar (tests/support/timer-tickets.ts): no outcome depends on the weekday or the hour.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/server/db/migrations";
import { createPrisma } from "../../lib/server/db/prisma";
import { redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import type { Actor } from "../../lib/server/actor";
import { actorByEmail } from "../support/fixtures";
import { testCustomer } from "../support/test-customer";
import { startPrivatePostgres, type PrivatePostgres } from "../support/pg-replica";
import { startPrivateRedis, startSlaTimerWorker, type RunningProcess } from "../support/processes";
import { breachCount, expectRecordedOnce, p1sDue, until } from "../support/timer-tickets";

let pg: PrivatePostgres;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let prisma: PrismaClient;
let requester: Actor;
let workers: RunningProcess[] = [];

beforeAll(async () => {
  pg = await startPrivatePostgres("helpdesk");
  await migrate(pg.url);
  prisma = createPrisma(pg.url, 4);
  await testCustomer(prisma, {
    key: "test-fault-one-minute",
    agreementName: "P1 in one minute (faults)",
    slug: "test-faults",
    name: "Fault Test AS",
    ticketPrefix: "FT",
    target: { priority: "P1", minutes: 1 },
    warningThresholds: [0.9],
    escalationRules: { breach: { notify: ["lineLead", "customerAdmin"] } },
    users: [
      ["fault-user@test.example", "END_USER"],
      ["fault-admin@test.example", "CUSTOMER_ADMIN"],
    ],
  });
  requester = await actorByEmail(prisma, "fault-user@test.example");
  redis = await startPrivateRedis();
  const env = { DATABASE_URL: pg.url, REDIS_URL: redis.url, REDIS_PREFIX: redisPrefix(), DATABASE_POOL_SIZE: "4" };
  workers = [startSlaTimerWorker(env), startSlaTimerWorker(env)];
  await Promise.all(workers.map((w) => w.waitFor(/start-up reconcile: /, 60_000)));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop("SIGTERM")));
  await prisma?.$disconnect();
  await redis?.stop();
  await pg?.stop();
});

/** Both timer workers still the ones started (no crash, no restart). */
const alive = () => workers.map((w) => w.child.exitCode === null && w.child.signalCode === null);

describe("faults while timers fire", () => {
  it("PostgreSQL stopped for ten seconds: the workers reconnect by themselves and record every breach once", async () => {
    // 40 breaches due over 20 s, from 8 s on; the outage starts with the first ones recorded.
    const ids = await p1sDue(prisma, requester, { count: 40, firstInMs: 8_000, stepMs: 500, label: "pg-outage" });
    await until(
      () => breachCount(prisma, ids),
      (n) => n > 0,
    );
    const before = await breachCount(prisma, ids);
    const stoppedAt = performance.now();
    await pg.stopServer();
    await new Promise((r) => setTimeout(r, 10_000 - (performance.now() - stoppedAt)));
    await pg.startServer();
    const outageMs = performance.now() - stoppedAt;
    // The instant it was back, on the clock the breach records carry (for the measurement only).
    const backAt = Date.now();
    await until(
      () => breachCount(prisma, ids),
      (n) => n === ids.length,
    );
    await new Promise((r) => setTimeout(r, 2_000)); // anything that would record twice has had its chance
    const late = await expectRecordedOnce(prisma, ids);
    // Breaches that came due while it was away: recorded how long after it was back.
    const caughtUpMs = Math.max(...late.breaches.filter((b) => b.dueAt.getTime() < backAt).map((b) => b.createdAt.getTime() - backAt));
    console.log(
      `[faults] PostgreSQL down ${Math.round(outageMs)} ms (${before}/40 breaches recorded before): every breach due meanwhile recorded within ${caughtUpMs} ms of its return; breach lateness p50 ${late.p50} ms, max ${late.max} ms`,
    );
    expect(alive()).toEqual([true, true]);
    // Timers that failed are retried every second: the backlog is recorded seconds after the return, not at the reconciler's next minute.
    expect(caughtUpMs).toBeLessThan(8_000);
    expect(late.max).toBeLessThan(outageMs + 8_000);
  }, 120_000);

  it("Redis restarted empty: the workers reconnect, the reconciler restores the timers, and every breach is recorded once", async () => {
    const probe = new Redis(redis.url, { maxRetriesPerRequest: null });
    const slaTimers = new Queue(QUEUES.slaTimers, { connection: probe, prefix: redisPrefix() });
    try {
      const ids = await p1sDue(prisma, requester, { count: 40, firstInMs: 8_000, stepMs: 500, label: "redis-restart" });
      await until(
        () => breachCount(prisma, ids),
        (n) => n > 0,
      );
      const pending = (await slaTimers.getJobs(["delayed", "prioritized", "wait"])).filter((j) => ids.includes(j.data.ticketId)).length;
      expect(pending).toBeGreaterThan(0); // timers the restart will lose
      const before = await breachCount(prisma, ids);
      const restartedAt = performance.now();
      await redis.restart();
      await until(
        () => breachCount(prisma, ids),
        (n) => n === ids.length,
      );
      const allRecordedMs = performance.now() - restartedAt;
      await new Promise((r) => setTimeout(r, 2_000));
      const late = await expectRecordedOnce(prisma, ids);
      console.log(
        `[faults] Redis restarted empty (${before}/40 breaches recorded before, ${pending} timers lost): the last breach ${Math.round(allRecordedMs)} ms after; breach lateness p50 ${late.p50} ms, max ${late.max} ms`,
      );
      expect(alive()).toEqual([true, true]);
      expect(late.max).toBeLessThan(10_000);
      // The every-minute reconcile is scheduled again in the new Redis.
      expect((await slaTimers.getJobSchedulers()).map((s) => s.key)).toContain("reconcile");
      expect(workers.map((w) => /Redis is back: repeating jobs scheduled again/.test(w.output()))).toEqual([true, true]);
    } finally {
      await slaTimers.close();
      probe.disconnect();
    }
  }, 120_000);
});
