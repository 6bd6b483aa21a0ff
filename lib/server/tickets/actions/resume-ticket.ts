import "server-only";
import { event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

/** Resumes a ticket that waited for the customer: the clock goes on with the time that was left. */
export async function resumeTicket(c: ActionContext): Promise<void> {
  requireStaff(c, "resume a ticket");
  requireStatus(c, ["WAITING_FOR_CUSTOMER"], "resume");
  await event(c, "RESUMED", { cause: "staff" });
  const started = await c.tx.ticketEvent.count({ where: { ticketId: c.ticket.id, type: "TROUBLESHOOTING_STARTED" } });
  await setTicket(c, { status: started ? "IN_PROGRESS" : "OPEN" });
}
