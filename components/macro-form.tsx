"use client";
/** A macro's form on /arbeid/makroer: name, text with placeholders, who may use it, and what it sets on send. */
import { useActionState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { ErrorMessage } from "./error-message";
import { Select, type SelectOption } from "./select";
import { SubmitButton } from "./submit-button";
import { TextArea } from "./text-area";
import { TextField } from "./text-field";

export interface MacroFormText {
  title: string;
  body: string;
  scope: string;
  status: string;
  priority: string;
  line: string;
  save: string;
  pending: string;
}

export interface MacroFormValues {
  id?: string;
  scope: string;
  title: string;
  body: string;
  status: string;
  priority: string;
  line: string;
}

export function MacroForm({
  formAction,
  initial,
  idPrefix,
  text,
  scopes,
  statuses,
  priorities,
  lines,
}: {
  formAction: (state: FormState, form: FormData) => Promise<FormState>;
  initial: MacroFormValues;
  idPrefix: string;
  text: MacroFormText;
  /** Shown only to provider admins (who may keep shared macros). */
  scopes: SelectOption[];
  statuses: SelectOption[];
  priorities: SelectOption[];
  lines: SelectOption[];
}) {
  const [state, action] = useActionState(formAction, EMPTY_FORM);
  const v = { ...initial, ...state.values };
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form key={JSON.stringify(state.values)} action={action} className="flex flex-col gap-3" noValidate>
      {state.message && <ErrorMessage message={state.message} />}
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <TextField id={id("title")} name="title" label={text.title} defaultValue={v.title} error={state.errors.title} required />
      <TextArea id={id("body")} name="body" label={text.body} rows={5} defaultValue={v.body} error={state.errors.body} required />
      {scopes.length > 1 ? <Select id={id("scope")} name="scope" label={text.scope} options={scopes} defaultValue={v.scope} /> : <input type="hidden" name="scope" value={v.scope} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <Select id={id("status")} name="status" label={text.status} options={statuses} defaultValue={v.status} />
        <Select id={id("priority")} name="priority" label={text.priority} options={priorities} defaultValue={v.priority} />
        <Select id={id("line")} name="line" label={text.line} options={lines} defaultValue={v.line} />
      </div>
      <div>
        <SubmitButton label={text.save} pendingLabel={text.pending} />
      </div>
    </form>
  );
}
