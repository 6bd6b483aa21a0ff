import "server-only";
import { conflict } from "../../errors";
import type { TicketActionInput } from "../schemas";
import { NOT_CLOSED, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

/**
 * Takes the ticket out of SLA measurement with a reason, e.g. a fault in the customer's own
 * identity environment (SCIM/AD sync) rather than the application (000 §6).
 */
export async function reclassifyTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "reclassify" }>): Promise<void> {
  requireStaff(c, "reclassify tickets");
  requireStatus(c, NOT_CLOSED, "reclassify");
  if (c.ticket.slaExclusionReason) throw conflict(`${c.ticket.reference} is already out of SLA measurement`);
  await event(c, "RECLASSIFIED", { reason: input.reason });
  await setTicket(c, { slaExclusionReason: input.reason });
}
