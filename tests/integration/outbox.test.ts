import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import { slaTimerJobId } from "../../lib/server/jobs/sla-timer";
import { relayOutbox } from "../../lib/server/outbox/relay";
import { startOutboxRelay } from "../../lib/server/outbox/relay-loop";
import { registerTicket } from "../../lib/server/tickets";
import { actorByEmail, seedOnce } from "../support/fixtures";

describe("transactional outbox → BullMQ", () => {
  const prisma = createPrisma();
  const connection = createRedis();
  const slaTimers = new Queue(QUEUES.slaTimers, { connection, prefix: redisPrefix() });
  beforeAll(() => seedOnce(prisma));
  afterAll(async () => {
    await slaTimers.obliterate({ force: true });
    await slaTimers.close();
    connection.disconnect();
    await prisma.$disconnect();
  });

  const pending = () => prisma.outboxMessage.count({ where: { dispatchedAt: null } });
  const register = async () => {
    const kari = await actorByEmail(prisma, "kari@nordlys.example");
    return registerTicket({ actor: kari, input: { title: "Outbox", description: "x", priority: "P2" }, ctx: { prisma, now: () => new Date() } });
  };

  it("timers reach Redis only after the commit, and a relay that cannot reach Redis loses nothing", async () => {
    await relayOutbox({ prisma, slaTimers }); // start from an empty outbox
    const ticket = await register();
    expect(await pending()).toBe(1);
    expect(await slaTimers.getJob(slaTimerJobId(ticket.id, "breach", undefined, 0))).toBeUndefined();

    // Redis down while relaying: the message stays in the outbox.
    const dead = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    dead.on("error", () => undefined);
    const unreachable = new Queue(QUEUES.slaTimers, { connection: dead, prefix: redisPrefix() });
    unreachable.on("error", () => undefined);
    await expect(relayOutbox({ prisma, slaTimers: unreachable })).rejects.toThrow();
    expect(await pending()).toBe(1);
    await unreachable.close().catch(() => undefined);
    dead.disconnect();

    expect(await relayOutbox({ prisma, slaTimers })).toBe(1);
    expect(await pending()).toBe(0);
    const breach = await slaTimers.getJob(slaTimerJobId(ticket.id, "breach", undefined, 0));
    expect(breach?.data).toMatchObject({ ticketId: ticket.id, kind: "breach", revision: 0, at: ticket.sla.response!.dueAt });
  });

  it("relaying the same message twice leaves one job per timer (deterministic ids)", async () => {
    const ticket = await register();
    const [message] = await prisma.outboxMessage.findMany({ where: { dispatchedAt: null } });
    await relayOutbox({ prisma, slaTimers });
    await prisma.outboxMessage.update({ where: { id: message!.id }, data: { dispatchedAt: null } }); // as if the commit was lost after Redis
    await relayOutbox({ prisma, slaTimers });
    const delayed = (await slaTimers.getDelayed()).filter((job) => job.data.ticketId === ticket.id);
    expect(delayed.map((job) => job.id).sort()).toEqual([slaTimerJobId(ticket.id, "breach", undefined, 0), ...[0.5, 0.75, 0.9].map((t) => slaTimerJobId(ticket.id, "warning", t, 0))].sort());
  });

  it("the relay loop of the workers picks up new messages by itself", async () => {
    const loop = startOutboxRelay({ prisma, queues: { slaTimers, byName: () => slaTimers }, intervalMs: 50 });
    try {
      const ticket = await register();
      const breachId = slaTimerJobId(ticket.id, "breach", undefined, 0);
      await expect.poll(() => slaTimers.getJob(breachId).then((job) => job?.id), { timeout: 5000 }).toBe(breachId);
      // The relay marks the message sent after the jobs are in Redis: wait for that commit too.
      await expect.poll(pending, { timeout: 5000 }).toBe(0);
    } finally {
      await loop.stop();
    }
  });
});
