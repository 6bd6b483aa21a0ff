import "server-only";
/**
 * A P1 is escalated at once (000 §5.5): the 2nd- and 3rd-line leads (product owners and
 * architects) are told on registration or when a ticket is raised to P1, and outside office
 * hours the on-call person is paged. Written in the caller's transaction; once per ticket.
 */
import { needsOnCallPage, type OnCallOption } from "../../sla/oncall";
import type { CalendarSpec } from "../../sla";
import type { DbClient } from "../db/prisma";
import { calendarSpecOf } from "../db/agreements";
import { appendEvent } from "../tickets/events";
import { pageOnCall } from "../oncall/page-on-call";
import { notifyEscalation } from "./notify";
import { p1MobilisedKey } from "./keys";

const ALL_DAY: ReadonlyArray<readonly [string, string]> = [["00:00", "24:00"]];

/** An agreement whose P1 target runs on a calendar open all the time has the 24/7 on-call option. */
function isAlwaysOpen(spec: CalendarSpec): boolean {
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
  return !spec.holidays && !spec.closedDates?.length && days.every((d) => JSON.stringify(spec.weekly[d]) === JSON.stringify(ALL_DAY));
}

/** The on-call option of the ticket's agreement: 24/7 (extended SLA) or the vakttelefon hours (000 §19). */
async function onCallOptionOf(tx: DbClient, ticketId: string): Promise<OnCallOption> {
  const target = await tx.responseTarget.findFirst({
    where: { priority: "P1", version: { tickets: { some: { id: ticketId } } } },
    select: { calendar: { select: { timeZone: true, weekly: true, holidayCountry: true, dates: { select: { date: true, hours: true } } } } },
  });
  return target && isAlwaysOpen(calendarSpecOf(target.calendar)) ? "24/7" : "vakttelefon";
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
  if (needsOnCallPage({ priority: "P1", at: now, option: await onCallOptionOf(tx, ticket.id) })) {
    await pageOnCall(tx, { ticketId: ticket.id, reason: "p1_outside_office_hours", now });
  }
}
