import "server-only";
import { isStaff } from "../../actor";
import type { TicketActionInput } from "../schemas";
import { ACTIVE, event, requireStatus, sendPublicMessage, setTicket, type ActionContext } from "./action-context";
import { noticeToRequester } from "../../notifications/customer-notices";

/**
 * A public reply. From staff it may also start troubleshooting (lib/sla response-start.ts, per the
 * organisation's setting); from the customer while the servicedesk waits for them, it resumes the
 * paused clock.
 */
export async function replyToTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "reply" }>): Promise<void> {
  requireStatus(c, ACTIVE, "reply");
  const started = await sendPublicMessage(c, input.body);
  if (isStaff(c.actor)) {
    if (started) {
      await setTicket(c, { status: c.ticket.status === "WAITING_FOR_CUSTOMER" ? "WAITING_FOR_CUSTOMER" : "IN_PROGRESS" });
    }
    // The requester is told of the servicedesk's reply (issue 17); a customer's own reply tells nobody.
    await noticeToRequester(c.tx, { ticketId: c.ticket.id, template: "ticket-reply", fields: { body: input.body, author: c.actor.name }, actorId: c.actor.userId, now: c.now });
  } else if (c.ticket.status === "WAITING_FOR_CUSTOMER") {
    await event(c, "RESUMED", { cause: "customer_reply" });
    await setTicket(c, { status: "OPEN" });
  }
}
