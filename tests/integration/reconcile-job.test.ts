/** The every-minute reconcile job: one pass at a time, across processes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import { reconcileJob } from "../../lib/server/jobs/registry";
import { registerTicket } from "../../lib/server/tickets";
import { withReconcileLock } from "../../lib/server/sla-timers/reconcile";
import { actorByEmail, seedOnce } from "../support/fixtures";

describe("the reconcile job", () => {
  const prisma = createPrisma();
  const redis = createRedis();
  const prefix = redisPrefix();
  const slaTimers = new Queue(QUEUES.slaTimers, { connection: redis, prefix });
  const lock = `${prefix}:sla-reconcile-running`;
  beforeAll(() => seedOnce(prisma));
  afterAll(async () => {
    await slaTimers.obliterate({ force: true });
    await slaTimers.close();
    redis.disconnect();
    await prisma.$disconnect();
  });

  it("does nothing while another pass holds the lock, and releases its own", async () => {
    // A P1 registered ten days ago, never seen by a worker: long overdue.
    const kari = await actorByEmail(prisma, "kari@nordlys.example");
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600_000);
    const ticket = await registerTicket({ actor: kari, input: { title: "Overdue", description: "x", priority: "P1" }, ctx: { prisma, now: () => tenDaysAgo } });
    const breaches = () => prisma.escalation.count({ where: { ticketId: ticket.id, kind: "BREACH" } });
    const ctx = { prisma, redis, prefix, workerId: "test", queue: slaTimers };

    await redis.set(lock, "another-pass", "PX", 60_000);
    await reconcileJob.handle({}, ctx);
    expect(await breaches()).toBe(0);
    expect(await redis.get(lock)).toBe("another-pass");

    await redis.del(lock);
    await reconcileJob.handle({}, ctx);
    expect(await breaches()).toBe(1);
    expect(await redis.exists(lock)).toBe(0);
  });

  it("the start-up pass waits for a running pass instead of skipping it", async () => {
    await redis.set(lock, "another-pass", "PX", 60_000);
    const released = new Promise<number>((resolve) => setTimeout(() => void redis.del(lock).then(() => resolve(Date.now())), 400));
    const ran = await withReconcileLock(redis, prefix, { waitMs: 10_000 }, async () => Date.now());
    expect(ran).toBeGreaterThanOrEqual(await released);
    expect(await redis.exists(lock)).toBe(0);
  });

  it("the start-up pass runs anyway when the lock's holder never lets go (a killed worker)", async () => {
    await redis.set(lock, "killed-pass", "PX", 60_000);
    const started = Date.now();
    expect(await withReconcileLock(redis, prefix, { waitMs: 300 }, async () => "ran")).toBe("ran");
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await redis.get(lock)).toBe("killed-pass"); // not ours to release
    await redis.del(lock);
  });
});
