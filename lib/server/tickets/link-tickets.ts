import "server-only";
/**
 * Links two tickets (issue 19): related, duplicate of, or caused by. Stored once (from this ticket
 * to the other) and shown on both; each ticket's history gets a LINKED event naming the other.
 * Linking the same pair again (either way round) is refused.
 */
import { z } from "zod";
import type { Actor } from "../actor";
import { conflict } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { appendEvent } from "./events";
import { lockTickets, linksBetween, requireStaffActor, requireVisible, visibleTicketIdByReference } from "./related-tickets-common";

export const LINK_KINDS = ["RELATED", "DUPLICATE", "CAUSED_BY"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LinkTicketsSchema = z.object({
  ticketId: z.string(),
  /** The other ticket's reference, as the agent types it. */
  reference: z.string().trim().min(1).max(40),
  kind: z.enum(LINK_KINDS),
});

export async function linkTickets({ actor, input, ctx }: { actor: Actor; input: z.input<typeof LinkTicketsSchema>; ctx: UseCaseContext }): Promise<{ linkId: string }> {
  requireStaffActor(actor);
  const { ticketId, reference, kind } = parseInput(LinkTicketsSchema, input);
  const now = ctx.now();
  return ctx.prisma.$transaction(async (tx) => {
    const otherId = await visibleTicketIdByReference(tx, actor, reference);
    await lockTickets(tx, [ticketId, otherId]);
    const from = await requireVisible(tx, actor, ticketId, { id: true, reference: true });
    const to = await requireVisible(tx, actor, otherId, { id: true, reference: true });
    if (from.id === to.id) throw conflict("A ticket cannot be linked to itself");
    if ((await linksBetween(tx, from.id, to.id)) > 0) throw conflict(`${from.reference} and ${to.reference} are already linked`);
    const link = await tx.ticketLink.create({ data: { fromTicketId: from.id, toTicketId: to.id, kind, createdById: actor.userId, createdAt: now }, select: { id: true } });
    await appendEvent(tx, { ticketId: from.id, type: "LINKED", actorId: actor.userId, at: now, data: { kind, direction: "from", otherTicketId: to.id, otherReference: to.reference } });
    await appendEvent(tx, { ticketId: to.id, type: "LINKED", actorId: actor.userId, at: now, data: { kind, direction: "to", otherTicketId: from.id, otherReference: from.reference } });
    return { linkId: link.id };
  }, TRANSACTION_OPTIONS);
}
