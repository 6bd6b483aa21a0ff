import "server-only";
/**
 * The agent's composer (issue 19): one send that may write a reply or an internal note, set the
 * status (wait for the customer, solved, or leave it open), change the priority and escalate —
 * all through the ticket actions, in one transaction (applyTicketActions), each event on a
 * recomputed clock. Before writing, it checks whether anyone else wrote on the ticket since the
 * agent's page showed `seenEventId`; if so, nothing is written and the writers are returned, so the
 * agent can read them first or send anyway (`force`).
 */
import { z } from "zod";
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { UUID } from "./scope";
import { parseInput, safeString } from "../validation";
import type { NewAttachments } from "../attachments/save";
import type { UseCaseContext } from "./context";
import { applyTicketActions } from "./apply-ticket-action";
import { othersWroteSince, type WrittenSince } from "./others-wrote-since";
import { PrioritySchema, type TicketActionRequest, type TicketView } from "./schemas";

const text = (max: number) => safeString().trim().max(max);

export const ComposerSendSchema = z.object({
  ticketId: z.string(),
  mode: z.enum(["reply", "note"]),
  body: text(20_000).min(1),
  status: z.enum(["keep", "WAITING_FOR_CUSTOMER", "SOLVED"]).default("keep"),
  /** Why the ticket waits (internal); required when status is WAITING_FOR_CUSTOMER. */
  waitReason: text(2_000).optional(),
  priority: PrioritySchema.optional(),
  priorityReason: text(2_000).optional(),
  line: z.enum(["L2", "L3"]).optional(),
  /** The work done, for an escalation; the text sent when absent. */
  workDone: text(20_000).optional(),
  /** The newest event the agent's page showed (its id); absent: no collision check. */
  seenEventId: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  force: z.boolean().default(false),
});
export type ComposerSend = z.input<typeof ComposerSendSchema>;

export type ComposerResult = { sent: true; ticket: TicketView } | { sent: false; writers: WrittenSince[] };

/** The ticket actions one send stands for, in the order they are applied. */
export function composerActions(send: z.infer<typeof ComposerSendSchema>, current: { priority: string }): TicketActionRequest[] {
  const actions: TicketActionRequest[] = [];
  if (send.priority && send.priority !== current.priority) {
    if (!send.priorityReason) throw unprocessable("A priority change needs a reason", { priorityReason: ["A priority change needs a reason"] });
    actions.push({ type: "priority", priority: send.priority, reason: send.priorityReason });
  }
  const waitReason = send.waitReason ?? "";
  if (send.status === "WAITING_FOR_CUSTOMER" && !waitReason) throw unprocessable("Waiting for the customer needs a reason", { waitReason: ["Waiting for the customer needs a reason"] });
  if (send.mode === "reply") {
    if (send.status === "WAITING_FOR_CUSTOMER") actions.push({ type: "wait", reason: waitReason, message: send.body });
    else if (send.status === "SOLVED") actions.push({ type: "resolve", solution: send.body });
    else actions.push({ type: "reply", body: send.body });
  } else {
    if (send.status === "SOLVED") throw unprocessable("A solution is sent to the customer: it cannot be an internal note", { status: ["A solution is sent to the customer"] });
    actions.push({ type: "note", body: send.body });
    if (send.status === "WAITING_FOR_CUSTOMER") actions.push({ type: "wait", reason: waitReason });
  }
  // Last: an escalation moves the ticket to another line's queue.
  if (send.line) actions.push({ type: "escalate", line: send.line, workDone: send.workDone || send.body });
  return actions;
}

export async function sendFromComposer({ actor, input, ctx, attachments }: { actor: Actor; input: ComposerSend; ctx: UseCaseContext; attachments?: NewAttachments }): Promise<ComposerResult> {
  const send = parseInput(ComposerSendSchema, input);
  if (!UUID.test(send.ticketId)) throw notFound();
  if (send.seenEventId && !send.force) {
    const writers = await othersWroteSince({ actor, input: { ticketId: send.ticketId, sinceEventId: send.seenEventId }, ctx });
    if (writers.length > 0) return { sent: false, writers };
  }
  const current = await ctx.prisma.ticket.findUnique({ where: { id: send.ticketId }, select: { priority: true } });
  const actions = composerActions(send, { priority: current?.priority ?? "" });
  const ticket = await applyTicketActions({ actor, input: { ticketId: send.ticketId, actions }, ctx, attachments });
  return { sent: true, ticket };
}
