import "server-only";
import type { TicketActionInput } from "../schemas";
import { NOT_CLOSED, addComment, event, requireStaff, requireStatus, type ActionContext } from "./action-context";

/** A phone call logged afterwards, so all communication lives in the ticket (000 §5.6). */
export async function logPhoneCall(c: ActionContext, input: Extract<TicketActionInput, { type: "phone" }>): Promise<void> {
  requireStaff(c, "log phone calls");
  requireStatus(c, NOT_CLOSED, "log a phone call");
  const commentId = await addComment(c, input.visibility, input.body, "PHONE");
  await event(c, "PHONE_CALL_LOGGED", { commentId, body: input.body, visibility: input.visibility });
}
