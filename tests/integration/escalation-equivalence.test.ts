/**
 * An agent's escalation and a breach that moves the ticket (the agreement's moveToNextLine) are
 * one decision (lib/server/escalation/fired-timer.ts): two identical tickets, one escalated by an
 * agent, one breached by the SLA timer, end with the same line move — the same ESCALATED event,
 * LINE record, queue and people told — and the breach adds only its own record and notices.
 * The warning key the reconciler looks for in SQL is the one the timer writes.
 *
 * Instant: both tickets are registered at Monday 2 March 2026 08:00 UTC on a 24/7 P2 target of
 * one hour, and act at 09:01, a minute after their due instant, whatever the wall clock says.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { handleSlaTimer } from "../../lib/server/sla-timers/handle-sla-timer";
import { warningKey, warningKeySql } from "../../lib/server/escalation/keys";
import { applyTicketAction, registerTicket } from "../../lib/server/tickets";
import type { Actor } from "../../lib/server/actor";
import { actorByEmail } from "../support/fixtures";
import { testCustomer } from "../support/test-customer";

const prisma = createPrisma();
const REGISTERED_AT = new Date("2026-03-02T08:00:00Z");
const ACT_AT = new Date("2026-03-02T09:01:00Z");
let requester: Actor;
let agent: Actor;

beforeAll(async () => {
  await testCustomer(prisma, {
    key: "test-equivalence",
    agreementName: "a breach moves the ticket",
    slug: "test-equivalence",
    name: "Equivalence Test AS",
    ticketPrefix: "EQ",
    target: { priority: "P2", minutes: 60 },
    warningThresholds: [0.75],
    escalationRules: { breach: { notify: ["lineLead"], moveToNextLine: true } },
    users: [["equivalence-user@test.example", "END_USER"]],
  });
  requester = await actorByEmail(prisma, "equivalence-user@test.example");
  agent = await actorByEmail(prisma, "lise@servicedesk.example");
});

afterAll(() => prisma.$disconnect());

const register = (title: string) => registerTicket({ actor: requester, input: { title, description: "Skriveren på lageret svarer ikke", priority: "P2" }, ctx: { prisma, now: () => REGISTERED_AT } });

/** What a ticket got after `afterEventId`: its events and notifications, without ids, instants, actor or the ticket's own reference. */
async function changesOf(ticketId: string, afterEventId: bigint, afterNotifications: Set<string>) {
  const events = await prisma.ticketEvent.findMany({ where: { ticketId, id: { gt: afterEventId } }, orderBy: { id: "asc" }, select: { type: true, data: true } });
  const notifications = (await prisma.notification.findMany({ where: { ticketId }, select: { id: true, template: true, channel: true, recipientUserId: true, payload: true } }))
    .filter((n) => !afterNotifications.has(n.id))
    .map(({ template, channel, recipientUserId, payload }) => {
      const { reference: _reference, title: _title, ...rest } = payload as Record<string, unknown>;
      return { template, channel, recipientUserId, payload: rest };
    })
    .sort((a, b) => `${a.template}/${a.recipientUserId}`.localeCompare(`${b.template}/${b.recipientUserId}`));
  const lineMoves = await prisma.escalation.findMany({ where: { ticketId, kind: "LINE" }, select: { fromLine: true, toLine: true, status: true } });
  const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { line: true, assigneeId: true } });
  return { events, notifications, lineMoves, ticket };
}

async function before(ticketId: string) {
  const last = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId }, orderBy: { id: "desc" }, select: { id: true } });
  const notifications = await prisma.notification.findMany({ where: { ticketId }, select: { id: true } });
  return [last.id, new Set(notifications.map((n) => n.id))] as const;
}

/** The line move an ESCALATED event records, without what only one cause carries (an agent's note, a breach's marker). */
const lineMoveOf = (data: unknown) => {
  const { from, to, visibility } = data as Record<string, unknown>;
  return { from, to, visibility };
};

