/**
 * The SLA timer worker as it runs in production: a separate process on real Redis and
 * PostgreSQL. Targets of one minute on a 24/7 calendar, with tickets registered (by the use case's
 * clock) just under a minute ago, make real deadlines a few seconds away.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import { handleSlaTimer, recordSlaTimers } from "../../lib/server/sla-timers/handle-sla-timer";
import { createSqlPool, poolSql } from "../../lib/server/db/sql";
import { applyTicketAction, registerTicket } from "../../lib/server/tickets";
import type { Actor } from "../../lib/server/actor";
import { actorByEmail } from "../support/fixtures";
import { testCustomer } from "../support/test-customer";
import { startPrivateRedis, startSlaTimerWorker, type RunningProcess } from "../support/processes";

const prisma = createPrisma();
const connection = createRedis();
const slaTimers = new Queue(QUEUES.slaTimers, { connection, prefix: redisPrefix() });
let requester: Actor;
let agent: Actor;

beforeAll(async () => {
  // A customer on a one-minute P1 target, 24/7, warning at 90 %.
  const { organizationId } = await testCustomer(prisma, {
    key: "test-one-minute",
    agreementName: "P1 in one minute",
    slug: "test-timers",
    name: "Timer Test AS",
    ticketPrefix: "TT",
    target: { priority: "P1", minutes: 1 },
    warningThresholds: [0.9],
    escalationRules: { breach: { notify: ["assignee", "lineLead", "customerAdmin"] } },
    users: [
      ["timer-user@test.example", "END_USER"],
      ["timer-admin@test.example", "CUSTOMER_ADMIN"],
    ],
  });
  requester = await actorByEmail(prisma, "timer-user@test.example");
  // The customer's Teams channel takes breach messages.
  if (!(await prisma.webhookEndpoint.count({ where: { organizationId } }))) {
    await prisma.webhookEndpoint.create({ data: { name: "timer-test-teams", organizationId, url: "http://127.0.0.1:9/teams", secretEncrypted: "unused-in-this-test", templates: ["sla-breach"] } });
  }
  agent = await actorByEmail(prisma, "lise@servicedesk.example");
});

afterAll(async () => {
  await slaTimers.obliterate({ force: true });
  await slaTimers.close();
  connection.disconnect();
  await prisma.$disconnect();
});

/** A P1 whose one-minute target runs out `dueInMs` from now. */
async function p1DueIn(dueInMs: number, title = "Timer test") {
  const registeredAt = new Date(Date.now() + dueInMs - 60_000);
  return registerTicket({ actor: requester, input: { title, description: "x", priority: "P1" }, ctx: { prisma, now: () => registeredAt } });
}

