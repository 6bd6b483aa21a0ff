import "server-only";
import { conflict } from "../../errors";
import { ACTIVE, requireStaff, requireStatus, setTicket, startTroubleshootingIfItCounts, type ActionContext } from "./action-context";

/** The explicit "troubleshooting started": stops the response clock (000 §2, §6). */
export async function startTroubleshooting(c: ActionContext): Promise<void> {
  requireStaff(c, "start troubleshooting");
  requireStatus(c, ACTIVE, "start troubleshooting");
  if (!(await startTroubleshootingIfItCounts(c, { kind: "start_troubleshooting" }))) throw conflict(`Troubleshooting on ${c.ticket.reference} has already started`);
  await setTicket(c, { status: c.ticket.status === "WAITING_FOR_CUSTOMER" ? "WAITING_FOR_CUSTOMER" : "IN_PROGRESS", assigneeId: c.ticket.assigneeId ?? c.actor.userId });
}
