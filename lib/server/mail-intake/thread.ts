import "server-only";
/**
 * Which ticket a mail answers: the ids in its In-Reply-To and References (newest first) — our own
 * outgoing Message-IDs are `<notification id@mail domain>` (notifications/deliver.ts), so an id
 * whose left-hand side is a notification's id with a ticket names that ticket; an id equal to an
 * earlier InboundMail's Message-ID names that mail's ticket — and, failing those, a ticket
 * reference in square brackets in the subject, e.g. `[NL-2026-000123]`. Only a ticket the sender
 * may answer counts: one they requested, or one of their organisation. A ticket merged into another
 * (tickets/merge-ticket.ts) answers with the one it was merged into, where the case goes on, when
 * the sender can follow it there (they requested it, or they are a customer admin, who sees the
 * organisation's tickets): their reply lands there, not in a new follow-up ticket. Anyone else's
 * reply to the duplicate stays with the duplicate (a follow-up ticket, as for any closed ticket), so
 * no one writes into a ticket they cannot read.
 */
import type { DbClient } from "../db/prisma";

export interface ThreadSender {
  id: string;
  organizationId: string;
  role: string;
}

export interface Thread {
  ticketId: string;
  by: "notification" | "inbound_mail" | "subject";
}

/** A chain of merges is followed; a loop is not. */
const MAX_MERGE_HOPS = 10;

/** The ticket a merged duplicate went into, when the sender can read it (a merge never crosses organisations). */
async function followMerges(db: DbClient, found: Thread, sender: ThreadSender): Promise<Thread> {
  let id = found.ticketId;
  let ticket = await db.ticket.findUnique({ where: { id }, select: { mergedIntoId: true, requesterId: true, organizationId: true } });
  for (let hop = 0; hop < MAX_MERGE_HOPS && ticket?.mergedIntoId; hop++) {
    id = ticket.mergedIntoId;
    ticket = await db.ticket.findUnique({ where: { id }, select: { mergedIntoId: true, requesterId: true, organizationId: true } });
  }
  if (id === found.ticketId || !ticket) return found;
  const canRead = ticket.requesterId === sender.id || (sender.role === "CUSTOMER_ADMIN" && ticket.organizationId === sender.organizationId);
  return canRead ? { ...found, ticketId: id } : found;
}

const UUID_LEFT = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^<>]+>$/i;
/** A ticket reference in square brackets: PREFIX-YYYY-NNNNNN (tickets/reference.ts). */
const SUBJECT_REFERENCE = /\[([A-Za-z0-9]{1,20}-\d{4}-\d{6,})\]/g;

export function subjectReferences(subject: string): string[] {
  return [...subject.matchAll(SUBJECT_REFERENCE)].map((m) => m[1]!.toUpperCase());
}

export async function findThread(db: DbClient, mail: { references: readonly string[]; subject: string }, sender: ThreadSender): Promise<Thread | null> {
  const found = await answeredTicket(db, mail, sender);
  return found && followMerges(db, found, sender);
}

async function answeredTicket(db: DbClient, mail: { references: readonly string[]; subject: string }, sender: ThreadSender): Promise<Thread | null> {
  const mayAnswer = (t: { organizationId: string; requesterId: string } | null | undefined) => !!t && (t.requesterId === sender.id || t.organizationId === sender.organizationId);
  if (mail.references.length) {
    const notificationIds = mail.references.map((id) => UUID_LEFT.exec(id)?.[1]?.toLowerCase()).filter((id): id is string => !!id);
    const ticket = { select: { id: true, organizationId: true, requesterId: true } } as const;
    const notifications = notificationIds.length ? await db.notification.findMany({ where: { id: { in: notificationIds }, ticketId: { not: null } }, select: { id: true, ticket } }) : [];
    const mails = await db.inboundMail.findMany({ where: { messageId: { in: [...mail.references] }, ticketId: { not: null } }, select: { messageId: true, ticket } });
    for (const ref of mail.references) {
      const notification = notifications.find((n) => n.id === UUID_LEFT.exec(ref)?.[1]?.toLowerCase());
      if (notification && mayAnswer(notification.ticket)) return { ticketId: notification.ticket!.id, by: "notification" };
      const earlier = mails.find((m) => m.messageId === ref);
      if (earlier && mayAnswer(earlier.ticket)) return { ticketId: earlier.ticket!.id, by: "inbound_mail" };
    }
  }
  for (const reference of subjectReferences(mail.subject)) {
    const ticket = await db.ticket.findUnique({ where: { reference }, select: { id: true, organizationId: true, requesterId: true } });
    if (mayAnswer(ticket)) return { ticketId: ticket!.id, by: "subject" };
  }
  return null;
}
