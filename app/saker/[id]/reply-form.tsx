"use client";
/** A public reply from the customer; the text stays if sending fails. */
import { useActionState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { SubmitButton } from "@/components/submit-button";
import { TextArea } from "@/components/text-area";
import { FilePicker, type FilePickerText } from "@/components/file-picker";
import { submitReply } from "../actions";
import { EMPTY_FORM } from "@/lib/forms/form-state";

export function ReplyForm({ ticketId, text }: { ticketId: string; text: { label: string; submit: string; pending: string; files: FilePickerText } }) {
  const [state, action] = useActionState(submitReply, EMPTY_FORM);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      {state.message && <ErrorMessage message={state.message} />}
      <input type="hidden" name="ticketId" value={ticketId} />
      <TextArea id="reply" name="body" label={text.label} error={state.errors.body} defaultValue={state.values.body} rows={4} required />
      <FilePicker id="reply-files" text={text.files} pasteTarget="reply" error={state.errors.files} />
      <div>
        <SubmitButton label={text.submit} pendingLabel={text.pending} />
      </div>
    </form>
  );
}
