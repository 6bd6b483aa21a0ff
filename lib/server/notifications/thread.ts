import "server-only";
/**
 * The mail thread of a ticket (issue 17), so a customer's mail client shows our notices as one
 * conversation and the intake threads their reply back onto the ticket:
 * - its root is the Message-ID of the mail the ticket came from when it came by e-mail (InboundMail
 *   TICKET), else that of the ticket's receipt notification (`<notification id@domain>`, as deliver.ts sends it);
 * - `References` is the root and the latest inbound mail of the ticket; `In-Reply-To` the latest
 *   inbound mail, else the root. A message never refers to itself (the receipt is the root).
 * Reply-To is the support mailbox customers write to: the first active Mailbox, else MAIL_REPLY_TO.
 */
import type { PrismaClient } from "../../generated/prisma/client";

export interface MailThread {
  references: string[];
  inReplyTo: string | undefined;
}

/** Inbound mail that became the ticket or a reply on it (not ignored mail, bounces, …). */
const THREADED = { in: ["TICKET", "REPLY"] as Array<"TICKET" | "REPLY"> };

export async function ticketThread(prisma: PrismaClient, ticketId: string, messageIdDomain: string, ownMessageId: string): Promise<MailThread> {
  const [first, latest] = await Promise.all([
    prisma.inboundMail.findFirst({ where: { ticketId, status: "TICKET" }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }], select: { messageId: true } }),
    prisma.inboundMail.findFirst({ where: { ticketId, status: THREADED }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], select: { messageId: true } }),
  ]);
  let root = first?.messageId;
  if (!root) {
    const receipt = await prisma.notification.findFirst({ where: { ticketId, template: "ticket-receipt" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    root = receipt ? `<${receipt.id}@${messageIdDomain}>` : undefined;
  }
  const references = [...new Set([root, latest?.messageId].filter((id): id is string => id !== undefined && id !== ownMessageId))];
  return { references, inReplyTo: latest?.messageId ?? references[0] };
}

/** The Reply-To of ticket mail: the first active support mailbox's address, else `fallback` (MAIL_REPLY_TO), else none. */
export async function replyToAddress(prisma: PrismaClient, fallback: string | undefined): Promise<string | undefined> {
  const mailbox = await prisma.mailbox.findFirst({ where: { active: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { address: true } });
  return mailbox?.address ?? fallback;
}
