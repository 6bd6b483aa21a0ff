import "server-only";
/**
 * What a ticket action works with: the ticket, locked for the transaction, the actor, the time,
 * and the few helpers every action needs. Actions check who may do them and whether the ticket's
 * state allows it, then write; the caller recomputes the clock and commits.
 */
import type { Prisma } from "../../../generated/prisma/client";
import type { CommentVisibility, Channel, TicketEventType, TicketStatus } from "../../../generated/prisma/enums";
import { isStaff, type Actor } from "../../actor";
import { conflict, unprocessable } from "../../errors";
import { appendEvent } from "../events";
import { troubleshootingStartCause, type ResponseActivity, type TroubleshootingStartCause } from "../../../sla/response-start";

export const lockedTicketSelect = {
  id: true,
  reference: true,
  status: true,
  priority: true,
  line: true,
  organizationId: true,
  requesterId: true,
  assigneeId: true,
  securityIncident: true,
  rootCause: true,
  correctiveActions: true,
  confirmationDueAt: true,
  slaExclusionReason: true,
  organization: { select: { confirmationWindowHours: true, replyStartsTroubleshooting: true } },
} satisfies Prisma.TicketSelect;

export type LockedTicket = Prisma.TicketGetPayload<{ select: typeof lockedTicketSelect }>;

export interface ActionContext {
  tx: Prisma.TransactionClient;
  actor: Actor;
  ticket: LockedTicket;
  now: Date;
  /** Where a customer's message came from when not the portal: e-mail intake gives EMAIL and the InboundMail it came in (kept in the event's data). */
  via?: { channel: Channel; inboundMailId?: string };
}

export const event = (c: ActionContext, type: TicketEventType, data: Record<string, unknown> = {}) => appendEvent(c.tx, { ticketId: c.ticket.id, type, actorId: c.actor.userId, at: c.now, data });

export async function addComment(c: ActionContext, visibility: CommentVisibility, body: string, channel: Channel = c.via?.channel ?? "PORTAL"): Promise<string> {
  const comment = await c.tx.comment.create({
    data: { ticketId: c.ticket.id, authorId: c.actor.userId, visibility, body, channel, createdAt: c.now },
    select: { id: true },
  });
  return comment.id;
}

export const setTicket = (c: ActionContext, data: Prisma.TicketUncheckedUpdateInput) => c.tx.ticket.update({ where: { id: c.ticket.id }, data, select: { id: true } });

export function requireStaff(c: ActionContext, what: string): void {
  if (!isStaff(c.actor)) throw unprocessable(`Only servicedesk staff can ${what}`);
}

export function requireStatus(c: ActionContext, allowed: readonly TicketStatus[], what: string): void {
  if (!allowed.includes(c.ticket.status)) {
    throw conflict(`Cannot ${what}: ticket ${c.ticket.reference} is ${c.ticket.status.toLowerCase().replaceAll("_", " ")}`);
  }
}

/** Every state but solved and closed: the ticket is being worked on. */
export const ACTIVE: readonly TicketStatus[] = ["NEW", "OPEN", "IN_PROGRESS", "WAITING_FOR_CUSTOMER"];
export const NOT_CLOSED: readonly TicketStatus[] = [...ACTIVE, "SOLVED"];

/** Marks troubleshooting as started (000 §2: the response clock stops) unless it already has. */
async function startTroubleshootingOnce(c: ActionContext, cause: TroubleshootingStartCause): Promise<boolean> {
  const started = await c.tx.ticketEvent.count({ where: { ticketId: c.ticket.id, type: "TROUBLESHOOTING_STARTED" } });
  if (started > 0) return false;
  await event(c, "TROUBLESHOOTING_STARTED", { cause });
  return true;
}

/**
 * Starts troubleshooting when lib/sla's rule says the activity does (response-start.ts) and it has
 * not started yet; returns whether it started now.
 */
export async function startTroubleshootingIfItCounts(c: ActionContext, activity: ResponseActivity): Promise<boolean> {
  const cause = troubleshootingStartCause(activity, { publicReplyStartsTroubleshooting: c.ticket.organization.replyStartsTroubleshooting });
  return cause !== null && startTroubleshootingOnce(c, cause);
}

/** The event data of a message that came by e-mail: which InboundMail it was. */
export const viaData = (c: ActionContext): Record<string, unknown> => (c.via?.inboundMailId ? { inboundMailId: c.via.inboundMailId } : {});

/**
 * A public message in the conversation (a reply, or the message sent with "wait for the
 * customer"): the comment, its PUBLIC_REPLY event and, from staff, the first public reply's effect
 * on the response clock. Returns whether it started troubleshooting.
 */
export async function sendPublicMessage(c: ActionContext, body: string): Promise<boolean> {
  const commentId = await addComment(c, "PUBLIC", body);
  await event(c, "PUBLIC_REPLY", { commentId, body, visibility: "PUBLIC", ...viaData(c) });
  return startTroubleshootingIfItCounts(c, { kind: "public_message", byStaff: isStaff(c.actor) });
}
