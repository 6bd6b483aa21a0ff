import "server-only";
import { STAFF_ROLES } from "../../actor";
import { conflict, unprocessable } from "../../errors";
import { assignedKey } from "../../escalation/keys";
import { byEmail, notificationRows, writeNotifications } from "../../notifications/write-notifications";
import { mayWriteTicket } from "../scope";
import type { TicketActionInput } from "../schemas";
import { ACTIVE, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

/**
 * Assigns the ticket to a named staff member who may write it (their line or a line above, on-call
 * for a P1, any provider admin), or back to its line's queue (assigneeId null). "Ta saken" is the
 * same action with the actor's own id. The assignee (when not the actor) is told by e-mail.
 */
export async function assignTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "assign" }>): Promise<void> {
  requireStaff(c, "assign tickets");
  requireStatus(c, ACTIVE, "assign");
  const to = input.assigneeId;
  if (to === c.ticket.assigneeId) throw conflict(to === null ? `Ticket ${c.ticket.reference} is already in its line's queue` : `Ticket ${c.ticket.reference} is already assigned to them`);
  let toName: string | null = null;
  if (to !== null) {
    const assignee = await c.tx.user.findFirst({
      where: { id: to, role: { in: [...STAFF_ROLES] }, deactivatedAt: null, organization: { isProvider: true } },
      select: { id: true, name: true, role: true, supportLine: true },
    });
    // Judged as if unassigned: the assignee must be able to work the ticket on its line.
    if (!assignee || !mayWriteTicket({ userId: assignee.id, role: assignee.role, supportLine: assignee.supportLine }, { ...c.ticket, assigneeId: null })) {
      throw unprocessable(`Ticket ${c.ticket.reference} can only be assigned to staff of its line (${c.ticket.line}) or above`, { assigneeId: ["not a staff member who may work this ticket"] });
    }
    toName = assignee.name;
  }
  await setTicket(c, { assigneeId: to });
  const eventId = await event(c, "ASSIGNED", { from: c.ticket.assigneeId, to, toName, line: c.ticket.line });
  if (to !== null && to !== c.actor.userId) {
    const { title } = await c.tx.ticket.findUniqueOrThrow({ where: { id: c.ticket.id }, select: { title: true } });
    await writeNotifications(
      c.tx,
      notificationRows({
        template: "ticket-assigned",
        ticketId: c.ticket.id,
        payload: { reference: c.ticket.reference, title, priority: c.ticket.priority, ticketId: c.ticket.id, assignedBy: c.actor.name },
        to: [byEmail(to, assignedKey(c.ticket.id, eventId, to))],
      }),
    );
  }
}
