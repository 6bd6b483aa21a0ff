import "server-only";
import type { Priority } from "../../../generated/prisma/enums";
import { unprocessable } from "../../errors";
import { mobiliseP1 } from "../../escalation/mobilise-p1";
import type { TicketActionInput } from "../schemas";
import { ACTIVE, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";
import { noticeToRequester } from "../../notifications/customer-notices";

/**
 * The write shared by triage and a priority change: the clock is recomputed from registration.
 * The requester is told, with `customerReason` (the agent's own reason; none for triage's default).
 */
export async function changePriorityWithin(c: ActionContext, to: Priority, reason: string, customerReason: string | null = reason): Promise<void> {
  if (to === c.ticket.priority) throw unprocessable(`The ticket is already ${to}`, { priority: ["unchanged"] });
  await setTicket(c, { priority: to });
  await event(c, "PRIORITY_CHANGED", { from: c.ticket.priority, to, reason });
  await noticeToRequester(c.tx, {
    ticketId: c.ticket.id,
    template: "ticket-priority-changed",
    fields: { from: c.ticket.priority, to, reason: customerReason?.trim() || null },
    actorId: c.actor.userId,
    now: c.now,
  });
  if (to === "P1") {
    const { title, createdAt } = await c.tx.ticket.findUniqueOrThrow({ where: { id: c.ticket.id }, select: { title: true, createdAt: true } });
    await mobiliseP1(c.tx, { id: c.ticket.id, reference: c.ticket.reference, title, createdAt, organizationId: c.ticket.organizationId }, c.actor.userId, c.now);
  }
}

export async function changePriority(c: ActionContext, input: Extract<TicketActionInput, { type: "priority" }>): Promise<void> {
  requireStaff(c, "change the priority");
  requireStatus(c, ACTIVE, "change the priority");
  await changePriorityWithin(c, input.priority, input.reason);
}
