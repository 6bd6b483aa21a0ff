/**
 * Stored JSON is checked against its column's schema (lib/server/db/json-schemas.ts): a malformed
 * event stops the clock computation with an error naming the column and row instead of flowing
 * into the clock; a malformed event is refused when written; an outbox message that does not fit
 * its topic is set aside by the relay with the reason.
 *
 * Instant: a P2 registered on Monday 2 March 2026 at 10:00 Oslo time (office hours), acted on
 * an hour later.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import { relayOutbox } from "../../lib/server/outbox/relay";
import { appendEvent } from "../../lib/server/tickets/events";
import { applyTicketAction, registerTicket } from "../../lib/server/tickets";
import type { Actor } from "../../lib/server/actor";
import { seededActors } from "../support/fixtures";

const prisma = createPrisma();
const connection = createRedis();
const slaTimers = new Queue(QUEUES.slaTimers, { connection, prefix: redisPrefix() });
const REGISTERED_AT = new Date("2026-03-02T09:00:00Z");
let kari: Actor, lise: Actor;

beforeAll(async () => {
  ({ kari, lise } = await seededActors(prisma, ["kari", "lise"]));
});
afterAll(async () => {
  await slaTimers.obliterate({ force: true });
  await slaTimers.close();
  connection.disconnect();
  await prisma.$disconnect();
});

describe("stored JSON", () => {
  it("a malformed clock event stops the clock with an error naming it, and is refused on write", async () => {
    const ticket = await registerTicket({ actor: kari, input: { title: "Stored data", description: "x", priority: "P2" }, ctx: { prisma, now: () => REGISTERED_AT } });
    // A PAUSED event without its reason, as a bad migration or a hand-made fix could leave it.
    await prisma.ticketEvent.create({ data: { ticketId: ticket.id, type: "PAUSED", at: new Date("2026-03-02T09:30:00Z"), data: { reasn: "typo" } } });
    const later = { prisma, now: () => new Date("2026-03-02T10:00:00Z") };
    await expect(applyTicketAction({ actor: lise, input: { ticketId: ticket.id, action: { type: "note", body: "x" } }, ctx: later })).rejects.toThrow(
      /TicketEvent\.data \(PAUSED of ticket .* at 2026-03-02T09:30:00\.000Z\) does not have the stored shape: reason: /,
    );

    await expect(
      prisma.$transaction((tx) => appendEvent(tx, { ticketId: ticket.id, type: "PRIORITY_CHANGED", actorId: lise.userId, at: new Date("2026-03-02T10:00:00Z"), data: { to: "P9" } })),
    ).rejects.toThrow();
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: "PRIORITY_CHANGED" } })).toBe(0);
  });

  it("an outbox message that does not fit its topic is set aside with the reason; the others are relayed", async () => {
    await relayOutbox({ prisma, slaTimers }); // start from an empty outbox
    const bad = await prisma.outboxMessage.create({ data: { topic: "sla.schedule", payload: { ticketId: "not-a-uuid", revision: 0, timers: [], cancelJobIds: [] } } });
    const unknown = await prisma.outboxMessage.create({ data: { topic: "sla.reschedule", payload: {} } });
    const good = await prisma.outboxMessage.create({
      data: { topic: "job.schedule", payload: { queue: QUEUES.slaTimers, name: "noop", jobId: "stored-data-test", data: {}, at: "2030-01-01T00:00:00.000Z" } },
    });
    expect(await relayOutbox({ prisma, slaTimers })).toBe(3);
    const rows = await prisma.outboxMessage.findMany({ where: { id: { in: [bad.id, unknown.id, good.id] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.dispatchedAt !== null)).toEqual([true, true, true]);
    expect(rows[0]!.lastError).toMatch(/ticketId/);
    expect(rows[1]!.lastError).toMatch(/topic/);
    expect(rows[2]!.lastError).toBeNull();
    expect(await slaTimers.getJob("stored-data-test")).toBeDefined();
  });
});
