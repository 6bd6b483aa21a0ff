import "server-only";
import type { TicketActionInput } from "../schemas";
import { NOT_CLOSED, addComment, event, requireStaff, requireStatus, type ActionContext } from "./action-context";

/** An internal note: staff only, never shown to the customer (000 §5.6). */
export async function addInternalNote(c: ActionContext, input: Extract<TicketActionInput, { type: "note" }>): Promise<void> {
  requireStaff(c, "write internal notes");
  requireStatus(c, NOT_CLOSED, "add a note");
  const commentId = await addComment(c, "INTERNAL", input.body);
  await event(c, "INTERNAL_NOTE", { commentId, body: input.body, visibility: "INTERNAL" });
}
