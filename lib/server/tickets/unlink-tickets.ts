import "server-only";
/** Removes a link between two tickets (issue 19); both histories get an UNLINKED event. */
import { z } from "zod";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { appendEvent } from "./events";
import { UUID } from "./scope";
import { lockTickets, requireStaffActor, requireVisible } from "./related-tickets-common";

export const UnlinkTicketsSchema = z.object({ ticketId: z.string(), linkId: z.string().regex(UUID) });

export async function unlinkTickets({ actor, input, ctx }: { actor: Actor; input: z.input<typeof UnlinkTicketsSchema>; ctx: UseCaseContext }): Promise<void> {
  requireStaffActor(actor);
  const { ticketId, linkId } = parseInput(UnlinkTicketsSchema, input);
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const link = await tx.ticketLink.findUnique({ where: { id: linkId }, select: { id: true, kind: true, fromTicketId: true, toTicketId: true } });
    if (!link || (link.fromTicketId !== ticketId && link.toTicketId !== ticketId)) throw notFound("Link");
    await lockTickets(tx, [link.fromTicketId, link.toTicketId]);
    const from = await requireVisible(tx, actor, link.fromTicketId, { id: true, reference: true });
    const to = await requireVisible(tx, actor, link.toTicketId, { id: true, reference: true });
    await tx.ticketLink.delete({ where: { id: link.id } });
    await appendEvent(tx, { ticketId: from.id, type: "UNLINKED", actorId: actor.userId, at: now, data: { kind: link.kind, otherTicketId: to.id, otherReference: to.reference } });
    await appendEvent(tx, { ticketId: to.id, type: "UNLINKED", actorId: actor.userId, at: now, data: { kind: link.kind, otherTicketId: from.id, otherReference: from.reference } });
  }, TRANSACTION_OPTIONS);
}