describe("an agent's escalation and a breach that moves the ticket", () => {
  it("make the same line move: event, record, queue and the new line's leads told", async () => {
    const [byAgent, byTimer] = [await register("Escalated by an agent"), await register("Breached by the timer")];
    const [agentAfter, agentSeen] = await before(byAgent.id);
    const [timerAfter, timerSeen] = await before(byTimer.id);

    await applyTicketAction({
      actor: agent,
      input: { ticketId: byAgent.id, action: { type: "escalate", line: "L2", workDone: "Startet skriveren på nytt, samme feil" } },
      ctx: { prisma, now: () => ACT_AT },
    });
    const clock = await prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId: byTimer.id, metric: "RESPONSE" } } });
    const outcome = await handleSlaTimer({
      prisma,
      payload: { ticketId: byTimer.id, metric: "RESPONSE", kind: "breach", revision: clock.revision, at: clock.dueAt!.toISOString() },
      now: ACT_AT,
    });
    expect(outcome.result).toBe("recorded");

    const manual = await changesOf(byAgent.id, agentAfter, agentSeen);
    const timer = await changesOf(byTimer.id, timerAfter, timerSeen);
    const leadsOfL2 = (await prisma.user.findMany({ where: { role: "AGENT", supportLine: "L2", isLineLead: true, deactivatedAt: null }, select: { id: true } })).map((u) => u.id);
    expect(leadsOfL2.length).toBeGreaterThan(0);

    // The line move: one ESCALATED event each, the same move.
    expect(manual.events.map((e) => e.type)).toEqual(["ESCALATED"]);
    expect(timer.events.map((e) => e.type)).toEqual(["SLA_BREACHED", "ESCALATED"]);
    expect(lineMoveOf(timer.events[1]!.data)).toEqual(lineMoveOf(manual.events[0]!.data));
    expect(lineMoveOf(manual.events[0]!.data)).toEqual({ from: "L1", to: "L2", visibility: "INTERNAL" });
    expect(timer.lineMoves).toEqual(manual.lineMoves);
    expect(timer.lineMoves).toEqual([{ fromLine: "L1", toLine: "L2", status: "NOTIFIED" }]);
    expect(timer.ticket).toEqual(manual.ticket);
    expect(timer.ticket).toEqual({ line: "L2", assigneeId: null });

    // The same people told of the move, the same way.
    const escalated = (changes: typeof manual) => changes.notifications.filter((n) => n.template === "ticket-escalated");
    expect(escalated(timer)).toEqual(escalated(manual));
    expect(
      escalated(manual)
        .map((n) => n.recipientUserId)
        .sort(),
    ).toEqual([...leadsOfL2].sort());
    expect(escalated(manual)[0]).toMatchObject({ channel: "EMAIL", payload: { from: "L1", to: "L2", priority: "P2" } });

    // The breach adds its own notices (the 1st line's leads, as the agreement says) and nothing else.
    expect(manual.notifications.filter((n) => n.template !== "ticket-escalated")).toEqual([]);
    const breachNotices = timer.notifications.filter((n) => n.template !== "ticket-escalated");
    const leadsOfL1 = (await prisma.user.findMany({ where: { role: "AGENT", supportLine: "L1", isLineLead: true, deactivatedAt: null }, select: { id: true } })).map((u) => u.id);
    expect(breachNotices.map((n) => [n.template, n.channel, n.recipientUserId])).toEqual([...leadsOfL1].sort().map((id) => ["sla-breach", "EMAIL", id]));
    expect(breachNotices[0]!.payload).toEqual({ priority: "P2", dueAt: clock.dueAt!.toISOString(), breachedAt: clock.dueAt!.toISOString() });
  });
});

describe("the warning key", () => {
  it("is the same built in SQL (as the reconciler looks for it) as in TypeScript (as the timer writes it)", async () => {
    const ticketId = "0194f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f";
    for (const [threshold, target] of [
      [0.75, 60],
      [0.9, 1],
      [0.5, null],
      [1 / 3, 480],
    ] as const) {
      // The reconciler reads the threshold from SlaClock.timers, JSON that JavaScript wrote.
      const [row] = await prisma.$queryRawUnsafe<Array<{ key: string }>>(
        `select ${warningKeySql(`$1::uuid`, `($2::jsonb ->> 'threshold')`, `$3::int`)} as "key"`,
        ticketId,
        JSON.stringify({ threshold }),
        target,
      );
      expect(row!.key).toBe(warningKey(ticketId, threshold, target));
    }
  });
});
