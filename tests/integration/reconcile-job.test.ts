/** The every-minute reconcile job: one pass at a time, across processes, and only what Redis lost. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import { reconcileJob } from "../../lib/server/jobs/registry";
import { registerTicket } from "../../lib/server/tickets";
import { reconcileSlaTimers, withReconcileLock } from "../../lib/server/sla-timers/reconcile";
import { relayOutbox } from "../../lib/server/outbox/relay";
import { ScheduledTimerSchema } from "../../lib/server/jobs/sla-timer";
import type { QueueName } from "../../lib/server/jobs/queues";
import { actorByEmail, seedOnce } from "../support/fixtures";

describe("the reconcile job", () => {
  const prisma = createPrisma();
  const redis = createRedis();
  const prefix = redisPrefix();
  const slaTimers = new Queue(QUEUES.slaTimers, { connection: redis, prefix });
  const lock = `${prefix}:sla-reconcile-running`;
  const others = new Map<QueueName, Queue>();
  beforeAll(() => seedOnce(prisma));
  afterAll(async () => {
    for (const queue of [slaTimers, ...others.values()]) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    redis.disconnect();
    await prisma.$disconnect();
  });

  it("does nothing while another pass holds the lock, and releases its own", async () => {
    // A P1 registered ten days ago, never seen by a worker: long overdue whatever the hour now
    // (ten days hold far more than its one business hour, Easter included).
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

  it("restores only what Redis lost: a timer ahead whose job is gone, and a warning that came due unrecorded", async () => {
    const kari = await actorByEmail(prisma, "kari@nordlys.example");
    // Registered now: every timer of its clock is ahead of the passes below at any hour (outside
    // office hours they wait for the next opening, and an on-call page adds no SLA timer).
    const ticket = await registerTicket({ actor: kari, input: { title: "Lost timers", description: "x", priority: "P1" }, ctx: { prisma, now: () => new Date() } });
    const byName = (name: QueueName) => {
      if (name === QUEUES.slaTimers) return slaTimers;
      if (!others.has(name)) others.set(name, new Queue(name, { connection: redis, prefix }));
      return others.get(name)!;
    };
    while ((await relayOutbox({ prisma, queues: { slaTimers, byName } })) > 0);
    const clock = await prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId: ticket.id, metric: "RESPONSE" } } });
    const timers = ScheduledTimerSchema.array()
      .parse(clock.timers)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const [firstWarning, breach] = [timers[0]!, timers.at(-1)!];
    expect([firstWarning.kind, breach.kind]).toEqual(["warning", "breach"]);
    const pass = (now = new Date()) => reconcileSlaTimers({ prisma, slaTimers, redis, now });
    const stateOf = (jobId: string) => slaTimers.getJobState(jobId);
    await pass(); // whatever else the database holds, settled

    // Released early (waiting, no longer delayed) is not lost.
    await (await slaTimers.getJob(breach.jobId))!.promote();
    expect(await pass()).toMatchObject({ timersRecreated: 0 });
    expect(await stateOf(breach.jobId)).toBe("prioritized");
    // Gone from Redis: re-created, once.
    await slaTimers.remove(breach.jobId);
    expect(await pass()).toMatchObject({ timersRecreated: 1 });
    expect(await stateOf(breach.jobId)).toBe("delayed");
    expect(await pass()).toMatchObject({ timersRecreated: 0 });

    // Later: the first warning came due while its job was lost. It is recorded, once; the timers
    // still ahead are where they were.
    await slaTimers.remove(firstWarning.jobId);
    const later = new Date(Date.parse(firstWarning.at) + 1_000);
    await pass(later);
    await pass(later);
    const warnings = await prisma.escalation.findMany({ where: { ticketId: ticket.id, kind: "WARNING" } });
    expect(warnings.map((w) => w.threshold)).toEqual([firstWarning.threshold]);
    expect(await stateOf(firstWarning.jobId)).toBe("unknown");
    for (const timer of timers.slice(1)) expect(await stateOf(timer.jobId)).toBe("delayed");
  });
});
