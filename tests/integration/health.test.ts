import { afterAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { checkHealth } from "../../lib/server/health";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { listMigrationNames } from "../../lib/server/db/migrations";
import { MAIL_INTAKE_HEARTBEAT, WORKER_HEARTBEAT_KEY } from "../../lib/server/health-keys";
import { healthAnswer, healthTokenMatches, mayReadHealthDetails } from "../../lib/server/health-access";
import type { Actor } from "../../lib/server/actor";

describe("health check", () => {
  const prisma = createPrisma();
  const redis = createRedis();
  afterAll(async () => {
    await prisma.$disconnect();
    redis.disconnect();
  });

  it("reports the database with its applied migration, Redis, each worker's heartbeat, queue depths and notifications", async () => {
    const prefix = redisPrefix();
    // The instant the check runs at (heartbeats are judged against it): chosen, not the wall clock.
    const now = new Date("2026-03-02T09:00:00Z");
    await redis.del(WORKER_HEARTBEAT_KEY(prefix, "system"), WORKER_HEARTBEAT_KEY(prefix, "sla-timers"), WORKER_HEARTBEAT_KEY(prefix, MAIL_INTAKE_HEARTBEAT));
    const probe = new Queue("health-probe", { connection: redis, prefix });
    try {
      await probe.add("a", {}, { delay: 60_000 });
      await probe.add("b", {});
      const withoutWorkers = await checkHealth({ prisma, redis, prefix, now, queues: [probe] });
      expect(withoutWorkers.status).toBe("ok");
      expect(withoutWorkers.database).toMatchObject({ ok: true, migration: (await listMigrationNames()).at(-1) });
      expect(withoutWorkers.redis.ok).toBe(true);
      const none = { ok: false, lastHeartbeatAt: null };
      expect(withoutWorkers.workers).toEqual({ system: none, slaTimers: none, mailIntake: none });
      expect(withoutWorkers.queues).toEqual({ "health-probe": { waiting: 1, active: 0, delayed: 1, failed: 0 } });
      expect(withoutWorkers.notifications).toMatchObject({ PENDING: expect.any(Number), DEAD: expect.any(Number) });

      const beat = new Date(now.getTime() - 5_000).toISOString();
      await redis.set(WORKER_HEARTBEAT_KEY(prefix, "sla-timers"), JSON.stringify({ at: beat, workerId: "test" }));
      await redis.set(WORKER_HEARTBEAT_KEY(prefix, MAIL_INTAKE_HEARTBEAT), JSON.stringify({ at: beat, workerId: "test", mailboxes: 1 }));
      const withWorkers = await checkHealth({ prisma, redis, prefix, now });
      expect(withWorkers.workers.slaTimers).toEqual({ ok: true, lastHeartbeatAt: beat });
      expect(withWorkers.workers.mailIntake).toEqual({ ok: true, lastHeartbeatAt: beat });
      expect(withWorkers.workers.system.ok).toBe(false);
      const later = await checkHealth({ prisma, redis, prefix, now: new Date(now.getTime() + 120_000) });
      expect(later.workers.slaTimers.ok).toBe(false);
    } finally {
      await probe.obliterate({ force: true });
      await probe.close();
    }
  });

  it("is unavailable, with the reason, when Redis cannot be reached", async () => {
    const dead = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    dead.on("error", () => undefined);
    try {
      const health = await checkHealth({ prisma, redis: dead, prefix: redisPrefix() });
      expect(health.status).toBe("unavailable");
      expect(health.database.ok).toBe(true);
      expect(health.redis.ok).toBe(false);
      expect(health.redis.error).toBeTruthy();
    } finally {
      dead.disconnect();
    }
  });
});

describe("who sees the health details (issue 14)", () => {
  const prisma = createPrisma();
  const redis = createRedis();
  afterAll(async () => {
    await prisma.$disconnect();
    redis.disconnect();
  });

  it("anonymous callers get only {status}; the health token or a provider admin get the details", async () => {
    const health = await checkHealth({ prisma, redis, prefix: redisPrefix() });
    expect(healthAnswer(health, false)).toEqual({ status: "ok" });
    expect(healthAnswer(health, true)).toMatchObject({ status: "ok", database: { ok: true, migration: expect.any(String) }, notifications: expect.any(Object) });

    const token = "health-token-0123456789";
    expect(healthTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(healthTokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(healthTokenMatches(null, token)).toBe(false);
    expect(healthTokenMatches(`Bearer ${token}`, undefined)).toBe(false);

    const actorOf = (role: string) => ({ userId: "u", organizationId: "o", role, supportLine: null, email: "e", name: "n", locale: "nb" }) as Actor;
    expect(mayReadHealthDetails(actorOf("PROVIDER_ADMIN"))).toBe(true);
    for (const role of ["AGENT", "ONCALL", "CUSTOMER_ADMIN", "END_USER"]) expect(mayReadHealthDetails(actorOf(role))).toBe(false);
    expect(mayReadHealthDetails(null)).toBe(false);
  });
});
