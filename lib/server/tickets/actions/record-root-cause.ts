import "server-only";
import { unprocessable } from "../../errors";
import type { TicketActionInput } from "../schemas";
import { NOT_CLOSED, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

/** Root-cause analysis and corrective actions of a security incident (000 §5.9). */
export async function recordRootCause(c: ActionContext, input: Extract<TicketActionInput, { type: "rca" }>): Promise<void> {
  requireStaff(c, "record a root-cause analysis");
  requireStatus(c, NOT_CLOSED, "record a root-cause analysis");
  if (!c.ticket.securityIncident) throw unprocessable("A root-cause analysis is recorded for security incidents: flag the ticket first");
  await event(c, "RCA_RECORDED", { rootCause: input.rootCause, correctiveActions: input.correctiveActions });
  await setTicket(c, { rootCause: input.rootCause, correctiveActions: input.correctiveActions });
}
