import "server-only";
/**
 * One ingested e-mail for an agent: its metadata and its raw RFC 822 bytes ("open the original").
 * Staff only; a mail that became part of a ticket only for staff who may see that ticket.
 */
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { InboundMailStatus } from "../../generated/prisma/enums";
import { STAFF_ROLES, type Actor } from "../actor";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { requireRole, requireVisibleTicketId } from "../tickets/scope";
import type { UseCaseContext } from "../tickets/context";

export const ReadInboundMailSchema = z.object({ id: z.uuid() });

export interface InboundMailMeta {
  id: string;
  messageId: string;
  fromAddress: string;
  fromName: string | null;
  toAddresses: string[];
  ccAddresses: string[];
  subject: string;
  /** ISO: when the mail server received it; and the Date header, as the sender claims it. */
  receivedAt: string;
  sentAt: string | null;
  status: InboundMailStatus;
  reason: string | null;
  ticketId: string | null;
  /** The ticket event it became (REGISTERED or the reply), as a string. */
  eventId: string | null;
}

export const inboundMailMetaSelect = {
  id: true,
  messageId: true,
  fromAddress: true,
  fromName: true,
  toAddresses: true,
  ccAddresses: true,
  subject: true,
  receivedAt: true,
  sentAt: true,
  status: true,
  reason: true,
  ticketId: true,
  eventId: true,
} satisfies Prisma.InboundMailSelect;

type MetaRow = Prisma.InboundMailGetPayload<{ select: typeof inboundMailMetaSelect }>;

export const toInboundMailMeta = (row: MetaRow): InboundMailMeta => ({
  id: row.id,
  messageId: row.messageId,
  fromAddress: row.fromAddress,
  fromName: row.fromName,
  toAddresses: row.toAddresses,
  ccAddresses: row.ccAddresses,
  subject: row.subject,
  receivedAt: row.receivedAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
  status: row.status,
  reason: row.reason,
  ticketId: row.ticketId,
  eventId: row.eventId?.toString() ?? null,
});

export async function readInboundMail({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<InboundMailMeta & { raw: Buffer }> {
  requireRole(actor, STAFF_ROLES, "Mail");
  const { id } = parseInput(ReadInboundMailSchema, input);
  const row = await ctx.prisma.inboundMail.findUnique({ where: { id }, select: { ...inboundMailMetaSelect, raw: true } });
  if (!row) throw notFound("Mail");
  if (row.ticketId) await requireVisibleTicketId(ctx.prisma, actor, row.ticketId).catch(() => Promise.reject(notFound("Mail")));
  return { ...toInboundMailMeta(row), raw: Buffer.from(row.raw) };
}
