import type { TicketActionInput } from "../schemas";
import { addComment, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

/** The servicedesk waits for the customer: the response clock pauses with the reason (SLA-RULES §2). */
export async function waitForCustomer(c: ActionContext, input: Extract<TicketActionInput, { type: "wait" }>): Promise<void> {
  requireStaff(c, "set a ticket to wait for the customer");
  requireStatus(c, ["NEW", "OPEN", "IN_PROGRESS"], "wait for the customer");
  if (input.message) {
    const commentId = await addComment(c, "PUBLIC", input.message);
    await event(c, "PUBLIC_REPLY", { commentId, body: input.message, visibility: "PUBLIC" });
  }
  await event(c, "PAUSED", { reason: input.reason });
  await setTicket(c, { status: "WAITING_FOR_CUSTOMER" });
}
