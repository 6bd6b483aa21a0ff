import "server-only";
import type { TicketActionInput } from "../schemas";
import { event, requireStaff, requireStatus, sendPublicMessage, setTicket, type ActionContext } from "./action-context";
import { noticeToRequester } from "../../notifications/customer-notices";

/**
 * The servicedesk waits for the customer: the response clock pauses with the reason (SLA-RULES §2).
 * A message sent with it is a public reply like any other: where the first public reply starts
 * troubleshooting, it stops the response clock (met if in time), and the pause no longer matters.
 */
export async function waitForCustomer(c: ActionContext, input: Extract<TicketActionInput, { type: "wait" }>): Promise<void> {
  requireStaff(c, "set a ticket to wait for the customer");
  requireStatus(c, ["NEW", "OPEN", "IN_PROGRESS"], "wait for the customer");
  if (input.message) {
    await sendPublicMessage(c, input.message);
  }
  await event(c, "PAUSED", { reason: input.reason });
  await setTicket(c, { status: "WAITING_FOR_CUSTOMER" });
  // The customer gets the message sent with it, never the agents' reason for waiting.
  await noticeToRequester(c.tx, { ticketId: c.ticket.id, template: "ticket-waiting", fields: { question: input.message ?? null }, actorId: c.actor.userId, now: c.now });
}
