import "server-only";
/**
 * Adds a ticket to a parent "major incident" ticket (issue 19): from then on the parent's public
 * replies and its solution go to the child too (propagate-to-children.ts). One level only: a
 * parent is not itself a child, and a child is not a parent. A child may be of another customer
 * (one outage, thirty customers); each child keeps its own requester, clock and notices.
 *
 * The one use case for "add to a parent", by ids, for the ticket page and for bulk actions:
 *   addToParent({ actor, input: { parentId, childId }, ctx }): Promise<{ parentId, childId }>
 * Adding a child that is already the parent's child is a no-op.
 */
import { z } from "zod";
import type { Actor } from "../actor";
import { conflict } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { appendEvent } from "./events";
import { lockTickets, requireStaffActor, requireVisible } from "./related-tickets-common";

export const AddToParentSchema = z.object({ parentId: z.string(), childId: z.string() });

const select = { id: true, reference: true, status: true, parentId: true, mergedIntoId: true } as const;

export async function addToParent({ actor, input, ctx }: { actor: Actor; input: z.input<typeof AddToParentSchema>; ctx: UseCaseContext }): Promise<{ parentId: string; childId: string }> {
  requireStaffActor(actor);
  const { parentId, childId } = parseInput(AddToParentSchema, input);
  const now = ctx.now();
  return ctx.prisma.$transaction(async (tx) => {
    await lockTickets(tx, [parentId, childId]);
    const parent = await requireVisible(tx, actor, parentId, select);
    const child = await requireVisible(tx, actor, childId, select);
    if (parent.id === child.id) throw conflict("A ticket cannot be its own parent");
    if (child.parentId === parent.id) return { parentId: parent.id, childId: child.id };
    if (parent.parentId) throw conflict(`${parent.reference} is itself a child ticket`);
    if (child.parentId) throw conflict(`${child.reference} already has a parent`);
    if ((await tx.ticket.count({ where: { parentId: child.id } })) > 0) throw conflict(`${child.reference} is a parent`);
    if (parent.status === "CLOSED" || parent.mergedIntoId) throw conflict(`${parent.reference} is closed`);
    if (child.status === "CLOSED" || child.mergedIntoId) throw conflict(`${child.reference} is closed`);
    await tx.ticket.update({ where: { id: child.id }, data: { parentId: parent.id } });
    await appendEvent(tx, { ticketId: child.id, type: "PARENT_SET", actorId: actor.userId, at: now, data: { parentTicketId: parent.id, parentReference: parent.reference, role: "child" } });
    await appendEvent(tx, { ticketId: parent.id, type: "PARENT_SET", actorId: actor.userId, at: now, data: { childTicketId: child.id, childReference: child.reference, role: "parent" } });
    return { parentId: parent.id, childId: child.id };
  }, TRANSACTION_OPTIONS);
}
