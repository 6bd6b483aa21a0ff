import "server-only";
import type { ActionContext } from "./action-context";
import { event, requireStaff, requireStatus, setTicket } from "./action-context";
import { changePriorityWithin } from "./change-priority";
import type { TicketActionInput } from "../schemas";

/** Servicedesk accepts a new ticket, re-assesses its priority at once (000 §5.3) and may take it. */
export async function triageTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "triage" }>): Promise<void> {
  requireStaff(c, "triage tickets");
  requireStatus(c, ["NEW"], "triage");
  if (input.priority && input.priority !== c.ticket.priority) {
    await changePriorityWithin(c, input.priority, input.reason ?? "Re-assessed on triage", input.reason ?? null);
  }
  await setTicket(c, { status: "OPEN", ...(input.assignToMe ? { assigneeId: c.actor.userId } : {}) });
  await event(c, "TRIAGED", { priority: input.priority ?? c.ticket.priority, assigneeId: input.assignToMe ? c.actor.userId : c.ticket.assigneeId });
}
