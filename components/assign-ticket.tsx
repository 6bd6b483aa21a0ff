"use client";
/**
 * The ticket's assignee for staff who may write it (issue 19): take the ticket, assign it to a
 * colleague who may work it, or send it back to its line's queue. Staff who may only read it see
 * why instead ("Saken ligger hos 2. linje – du kan lese den").
 */
import { useActionState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { ErrorMessage } from "./error-message";
import { Select, type SelectOption } from "./select";
import { SubmitButton } from "./submit-button";

export interface AssignTicketText {
  title: string;
  current: string;
  take: string;
  to: string;
  choose: string;
  submit: string;
  unassign: string;
  pending: string;
  readOnly: string;
  readOnlyHelp: string;
}

export function AssignTicket({
  formAction,
  ticketId,
  writable,
  offerTake,
  assigned,
  colleagues,
  text,
}: {
  formAction: (state: FormState, form: FormData) => Promise<FormState>;
  ticketId: string;
  /** Whether the reader may change the ticket; else a read-only note. */
  writable: boolean;
  /** Whether to offer "Ta saken" (not when the reader has it, nor while the ticket is new: accepting it takes it). */
  offerTake: boolean;
  assigned: boolean;
  colleagues: SelectOption[];
  text: AssignTicketText;
}) {
  const [state, action] = useActionState(formAction, EMPTY_FORM);
  if (!writable) {
    return (
      <section role="note" data-testid="read-only" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950">
        <p className="font-semibold">{text.readOnly}</p>
        <p className="text-sm">{text.readOnlyHelp}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="assign-title" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4" data-testid="assign-ticket">
      <h3 id="assign-title" className="text-lg font-semibold">
        {text.title}
      </h3>
      <p className="text-sm" data-testid="assignee-now">
        {text.current}
      </p>
      {state.message && <ErrorMessage message={state.message} />}
      {offerTake && (
        <form action={action}>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="assigneeId" value="me" />
          <SubmitButton label={text.take} pendingLabel={text.pending} />
        </form>
      )}
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="ticketId" value={ticketId} />
        <Select id="assign-assigneeId" name="assigneeId" label={text.to} options={[{ value: "", label: text.choose }, ...colleagues]} defaultValue="" required />
        <div>
          <SubmitButton label={text.submit} pendingLabel={text.pending} tone="secondary" />
        </div>
      </form>
      {assigned && (
        <form action={action}>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="assigneeId" value="queue" />
          <SubmitButton label={text.unassign} pendingLabel={text.pending} tone="secondary" />
        </form>
      )}
    </section>
  );
}
