import "server-only";
import { conflict } from "../../errors";
import { event, requireStatus, setTicket, type ActionContext } from "./action-context";
import { noticeToRequester } from "../../notifications/customer-notices";
import { sendRcaReportIfSecurity } from "../../security/security-notices";

/** Closing is confirmed with the customer (000 §5.8); a security incident first needs its RCA (000 §5.9). */
export async function confirmSolution(c: ActionContext): Promise<void> {
  requireStatus(c, ["SOLVED"], "confirm the solution");
  requireRootCauseIfSecurity(c);
  await event(c, "CONFIRMED", {});
  await event(c, "CLOSED", { cause: "confirmed" });
  await setTicket(c, { status: "CLOSED", closedAt: c.now, confirmationDueAt: null });
  await noticeToRequester(c.tx, { ticketId: c.ticket.id, template: "ticket-closed", fields: { cause: "confirmed" }, actorId: c.actor.userId, now: c.now });
  await sendRcaReportIfSecurity(c.tx, { ticketId: c.ticket.id, now: c.now });
}

export function requireRootCauseIfSecurity(c: Pick<ActionContext, "ticket">): void {
  if (c.ticket.securityIncident && (!c.ticket.rootCause || !c.ticket.correctiveActions)) {
    throw conflict(`${c.ticket.reference} is a security incident: record the root-cause analysis and corrective actions before it is closed`);
  }
}
