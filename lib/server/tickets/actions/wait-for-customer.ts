import "server-only";
import type { TicketActionInput } from "../schemas";
import { event, requireStaff, requireStatus, sendPublicMessage, setTicket, type ActionContext } from "./action-context";

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
}
