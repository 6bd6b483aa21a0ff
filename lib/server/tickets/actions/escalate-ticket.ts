import "server-only";
import type { SupportLine } from "../../../generated/prisma/enums";
import { unprocessable } from "../../errors";
import { lineMove, lineMoveEventData } from "../../escalation/fired-timer";
import { writeNotifications } from "../../notifications/write-notifications";
import type { TicketActionInput } from "../schemas";
import { ACTIVE, addComment, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

const RANK: Record<SupportLine, number> = { L1: 1, L2: 2, L3: 3 };

/**
 * Escalation to a higher line carries the work done so far (000 §5.4): it is kept as an internal
 * note, and the move is the one a breach makes (lib/server/escalation/fired-timer.ts): the ticket
 * joins the new line's queue unassigned, and the line's leads are notified.
 */
export async function escalateTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "escalate" }>): Promise<void> {
  requireStaff(c, "escalate tickets");
  requireStatus(c, ACTIVE, "escalate");
  if (RANK[input.line] <= RANK[c.ticket.line]) {
    throw unprocessable(`Escalation goes to a higher line than the ticket's (${c.ticket.line})`, { line: [`must be above ${c.ticket.line}`] });
  }
  const commentId = await addComment(c, "INTERNAL", input.workDone);
  const cause = { kind: "agent", workDone: input.workDone, commentId } as const;
  const eventId = await event(c, "ESCALATED", lineMoveEventData(c.ticket.line, input.line, cause));
  const leads = await c.tx.user.findMany({ where: { role: "AGENT", supportLine: input.line, isLineLead: true, deactivatedAt: null }, select: { id: true } });
  const move = lineMove({ ticket: c.ticket, to: input.line, cause, moveEventId: eventId, leadsOfNewLine: leads.map((lead) => lead.id) });
  await setTicket(c, move.ticket);
  await c.tx.escalation.create({ data: { ticketId: c.ticket.id, ...move.escalation, status: "NOTIFIED", createdAt: c.now } });
  await writeNotifications(c.tx, move.notifications);
}
