"use client";
/**
 * One action on a ticket for an agent (reply, note, escalate, …): a titled form whose fields are
 * described by the page, posted to the workspace's server action. Keeps the typed text and shows
 * errors by field when the server refuses.
 */
import { useActionState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { ErrorMessage } from "./error-message";
import { Select, type SelectOption } from "./select";
import { TextField } from "./text-field";
import { SubmitButton } from "./submit-button";
import { TextArea } from "./text-area";
import type { ButtonTone } from "./button";
import { FilePicker, type FilePickerText } from "./file-picker";

export interface AgentField {
  name: string;
  label: string;
  help?: string;
  /** A select when options are given, else a text area. */
  options?: SelectOption[];
  rows?: number;
  /** A single-line input of this type instead of a text area (e.g. a date and time). */
  input?: "datetime-local";
  required?: boolean;
  shortcut?: string;
}

export interface AgentActionFormProps {
  /** The server action that applies it (app/arbeid/actions.ts). */
  formAction: (state: FormState, form: FormData) => Promise<FormState>;
  ticketId: string;
  type: string;
  title: string;
  help?: string;
  fields: AgentField[];
  submit: string;
  pending: string;
  tone?: ButtonTone;
  /** For forms without fields: the key that submits the form. */
  shortcut?: string;
  /** Files may go with the message (its first text area takes pasted screenshots). */
  files?: FilePickerText;
}

export function AgentActionForm({ formAction, ticketId, type, title, help, fields, submit, pending, tone, shortcut, files }: AgentActionFormProps) {
  const [state, action] = useActionState(formAction, EMPTY_FORM);
  const heading = `action-${type}-title`;
  return (
    <form action={action} aria-labelledby={heading} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4" noValidate data-shortcut={shortcut}>
      <h3 id={heading} className="text-lg font-semibold">
        {title}
      </h3>
      {help && <p className="text-sm text-slate-700">{help}</p>}
      {state.message && <ErrorMessage message={state.message} />}
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="type" value={type} />
      {fields.map((f) => {
        const id = `${type}-${f.name}`;
        const common = { id, name: f.name, label: f.label, help: f.help, error: state.errors[f.name], required: f.required, "data-shortcut": f.shortcut };
        return f.options ? (
          <Select key={f.name} {...common} options={f.options} defaultValue={state.values[f.name] ?? f.options[0]?.value} />
        ) : f.input ? (
          <TextField key={f.name} {...common} type={f.input} defaultValue={state.values[f.name]} />
        ) : (
          <TextArea key={f.name} {...common} rows={f.rows ?? 3} defaultValue={state.values[f.name]} />
        );
      })}
      {files && fields[0] && <FilePicker id={`${type}-files`} text={files} pasteTarget={`${type}-${fields[0].name}`} error={state.errors.files} />}
      <div>
        <SubmitButton label={submit} pendingLabel={pending} tone={tone} />
      </div>
    </form>
  );
}
