import type { Priority } from "../../../generated/prisma/enums";
import { unprocessable } from "../../errors";
import type { TicketActionInput } from "../schemas";
import { ACTIVE, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

/** The write shared by triage and a priority change: the clock is recomputed from registration. */
export async function changePriorityWithin(c: ActionContext, to: Priority, reason: string): Promise<void> {
  if (to === c.ticket.priority) throw unprocessable(`The ticket is already ${to}`, { priority: ["unchanged"] });
  await setTicket(c, { priority: to });
  await event(c, "PRIORITY_CHANGED", { from: c.ticket.priority, to, reason });
}

export async function changePriority(c: ActionContext, input: Extract<TicketActionInput, { type: "priority" }>): Promise<void> {
  requireStaff(c, "change the priority");
  requireStatus(c, ACTIVE, "change the priority");
  await changePriorityWithin(c, input.priority, input.reason);
}
