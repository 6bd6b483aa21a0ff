import { isStaff } from "../../actor";
import type { TicketActionInput } from "../schemas";
import { ACTIVE, addComment, event, requireStatus, setTicket, startTroubleshootingOnce, type ActionContext } from "./action-context";

/**
 * A public reply. From staff it may also start troubleshooting (per the organisation's setting);
 * from the customer while the servicedesk waits for them, it resumes the paused clock.
 */
export async function replyToTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "reply" }>): Promise<void> {
  requireStatus(c, ACTIVE, "reply");
  const commentId = await addComment(c, "PUBLIC", input.body);
  await event(c, "PUBLIC_REPLY", { commentId, body: input.body, visibility: "PUBLIC" });
  if (isStaff(c.actor)) {
    if (c.ticket.organization.replyStartsTroubleshooting && (await startTroubleshootingOnce(c, "first_reply"))) {
      await setTicket(c, { status: c.ticket.status === "WAITING_FOR_CUSTOMER" ? "WAITING_FOR_CUSTOMER" : "IN_PROGRESS" });
    }
  } else if (c.ticket.status === "WAITING_FOR_CUSTOMER") {
    await event(c, "RESUMED", { cause: "customer_reply" });
    await setTicket(c, { status: "OPEN" });
  }
}
