"use client";
/** After a solution: accept it (closes the ticket) or reopen it with a reason. */
import { useActionState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { SubmitButton } from "@/components/submit-button";
import { TextArea } from "@/components/text-area";
import { submitAccept, submitReopen } from "../actions";
import { EMPTY_FORM } from "@/lib/forms/form-state";

export interface SolutionText {
  accept: string;
  reopenReason: string;
  reopen: string;
  pending: string;
}

export function SolutionForms({ ticketId, text }: { ticketId: string; text: SolutionText }) {
  const [accepted, accept] = useActionState(submitAccept, EMPTY_FORM);
  const [reopened, reopen] = useActionState(submitReopen, EMPTY_FORM);
  return (
    <div className="flex flex-col gap-6">
      <form action={accept} className="flex flex-col gap-2">
        {accepted.message && <ErrorMessage message={accepted.message} />}
        <input type="hidden" name="ticketId" value={ticketId} />
        <div>
          <SubmitButton label={text.accept} pendingLabel={text.pending} />
        </div>
      </form>
      <form action={reopen} className="flex flex-col gap-3" noValidate>
        {reopened.message && <ErrorMessage message={reopened.message} />}
        <input type="hidden" name="ticketId" value={ticketId} />
        <TextArea id="reopen-reason" name="reason" label={text.reopenReason} error={reopened.errors.reason} defaultValue={reopened.values.reason} rows={3} required />
        <div>
          <SubmitButton tone="secondary" label={text.reopen} pendingLabel={text.pending} />
        </div>
      </form>
    </div>
  );
}
