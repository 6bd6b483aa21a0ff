import "server-only";
/**
 * A parent "major incident" ticket's public reply and solution go to every linked child that is
 * still open (issue 19: one outage, thirty customers). Each child gets them through the ordinary
 * ticket action (applyTicketAction), in its own transaction: its own PUBLIC_REPLY or SOLVED event,
 * its own clock recompute (a reply or solution from the servicedesk starts troubleshooting as the
 * organisation's rule says), and its own notice to its requester in their language. The public files
 * of the parent's send go along: each child's reply or solution gets them as its own public
 * Attachment rows (attachments/copy.ts: the same stored bytes, nothing stored again), written in that
 * child's transaction; an internal note's files never go, nor does anything a customer sends. A child that
 * fails (e.g. no longer visible to the agent) does not undo the others: the parent's history gets
 * one CHILDREN_UPDATED event naming which children got it, which were skipped (already solved or
 * closed) and which failed, and why.
 */
import { ACTIVE } from "./actions/action-context";
import type { Actor } from "../actor";
import { AppError } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "./context";
import type { TicketActionInput } from "./schemas";
import { appendEvent } from "./events";
import { lockTicket } from "./clock";
import { keptFileSelect, type KeptFile } from "../attachments/copy";
import { attachmentOrder } from "../attachments/view";

/** The actions a parent passes on to its children. */
export type PropagatedAction = Extract<TicketActionInput, { type: "reply" | "resolve" }>;

/**
 * What of a parent's send goes on to its children: its public reply and its solution. A reply sent
 * with "waiting for the customer" goes on as a reply (the wait and its reason are the parent's).
 */
export function passedOnToChildren(action: TicketActionInput): PropagatedAction[] {
  if (action.type === "reply" || action.type === "resolve") return [action];
  if (action.type === "wait" && action.message) return [{ type: "reply", body: action.message }];
  return [];
}

export interface PropagationResult {
  done: string[];
  skipped: string[];
  failed: Array<{ reference: string; error: string }>;
}

export async function propagateToChildren({
  actor,
  input,
  ctx,
  apply,
}: {
  actor: Actor;
  /** filesEventId: the parent's event the send's files joined (null: the send had none). */
  input: { parentId: string; actions: PropagatedAction[]; filesEventId?: bigint | null };
  ctx: UseCaseContext;
  /** The ticket actions use case (applyTicketActions: one send, one transaction per child), passed in so the two modules do not import each other. */
  apply: (args: { actor: Actor; input: { ticketId: string; actions: PropagatedAction[] }; ctx: UseCaseContext; passedOnFiles: readonly KeptFile[] }) => Promise<unknown>;
}): Promise<PropagationResult | null> {
  const children = await ctx.prisma.ticket.findMany({ where: { parentId: input.parentId }, orderBy: { createdAt: "asc" }, select: { id: true, reference: true, status: true } });
  if (children.length === 0) return null;
  // Only what the parent's customer may see goes on: its files are public exactly when their event is (an internal note's are not).
  const files = input.filesEventId
    ? await ctx.prisma.attachment.findMany({ where: { ticketId: input.parentId, eventId: input.filesEventId, visibility: "PUBLIC" }, orderBy: attachmentOrder, select: keptFileSelect })
    : [];
  const result: PropagationResult = { done: [], skipped: [], failed: [] };
  for (const child of children) {
    if (!ACTIVE.includes(child.status)) {
      result.skipped.push(child.reference);
      continue;
    }
    try {
      await apply({ actor, input: { ticketId: child.id, actions: input.actions }, ctx, passedOnFiles: files });
      result.done.push(child.reference);
    } catch (error) {
      result.failed.push({ reference: child.reference, error: error instanceof AppError ? error.message : "unexpected error" });
      if (!(error instanceof AppError)) console.error(`Passing ${input.actions.map((a) => a.type).join(" + ")} on to child ${child.reference} failed`, error);
    }
  }
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    await lockTicket(tx, input.parentId);
    await appendEvent(tx, { ticketId: input.parentId, type: "CHILDREN_UPDATED", actorId: actor.userId, at: now, data: { action: input.actions.map((a) => a.type).join("+"), ...result } });
  }, TRANSACTION_OPTIONS);
  return result;
}
