import "server-only";
/**
 * The e-mails a ticket was made from or answered with, for the agent's ticket page: sender,
 * recipients, subject, when received, and the event each became (to show beside that message in
 * the timeline). Staff who may see the ticket only. The raw message: read-inbound-mail.ts.
 */
import { STAFF_ROLES, type Actor } from "../actor";
import { requireRole, requireVisibleTicketId } from "../tickets/scope";
import type { UseCaseContext } from "../tickets/context";
import { inboundMailMetaSelect, toInboundMailMeta, type InboundMailMeta } from "./read-inbound-mail";

export async function listTicketMail({ actor, input, ctx }: { actor: Actor; input: { ticketId: string }; ctx: UseCaseContext }): Promise<InboundMailMeta[]> {
  requireRole(actor, STAFF_ROLES, "Ticket");
  const ticketId = await requireVisibleTicketId(ctx.prisma, actor, input.ticketId);
  const rows = await ctx.prisma.inboundMail.findMany({ where: { ticketId }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }], select: inboundMailMetaSelect });
  return rows.map(toInboundMailMeta);
}