const breaches = (ticketId: string) => prisma.escalation.findMany({ where: { ticketId, kind: "BREACH" } });
const eventsOf = (ticketId: string, type: "SLA_BREACHED" | "SLA_WARNING") => prisma.ticketEvent.findMany({ where: { ticketId, type } });

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the SLA timer worker", () => {
  let worker: RunningProcess;
  beforeAll(async () => {
    worker = startSlaTimerWorker();
    await worker.waitFor(/sla-timers@\S+ running/);
  });
  afterAll(async () => {
    await worker.stop("SIGTERM");
  });

  it("records the warning and the breach once, within a second of their instants, and tells the right people", async () => {
    const ticket = await p1DueIn(6_000);
    const dueAt = new Date(ticket.sla.response!.dueAt!);
    const warnAt = dueAt.getTime() - 6_000; // 90 % of one minute

    const [warning] = await until(
      () => prisma.escalation.findMany({ where: { ticketId: ticket.id, kind: "WARNING" } }),
      (rows) => rows.length > 0,
    );
    expect(warning!.threshold).toBe(0.9);
    expect(warning!.createdAt.getTime() - warnAt).toBeGreaterThanOrEqual(0);
    expect(warning!.createdAt.getTime() - warnAt).toBeLessThan(1000);

    const [breach] = await until(
      () => breaches(ticket.id),
      (rows) => rows.length > 0,
    );
    expect(breach!.dueAt).toEqual(dueAt);
    expect(breach!.createdAt.getTime() - dueAt.getTime()).toBeGreaterThan(0);
    expect(breach!.createdAt.getTime() - dueAt.getTime()).toBeLessThan(1000);

    await new Promise((r) => setTimeout(r, 1500)); // anything that would fire twice has had its chance
    expect(await breaches(ticket.id)).toHaveLength(1);
    expect(await eventsOf(ticket.id, "SLA_WARNING")).toHaveLength(1);
    const [breachedEvent, ...more] = await eventsOf(ticket.id, "SLA_BREACHED");
    expect(more).toEqual([]);
    expect(breachedEvent!.data).toMatchObject({ breachedAt: dueAt.toISOString(), targetMinutes: 1 });
    expect(await prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId: ticket.id, metric: "RESPONSE" } } })).toMatchObject({
      state: "BREACHED",
      breachedAt: dueAt,
    });
    // Unassigned: the 1st-line leads instead of an assignee, and the customer admin (this agreement's rule).
    const told = await prisma.notification.findMany({ where: { ticketId: ticket.id, template: "sla-breach", channel: "EMAIL" }, select: { recipient: { select: { email: true } } } });
    expect(told.map((n) => n.recipient!.email).sort()).toEqual(["lise@servicedesk.example", "timer-admin@test.example"]);
    expect(await prisma.notification.count({ where: { ticketId: ticket.id, template: "sla-breach", channel: "WEBHOOK" } })).toBe(1);
  });

  it("a breach moves the ticket to the next line when the agreement says so", async () => {
    const version = await prisma.agreementVersion.findFirstOrThrow({ where: { agreement: { key: "test-one-minute" } } });
    await prisma.agreementVersion.update({ where: { id: version.id }, data: { escalationRules: { breach: { notify: ["lineLead"], moveToNextLine: true } } } });
    try {
      const ticket = await p1DueIn(1_500, "move me");
      await until(
        () => prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } }),
        (t) => t.line === "L2",
      );
      expect(await prisma.escalation.findMany({ where: { ticketId: ticket.id, kind: "LINE", fromLine: "L1", toLine: "L2" } })).toHaveLength(1);
      const moved = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id, type: "ESCALATED" } });
      expect(moved.filter((e) => (e.data as { kind?: string }).kind === "breach")).toHaveLength(1);
      expect(await breaches(ticket.id)).toHaveLength(1);
    } finally {
      await prisma.agreementVersion.update({ where: { id: version.id }, data: { escalationRules: { breach: { notify: ["assignee", "lineLead", "customerAdmin"] } } } });
    }
  });

  it("troubleshooting started in time removes the timers: no breach", async () => {
    const ticket = await p1DueIn(3_000);
    await applyTicketAction({ actor: agent, input: { ticketId: ticket.id, action: { type: "start" } }, ctx: { prisma, now: () => new Date() } });
    await new Promise((r) => setTimeout(r, 4_500));
    expect(await breaches(ticket.id)).toEqual([]);
    expect((await slaTimers.getJobs(["delayed", "prioritized", "wait", "active"])).filter((j) => j.data.ticketId === ticket.id)).toEqual([]);
  });

  it("pausing removes the timers and resuming re-creates them with the time that was left", async () => {
    const ticket = await p1DueIn(30_000);
    const timersOf = async () => (await slaTimers.getJobs(["delayed", "prioritized", "wait"])).filter((j) => j.data.ticketId === ticket.id);
    await until(timersOf, (jobs) => jobs.length === 2); // 90 % warning and breach, relayed by the worker
    const pausedAt = new Date();
    await applyTicketAction({ actor: agent, input: { ticketId: ticket.id, action: { type: "wait", reason: "Venter på tilgang" } }, ctx: { prisma, now: () => pausedAt } });
    await until(timersOf, (jobs) => jobs.length === 0);

    const resumedAt = new Date(pausedAt.getTime() + 2_000);
    const resumed = await applyTicketAction({ actor: agent, input: { ticketId: ticket.id, action: { type: "resume" } }, ctx: { prisma, now: () => resumedAt } });
    const newDue = new Date(resumed.sla.response!.dueAt!);
    expect(newDue.getTime()).toBe(new Date(ticket.sla.response!.dueAt!).getTime() + 2_000);
    const jobs = await until(timersOf, (list) => list.length === 2);
    expect(jobs.map((j) => [j.data.kind, j.data.at, j.data.revision]).sort()).toEqual(
      [
        ["breach", newDue.toISOString(), 2],
        ["warning", new Date(newDue.getTime() - 6_000).toISOString(), 2],
      ].sort(),
    );
  });

  it("a timer delivered twice, or replayed late, acts once", async () => {
    const ticket = await p1DueIn(-5_000); // already overdue when registered: a breach timer due at once
    const clock = await prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId: ticket.id, metric: "RESPONSE" } } });
    const payload = { ticketId: ticket.id, metric: "RESPONSE" as const, kind: "breach" as const, revision: clock.revision, at: ticket.sla.response!.dueAt ?? clock.dueAt!.toISOString() };
    // The same job delivered again (another id), twice more, while the worker also has it.
    await slaTimers.add("sla-timer", payload, { jobId: `dup-a-${ticket.id}` });
    await slaTimers.add("sla-timer", payload, { jobId: `dup-b-${ticket.id}` });
    const direct = await Promise.all([handleSlaTimer({ prisma, payload, now: new Date() }), handleSlaTimer({ prisma, payload, now: new Date() })]);
    await until(
      () => slaTimers.getJobs(["wait", "prioritized", "active", "delayed"]).then((jobs) => jobs.filter((j) => j.data.ticketId === ticket.id)),
      (jobs) => jobs.length === 0,
    );
    expect(await breaches(ticket.id)).toHaveLength(1);
    expect(await eventsOf(ticket.id, "SLA_BREACHED")).toHaveLength(1);
    expect(direct.filter((o) => o.result === "recorded").length).toBeLessThanOrEqual(1);
    // A timer of an older revision is stale.
    expect(await handleSlaTimer({ prisma, payload: { ...payload, revision: payload.revision - 1 }, now: new Date() })).toEqual({ result: "stale" });
  });

  it("a batch records each of its timers once, through the prepared statements the worker uses", async () => {
    // Due in ten minutes: the worker leaves them alone; the batch is recorded as if it were later.
    const [a, b] = [await p1DueIn(600_000, "batch a"), await p1DueIn(600_000, "batch b")];
    const dueOf = (t: typeof a) => Date.parse(t.sla.response!.dueAt!);
    const revisionOf = async (t: typeof a) => (await prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId: t.id, metric: "RESPONSE" } } })).revision;
    const breach = async (t: typeof a, revision?: number) => ({
      ticketId: t.id,
      metric: "RESPONSE" as const,
      kind: "breach" as const,
      revision: revision ?? (await revisionOf(t)),
      at: t.sla.response!.dueAt!,
    });
    const warning = async (t: typeof a) => ({ ...(await breach(t)), kind: "warning" as const, threshold: 0.9, at: new Date(dueOf(t) - 6_000).toISOString() });
    const batch = [await warning(a), await breach(a), await breach(a), await breach(b, (await revisionOf(b)) - 1), await breach(b)];
    const pool = createSqlPool(undefined, 2);
    try {
      const sql = poolSql(pool);
      const early = await recordSlaTimers({ prisma, sql, payloads: batch, now: new Date(dueOf(a) - 10_000) });
      expect(early.map((o) => o.result)).toEqual(["early", "early", "early", "early", "early"]);

      const later = new Date(Math.max(dueOf(a), dueOf(b)) + 1_000);
      const first = await recordSlaTimers({ prisma, sql, payloads: batch, now: later });
      expect(first.map((o) => o.result)).toEqual(["recorded", "recorded", "duplicate", "stale", "recorded"]);
      // The whole batch delivered again: the warning's clock has breached, the breaches are recorded.
      const again = await recordSlaTimers({ prisma, sql, payloads: batch, now: later });
      expect(again.map((o) => o.result)).toEqual(["stale", "duplicate", "duplicate", "stale", "duplicate"]);
    } finally {
      await pool.end();
    }
    for (const t of [a, b]) {
      expect(await breaches(t.id)).toHaveLength(1);
      expect(await eventsOf(t.id, "SLA_BREACHED")).toHaveLength(1);
      expect(await prisma.notification.count({ where: { ticketId: t.id, template: "sla-breach" } })).toBe(3); // line lead, customer admin, webhook
    }
    expect(await eventsOf(a.id, "SLA_WARNING")).toHaveLength(1);
    expect(await eventsOf(b.id, "SLA_WARNING")).toHaveLength(0);
  });
});

