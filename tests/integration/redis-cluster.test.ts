/**
 * The SLA timers on a real Redis Cluster (three masters from Debian's redis-server on private
 * loopback ports, tests/support/redis-cluster.ts): REDIS_URL lists the nodes and REDIS_PREFIX is a
 * hash tag, so each queue's keys share one slot. Timer workers are separate processes, as in
 * production. Deadlines are a few seconds after registration on a 24/7 calendar, so no outcome
 * depends on the weekday or the hour.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix, redisTarget, type RedisClient } from "../../lib/server/redis";
import { checkRedis } from "../../lib/server/preflight";
import { QUEUES } from "../../lib/server/jobs/queues";
import { registerTicket } from "../../lib/server/tickets";
import { checkRateLimit } from "../../lib/server/api/rate-limit";
import { withReconcileLock } from "../../lib/server/sla-timers/reconcile";
import type { Actor } from "../../lib/server/actor";
import { actorByEmail } from "../support/fixtures";
import { testCustomer } from "../support/test-customer";
import { startSlaTimerWorker, type RunningProcess } from "../support/processes";
import { startRedisCluster, type RedisClusterUnderTest } from "../support/redis-cluster";

const prisma = createPrisma();
let cluster: RedisClusterUnderTest;
let redis: RedisClient;
let slaTimers: Queue;
let requester: Actor;
let env: Record<string, string>;

beforeAll(async () => {
  cluster = await startRedisCluster();
  // Everything this file connects to from here on, its worker processes included, is the cluster.
  process.env.REDIS_URL = cluster.url;
  process.env.REDIS_PREFIX = `{${process.env.REDIS_PREFIX}}`;
  env = { REDIS_URL: cluster.url, REDIS_PREFIX: redisPrefix() };
  redis = createRedis();
  slaTimers = new Queue(QUEUES.slaTimers, { connection: redis, prefix: redisPrefix() });
  await testCustomer(prisma, {
    key: "test-cluster-one-minute",
    agreementName: "P1 in one minute (cluster)",
    slug: "test-cluster",
    name: "Cluster Test AS",
    ticketPrefix: "CL",
    target: { priority: "P1", minutes: 1 },
    warningThresholds: [0.9],
    escalationRules: {},
    users: [["cluster-user@test.example", "END_USER"]],
  });
  requester = await actorByEmail(prisma, "cluster-user@test.example");
}, 60_000);

afterAll(async () => {
  await slaTimers?.close();
  redis?.disconnect();
  await cluster?.stop();
  await prisma.$disconnect();
});

/** A P1 whose one-minute target runs out `dueInMs` from now. */
async function p1DueIn(dueInMs: number, title: string) {
  const registeredAt = new Date(Date.now() + dueInMs - 60_000);
  return registerTicket({ actor: requester, input: { title, description: "x", priority: "P1" }, ctx: { prisma, now: () => registeredAt } });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const countOf = (ids: string[], kind: "BREACH" | "WARNING") => prisma.escalation.count({ where: { ticketId: { in: ids }, kind } });
const breachEvents = (ids: string[]) => prisma.ticketEvent.count({ where: { ticketId: { in: ids }, type: "SLA_BREACHED" } });

describe("Redis Cluster", () => {
  it("refuses a cluster whose prefix is no hash tag, and says what to set", async () => {
    expect(() => redisTarget(cluster.url, "helpdesk")).toThrow(/REDIS_PREFIX=\{helpdesk\}/);
    await expect(checkRedis(cluster.url, "helpdesk")).rejects.toThrow(/CROSSSLOT[\s\S]*REDIS_PREFIX=\{helpdesk\}/);
    expect(redisTarget(cluster.url, "{helpdesk}")).toMatchObject({ cluster: true, tls: false, nodes: cluster.ports.map((port) => ({ host: "127.0.0.1", port })) });
    expect(() => redisTarget("rediss://a.example:6380,redis://b.example:6379", "{helpdesk}")).toThrow(/mixes redis:\/\/ and rediss:\/\//);
    await checkRedis(cluster.url, "{helpdesk}");
  });

  it("two timer processes on the cluster record every warning and breach once, and one killed mid-batch loses nothing", async () => {
    const workers: RunningProcess[] = [startSlaTimerWorker(env), startSlaTimerWorker(env)];
    try {
      await Promise.all(workers.map((w) => w.waitFor(/sla-timers@\S+ running \(Redis prefix "\{/, 30_000)));
      const tickets = await Promise.all(Array.from({ length: 30 }, (_, i) => p1DueIn(12_000 + (i % 3) * 200, `cluster-${i}`)));
      const ids = tickets.map((t) => t.id);
      // Every warning (at 90 %, six seconds before the breach) is recorded before the kill.
      await until(
        () => countOf(ids, "WARNING"),
        (n) => n === 30,
      );
      await until(
        () => countOf(ids, "BREACH"),
        (n) => n > 0,
      );
      // Mid-batch: one process dies without a word; a new one takes its place (its start-up pass records what was lost).
      await workers[0]!.stop("SIGKILL");
      workers[0] = startSlaTimerWorker(env);
      await until(
        () => countOf(ids, "BREACH"),
        (n) => n === 30,
      );
      await workers[0].waitFor(/start-up reconcile: /, 30_000);
      await new Promise((r) => setTimeout(r, 1000)); // anything that would record twice has had its chance
      expect(await countOf(ids, "BREACH")).toBe(30);
      expect(await countOf(ids, "WARNING")).toBe(30);
      expect(await breachEvents(ids)).toBe(30);
    } finally {
      await Promise.all(workers.map((w) => w.stop("SIGTERM")));
    }
  }, 120_000);

  it("after every node is flushed, the start-up reconcile restores the timers and records what came due meanwhile", async () => {
    let worker = startSlaTimerWorker(env);
    try {
      await worker.waitFor(/sla-timers@\S+ running/, 30_000);
      const later = await p1DueIn(10 * 60_000, "cluster-later");
      const soon = await p1DueIn(5_000, "cluster-soon");
      const jobsOf = async (ticketId: string) => (await slaTimers.getJobs(["delayed", "prioritized", "wait"])).filter((j) => j.data.ticketId === ticketId).map((j) => j.data.kind as string);
      await until(
        () => jobsOf(later.id),
        (kinds) => kinds.length === 2,
      );
      await until(
        () => jobsOf(soon.id),
        (kinds) => kinds.includes("breach"),
      );
      await worker.stop("SIGTERM");

      await cluster.flushAll();
      expect(await jobsOf(later.id)).toEqual([]);
      await until(
        async () => Date.now(),
        (now) => now > new Date(soon.sla.response!.dueAt!).getTime() + 500,
      );
      expect(await countOf([soon.id], "BREACH")).toBe(0);

      worker = startSlaTimerWorker(env);
      await worker.waitFor(/start-up reconcile: /, 30_000);
      expect(
        await until(
          () => countOf([soon.id], "BREACH"),
          (n) => n > 0,
          5_000,
        ),
      ).toBe(1);
      expect((await jobsOf(later.id)).sort()).toEqual(["breach", "warning"]);
    } finally {
      await worker.stop("SIGTERM");
    }
  }, 120_000);

  it("the API rate limit and the reconcile lock hold across clients of different nodes", async () => {
    const [a, b] = [createRedis(), createRedis()];
    try {
      const prefix = redisPrefix();
      const at = new Date("2026-03-02T08:00:30Z");
      const decide = (client: RedisClient) => checkRateLimit({ redis: client, prefix, bucket: "cluster-org", limit: 2, now: at });
      expect((await decide(a)).allowed).toBe(true);
      expect((await decide(b)).allowed).toBe(true);
      expect((await decide(a)).allowed).toBe(false);

      let inner: string | undefined = "not tried";
      const outer = await withReconcileLock(a, prefix, {}, async () => {
        inner = await withReconcileLock(b, prefix, {}, async () => "ran beside the first");
        return "ran";
      });
      expect(outer).toBe("ran");
      expect(inner).toBeUndefined();
      expect(await withReconcileLock(b, prefix, {}, async () => "ran after")).toBe("ran after");
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});
