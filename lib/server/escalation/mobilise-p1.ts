import "server-only";
/**
 * A P1 is escalated at once (000 §5.5): the 2nd- and 3rd-line leads (product owners and
 * architects) are told on registration or when a ticket is raised to P1, and outside office
 * hours the on-call person is paged. Written in the caller's transaction; once per ticket.
 */
import type { DbClient } from "../db/prisma";
import { appendEvent } from "../tickets/events";
import { notifyEscalation } from "./notify";
import { p1MobilisedKey } from "./keys";
import { pageIfOnCallCase } from "../oncall/out-of-hours";

export async function mobiliseP1(tx: DbClient, ticket: { id: string; reference: string; title: string; createdAt: Date; organizationId: string }, actorId: string | null, now: Date): Promise<void> {
  const dedupeKey = p1MobilisedKey(ticket.id);
  const created = await tx.escalation.createMany({
    data: [{ ticketId: ticket.id, kind: "LINE", dedupeKey, fromLine: "L1", toLine: "L3", status: "NOTIFIED", createdAt: now }],
    skipDuplicates: true,
  });
  if (created.count === 0) return;
  const leads = await tx.user.findMany({
    where: { role: "AGENT", supportLine: { in: ["L2", "L3"] }, isLineLead: true, deactivatedAt: null },
    select: { id: true },
  });
  const userIds = leads.map((l) => l.id);
  await notifyEscalation(tx, {
    template: "p1-registered",
    escalationKey: dedupeKey,
    ticketId: ticket.id,
    organizationId: ticket.organizationId,
    userIds,
    payload: { reference: ticket.reference, title: ticket.title, registeredAt: ticket.createdAt.toISOString() },
    now,
  });
  await appendEvent(tx, { ticketId: ticket.id, type: "ESCALATED", actorId, at: now, data: { kind: "p1_mobilised", notified: userIds, visibility: "INTERNAL" } });
  // Outside office hours the on-call person must receive a P1 at once (SLA-RULES.md §3), or when
  // the office closes if its clock still runs; a customer without the on-call option only inside
  // its agreement's calendar (000 §19). The decision is lib/sla/oncall's onCallPageDecision.
  await pageIfOnCallCase(tx, { ticketId: ticket.id, now });
}