describe("losing Redis or the worker loses nothing", () => {
  it("after FLUSHALL the reconciler restores every timer and records the breaches that came due meanwhile", async () => {
    const redis = await startPrivateRedis();
    const probe = new Redis(redis.url);
    const privateQueue = new Queue(QUEUES.slaTimers, { connection: probe, prefix: redisPrefix() });
    let worker = startSlaTimerWorker({ REDIS_URL: redis.url });
    try {
      await worker.waitFor(/sla-timers@\S+ running/);
      const later = [await p1DueIn(10 * 60_000, "later-1"), await p1DueIn(10 * 60_000, "later-2")];
      const soon = await p1DueIn(8_000, "soon");
      const jobsOf = async (tickets: Array<{ id: string }>) => (await privateQueue.getJobs(["delayed", "prioritized", "wait"])).filter((j) => tickets.some((t) => t.id === j.data.ticketId));
      const key = (j: { data: { ticketId: string; kind: string } }) => `${j.data.ticketId}/${j.data.kind}`;
      await until(
        () => jobsOf(later),
        (jobs) => jobs.length === 4,
      );
      await until(
        () => jobsOf([soon]),
        (jobs) => jobs.some((j) => j.data.kind === "breach"),
      );
      await worker.stop("SIGTERM");

      await probe.flushall();
      expect(await probe.dbsize()).toBe(0);
      // The soon ticket comes due while no worker runs and Redis has forgotten its timer.
      await until(
        async () => Date.now(),
        (now) => now > new Date(soon.sla.response!.dueAt!).getTime() + 500,
      );
      expect(await breaches(soon.id)).toEqual([]);

      worker = startSlaTimerWorker({ REDIS_URL: redis.url });
      await worker.waitFor(/start-up reconcile: /);
      // Nothing else could record it: its timer is gone from Redis and the outbox was relayed long ago.
      const [breach, ...again] = await until(
        () => breaches(soon.id),
        (rows) => rows.length > 0,
        5_000,
      );
      expect(again).toEqual([]);
      expect(breach?.dueAt).toEqual(new Date(soon.sla.response!.dueAt!));
      expect((await jobsOf(later)).map(key).sort()).toEqual(later.flatMap((t) => [`${t.id}/breach`, `${t.id}/warning`]).sort());
    } finally {
      await worker.stop("SIGTERM");
      await privateQueue.close();
      probe.disconnect();
      await redis.stop();
    }
  });

  it("a worker killed mid-job (SIGKILL) loses nothing and records nothing twice", async () => {
    let worker = startSlaTimerWorker();
    try {
      await worker.waitFor(/sla-timers@\S+ running/);
      const tickets = await Promise.all(Array.from({ length: 20 }, (_, i) => p1DueIn(3_000, `kill-${i}`)));
      const ids = tickets.map((t) => t.id);
      const recorded = () => prisma.escalation.count({ where: { ticketId: { in: ids }, kind: "BREACH" } });
      await until(recorded, (n) => n > 0); // breaches are being recorded right now
      worker.child.kill("SIGKILL");
      await worker.stop("SIGKILL");

      worker = startSlaTimerWorker();
      await until(recorded, (n) => n === 20, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await recorded()).toBe(20);
      expect(await prisma.ticketEvent.count({ where: { ticketId: { in: ids }, type: "SLA_BREACHED" } })).toBe(20);
    } finally {
      await worker.stop("SIGTERM");
    }
  });
});
