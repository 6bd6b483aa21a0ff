import "server-only";
/**
 * The e-mails of a security incident written in the ticket action's transaction (the outbox's
 * Notification rows, delivered by the background worker): the provider's security contact told
 * of the flag, the customer admins' notice of a personal-data breach (003/004 §8.9), and the
 * root-cause report sent to the customer admins when the incident closes (000 §5.9).
 */
import type { DbClient } from "../db/prisma";
import { byEmail, notificationRows, writeNotifications } from "../notifications/write-notifications";
import { breachNoticeKey, rcaReportKey, securityFlaggedKey } from "../escalation/keys";
import { securityContacts, toContact } from "./security-contacts";

async function customerAdmins(db: DbClient, organizationId: string): Promise<string[]> {
  const admins = await db.user.findMany({ where: { organizationId, role: "CUSTOMER_ADMIN", deactivatedAt: null }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return admins.map((u) => u.id);
}

const ticketFacts = (db: DbClient, ticketId: string) =>
  db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { id: true, reference: true, title: true, priority: true, organizationId: true, securityIncident: true, organization: { select: { name: true } } },
  });

/** The security contact told that the ticket is a security incident, with its notice deadline. */
export async function tellSecurityContactOfFlag(db: DbClient, { ticketId, reason, dueAt, now }: { ticketId: string; reason: string; dueAt: Date; now: Date }): Promise<number> {
  const ticket = await ticketFacts(db, ticketId);
  const contacts = await securityContacts(db);
  return writeNotifications(
    db,
    notificationRows({
      template: "security-flagged",
      ticketId,
      payload: { reference: ticket.reference, title: ticket.title, priority: ticket.priority, organizationName: ticket.organization.name, reason, dueAt: dueAt.toISOString() },
      to: contacts.map((c) => toContact(c, (who) => securityFlaggedKey(ticketId, who))),
    }),
    now,
  );
}

/** The customer admins' notice of the breach (the agent's text), once per ticket. */
export async function noticeOfBreachToCustomer(db: DbClient, { ticketId, message, notifiedAt, now }: { ticketId: string; message: string; notifiedAt: Date; now: Date }): Promise<number> {
  const ticket = await ticketFacts(db, ticketId);
  const admins = await customerAdmins(db, ticket.organizationId);
  return writeNotifications(
    db,
    notificationRows({
      template: "breach-notice-customer",
      ticketId,
      payload: { reference: ticket.reference, title: ticket.title, organizationName: ticket.organization.name, message, notifiedAt: notifiedAt.toISOString() },
      to: admins.map((userId) => byEmail(userId, breachNoticeKey(ticketId, userId))),
    }),
    now,
  );
}

/** A security incident that closes: its root-cause report (PDF, in each reader's language) to the customer admins. */
export async function sendRcaReportIfSecurity(db: DbClient, { ticketId, now }: { ticketId: string; now: Date }): Promise<number> {
  const ticket = await ticketFacts(db, ticketId);
  if (!ticket.securityIncident) return 0;
  const admins = await customerAdmins(db, ticket.organizationId);
  return writeNotifications(
    db,
    notificationRows({
      template: "rca-report",
      ticketId,
      payload: { reference: ticket.reference, title: ticket.title, ticketId, closedAt: now.toISOString() },
      to: admins.map((userId) => byEmail(userId, rcaReportKey(ticketId, userId))),
    }),
    now,
  );
}
