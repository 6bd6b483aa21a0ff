import "server-only";
import { conflict } from "../../errors";
import type { TicketActionInput } from "../schemas";
import { addComment, event, requireStatus, setTicket, viaData, type ActionContext } from "./action-context";

/** The requester reopens a solved ticket within the confirmation window (000 §5.8). */
export async function reopenTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "reopen" }>): Promise<void> {
  requireStatus(c, ["SOLVED"], "reopen");
  if (c.ticket.confirmationDueAt && c.now >= c.ticket.confirmationDueAt) {
    throw conflict(`The confirmation window of ${c.ticket.reference} ended ${c.ticket.confirmationDueAt.toISOString()}: register a new ticket`);
  }
  const commentId = await addComment(c, "PUBLIC", input.reason);
  await event(c, "REOPENED", { commentId, body: input.reason, visibility: "PUBLIC", ...viaData(c) });
  await setTicket(c, { status: "OPEN", solvedAt: null, confirmationDueAt: null });
}
