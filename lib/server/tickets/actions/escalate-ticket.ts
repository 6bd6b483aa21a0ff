import "server-only";
import type { SupportLine } from "../../../generated/prisma/enums";
import { unprocessable } from "../../errors";
import { toJson } from "../../db/json";
import type { TicketActionInput } from "../schemas";
import { ACTIVE, addComment, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

const RANK: Record<SupportLine, number> = { L1: 1, L2: 2, L3: 3 };

/**
 * Escalation to a higher line carries the work done so far (000 §5.4): it is kept as an internal
 * note, the ticket joins the new line's queue unassigned, and the line's leads are notified.
 */
export async function escalateTicket(c: ActionContext, input: Extract<TicketActionInput, { type: "escalate" }>): Promise<void> {
  requireStaff(c, "escalate tickets");
  requireStatus(c, ACTIVE, "escalate");
  if (RANK[input.line] <= RANK[c.ticket.line]) {
    throw unprocessable(`Escalation goes to a higher line than the ticket's (${c.ticket.line})`, { line: [`must be above ${c.ticket.line}`] });
  }
  const commentId = await addComment(c, "INTERNAL", input.workDone);
  const eventId = await event(c, "ESCALATED", { from: c.ticket.line, to: input.line, workDone: input.workDone, commentId, visibility: "INTERNAL" });
  await setTicket(c, { line: input.line, assigneeId: null });
  await c.tx.escalation.create({
    data: { ticketId: c.ticket.id, kind: "LINE", dedupeKey: `line-${c.ticket.id}-${eventId}`, fromLine: c.ticket.line, toLine: input.line, status: "NOTIFIED", createdAt: c.now },
  });
  const leads = await c.tx.user.findMany({ where: { role: "AGENT", supportLine: input.line, isLineLead: true, deactivatedAt: null }, select: { id: true } });
  if (leads.length) {
    await c.tx.notification.createMany({
      data: leads.map((lead) => ({
        channel: "EMAIL" as const,
        template: "ticket-escalated",
        recipientUserId: lead.id,
        ticketId: c.ticket.id,
        dedupeKey: `escalated-${c.ticket.id}-${eventId}-${lead.id}`,
        payload: toJson({ reference: c.ticket.reference, from: c.ticket.line, to: input.line, priority: c.ticket.priority }),
      })),
    });
  }
}
