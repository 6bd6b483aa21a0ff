import "server-only";
/**
 * A P1 is escalated at once (000 §5.5): the 2nd- and 3rd-line leads (product owners and
 * architects) are told on registration or when a ticket is raised to P1, and outside office
 * hours the on-call person is paged. Written in the caller's transaction; once per ticket.
 */
import { needsOnCallPage, type OnCallOption } from "../../sla/oncall";
import type { DbClient } from "../db/prisma";
import type { OnCallOption as OrganizationOnCallOption } from "../../generated/prisma/enums";
import { appendEvent } from "../tickets/events";
import { pageOnCall } from "../oncall/page-on-call";
import { notifyEscalation } from "./notify";
import { onCallCustomerNoticeKey, p1MobilisedKey } from "./keys";
import { noticeToRequester } from "../notifications/customer-notices";

/** The on-call cover the customer bought, as lib/sla names it; null = none (no page). */
function onCallOptionFor(option: OrganizationOnCallOption): OnCallOption | null {
  return option === "ALWAYS" ? "24/7" : option === "VAKTTELEFON" ? "vakttelefon" : null;
}

/** The organisation's on-call option (000 §19), an explicit field set by the provider admin (issue 15). */
async function onCallOptionOf(tx: DbClient, organizationId: string): Promise<OnCallOption | null> {
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { onCallOption: true } });
  return org ? onCallOptionFor(org.onCallOption) : null;
}

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
  // Outside office hours the on-call person must receive a P1 at once (SLA-RULES.md §3).
  // A customer without the on-call option is not paged for (000 §19).
  const option = await onCallOptionOf(tx, ticket.organizationId);
  if (option && needsOnCallPage({ priority: "P1", at: now, option })) {
    await pageOnCall(tx, { ticketId: ticket.id, reason: "p1_outside_office_hours", now });
    // The customer is told their P1 has called out the on-call staff (issue 17): once per ticket.
    await noticeToRequester(tx, { ticketId: ticket.id, template: "ticket-oncall", fields: {}, actorId: null, now, key: (userId) => onCallCustomerNoticeKey(ticket.id, userId) });
  }
}
