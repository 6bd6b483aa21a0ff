"use client";
/** The "Ny sak" form: keeps what the user typed when the server refuses it. */
import { useActionState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { PriorityChoice, type PriorityOption } from "@/components/priority-choice";
import { SubmitButton } from "@/components/submit-button";
import { TextArea } from "@/components/text-area";
import { TextField } from "@/components/text-field";
import { FilePicker, type FilePickerText } from "@/components/file-picker";
import { submitNewTicket } from "../actions";
import { EMPTY_FORM } from "@/lib/forms/form-state";

export interface NewTicketText {
  title: string;
  titleHelp: string;
  description: string;
  descriptionHelp: string;
  priority: string;
  priorityHelp: string;
  submit: string;
  pending: string;
  files: FilePickerText;
}

/** formToken: one per rendering of the form, so a double submit registers one ticket (registerTicketOnce). */
export function NewTicketForm({ text, priorities, formToken }: { text: NewTicketText; priorities: PriorityOption[]; formToken: string }) {
  const [state, action] = useActionState(submitNewTicket, EMPTY_FORM);
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="formToken" value={formToken} />
      {state.message && <ErrorMessage message={state.message} />}
      <TextField id="title" name="title" label={text.title} help={text.titleHelp} error={state.errors.title} defaultValue={state.values.title} maxLength={200} required />
      <TextArea id="description" name="description" label={text.description} help={text.descriptionHelp} error={state.errors.description} defaultValue={state.values.description} rows={6} required />
      <FilePicker id="files" text={text.files} pasteTarget="description" error={state.errors.files} />
      <PriorityChoice legend={text.priority} help={text.priorityHelp} options={priorities} value={state.values.priority} error={state.errors.priority} />
      <div>
        <SubmitButton label={text.submit} pendingLabel={text.pending} />
      </div>
    </form>
  );
}
