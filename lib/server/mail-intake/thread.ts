import "server-only";
/**
 * Which ticket a mail answers: the ids in its In-Reply-To and References (newest first) — our own
 * outgoing Message-IDs are `<notification id@mail domain>` (notifications/deliver.ts), so an id
 * whose left-hand side is a notification's id with a ticket names that ticket; an id equal to an
 * earlier InboundMail's Message-ID names that mail's ticket — and, failing those, a ticket
 * reference in square brackets in the subject, e.g. `[NL-2026-000123]`. Only a ticket the sender
 * may answer counts: one they requested, or one of their organisation. A ticket merged into another
 * (tickets/merge-ticket.ts) answers with the one it was merged into, where the case goes on: the
 * customer's reply to the duplicate's mails lands there, not in a new follow-up ticket.
 */
import type { DbClient } from "../db/prisma";

export interface ThreadSender {
  id: string;
  organizationId: string;
}

export interface Thread {
  ticketId: string;
  by: "notification" | "inbound_mail" | "subject";
  /** The merged duplicate the mail answered, when it was followed to `ticketId`. */
  mergedFromId?: string;
}

/** A merge never crosses organisations, so the one merged into is as answerable as the duplicate; a chain is followed, a loop is not. */
const MAX_MERGE_HOPS = 10;

async function followMerges(db: DbClient, found: Thread): Promise<Thread> {
  let id = found.ticketId;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const ticket = await db.ticket.findUnique({ where: { id }, select: { mergedIntoId: true } });
    if (!ticket?.mergedIntoId) break;
    id = ticket.mergedIntoId;
  }
  return id === found.ticketId ? found : { ...found, ticketId: id, mergedFromId: found.ticketId };
}

const UUID_LEFT = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^<>]+>$/i;
/** A ticket reference in square brackets: PREFIX-YYYY-NNNNNN (tickets/reference.ts). */
const SUBJECT_REFERENCE = /\[([A-Za-z0-9]{1,20}-\d{4}-\d{6,})\]/g;

export function subjectReferences(subject: string): string[] {
  return [...subject.matchAll(SUBJECT_REFERENCE)].map((m) => m[1]!.toUpperCase());
}

export async function findThread(db: DbClient, mail: { references: readonly string[]; subject: string }, sender: ThreadSender): Promise<Thread | null> {
  const found = await answeredTicket(db, mail, sender);
  return found && followMerges(db, found);
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
