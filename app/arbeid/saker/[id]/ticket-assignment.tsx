/**
 * The ticket page's assignee box (issue 19): who has it, take it, assign it to a colleague who may
 * work it, or back to the line's queue; for staff who may only read the ticket, the read-only note.
 */
import type { Actor } from "@/lib/server/actor";
import type { Translate } from "@/lib/i18n";
import type { TicketView } from "@/lib/server/tickets/schemas";
import { defaultContext } from "@/lib/server/tickets";
import { listAssignees } from "@/lib/server/tickets/list-assignees";
import { mayWriteTicket } from "@/lib/server/tickets/scope";
import { ACTIVE } from "@/lib/server/tickets/actions/action-context";
import { AssignTicket } from "@/components/assign-ticket";
import { submitAssign } from "../../workspace-actions";

export async function TicketAssignment({ ticket, actor, t }: { ticket: TicketView; actor: Actor; t: Translate }) {
  const writable = mayWriteTicket(actor, ticket);
  const line = t(`agent.queue.line.${ticket.line}`);
  if (writable && !ACTIVE.includes(ticket.status)) return null;
  const staff = writable ? await listAssignees({ actor, input: { ticket }, ctx: defaultContext() }) : [];
  const current = staff.find((s) => s.id === ticket.assigneeId);
  const who =
    ticket.assigneeId === null ? t("assignment.assign.nobody", { line }) : ticket.assigneeId === actor.userId ? t("agent.ticket.assignedToYou") : (current?.name ?? t("agent.ticket.assignedToOther"));
  return (
    <AssignTicket
      formAction={submitAssign}
      ticketId={ticket.id}
      writable={writable}
      offerTake={ticket.assigneeId !== actor.userId && ticket.status !== "NEW"}
      assigned={ticket.assigneeId !== null}
      colleagues={staff.filter((s) => s.id !== ticket.assigneeId).map((s) => ({ value: s.id, label: s.supportLine ? `${s.name} (${t(`agent.queue.line.${s.supportLine}`)})` : s.name }))}
      text={{
        title: t("assignment.assign.title"),
        current: ticket.assigneeId === null ? who : t("assignment.assign.current", { name: who }),
        take: t("assignment.assign.take"),
        to: t("assignment.assign.to"),
        choose: t("assignment.assign.choose"),
        submit: t("assignment.assign.submit"),
        unassign: t("assignment.assign.unassign"),
        pending: t("assignment.assign.pending"),
        readOnly: t("assignment.readOnly", { line }),
        readOnlyHelp: t("assignment.readOnlyHelp", { line }),
      }}
    />
  );
}
