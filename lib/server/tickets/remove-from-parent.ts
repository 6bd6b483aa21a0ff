import "server-only";
/** Takes a child ticket off its parent (issue 19): the parent's replies no longer go to it. */
import { z } from "zod";
import type { Actor } from "../actor";
import { conflict, notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { appendEvent } from "./events";
import { lockTickets, requireStaffActor, requireVisible } from "./related-tickets-common";
import { UUID } from "./scope";

export const RemoveFromParentSchema = z.object({ childId: z.string() });

export async function removeFromParent({ actor, input, ctx }: { actor: Actor; input: z.input<typeof RemoveFromParentSchema>; ctx: UseCaseContext }): Promise<void> {
  requireStaffActor(actor);
  const { childId } = parseInput(RemoveFromParentSchema, input);
  // Anything but a ticket id names no ticket.
  if (!UUID.test(childId)) throw notFound();
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const first = await requireVisible(tx, actor, childId, { parentId: true });
    if (!first.parentId) throw conflict("The ticket has no parent");
    await lockTickets(tx, [childId, first.parentId]);
    const child = await requireVisible(tx, actor, childId, { id: true, reference: true, parentId: true });
    if (child.parentId !== first.parentId) throw conflict("The ticket's parent changed meanwhile");
    const parent = await requireVisible(tx, actor, first.parentId, { id: true, reference: true });
    await tx.ticket.update({ where: { id: child.id }, data: { parentId: null } });
    await appendEvent(tx, { ticketId: child.id, type: "PARENT_SET", actorId: actor.userId, at: now, data: { parentTicketId: null, removedParentReference: parent.reference, role: "child" } });
    await appendEvent(tx, { ticketId: parent.id, type: "PARENT_SET", actorId: actor.userId, at: now, data: { removedChildReference: child.reference, role: "parent" } });
  }, TRANSACTION_OPTIONS);
}
