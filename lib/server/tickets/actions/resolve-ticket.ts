import "server-only";
import type { TicketActionInput } from "../schemas";
import { ACTIVE, addComment, event, requireStaff, requireStatus, setTicket, startTroubleshootingIfItCounts, type ActionContext } from "./action-context";
import { noticeToRequester } from "../../notifications/customer-notices";

const HOUR_MS = 3_600_000;

/**
 * The servicedesk marks the ticket solved with the solution as a public reply. Solving it implies
 * troubleshooting started (if nobody marked it). The requester then confirms or reopens within
 * the organisation's confirmation window; silence closes it (000 §5.8).
 */
export async function resolveTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "resolve" }>): Promise<void> {
  requireStaff(c, "resolve tickets");
  requireStatus(c, ACTIVE, "resolve");
  await startTroubleshootingIfItCounts(c, { kind: "resolve" });
  const commentId = await addComment(c, "PUBLIC", input.solution);
  const confirmationDueAt = new Date(c.now.getTime() + c.ticket.organization.confirmationWindowHours * HOUR_MS);
  await event(c, "SOLVED", { commentId, body: input.solution, visibility: "PUBLIC", confirmationDueAt: confirmationDueAt.toISOString() });
  await setTicket(c, { status: "SOLVED", solvedAt: c.now, confirmationDueAt });
  await noticeToRequester(c.tx, {
    ticketId: c.ticket.id,
    template: "ticket-solved",
    fields: { solution: input.solution, confirmationDueAt: confirmationDueAt.toISOString() },
    actorId: c.actor.userId,
    now: c.now,
  });
}
