"use client";
/**
 * One form of the related-tickets panel (issue 19): fields described by the panel, posted to its
 * server action; the confirmation or the refusal shows above it. With `confirm`, the submit button
 * first opens a modal dialog that names what will happen (merging cannot be undone), and only its
 * confirm button sends the form.
 */
import { useActionState, useRef, useState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { Button, type ButtonTone } from "./button";
import { ErrorMessage } from "./error-message";
import { Select, type SelectOption } from "./select";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";
import { TextArea } from "./text-area";

export interface RelatedFormField {
  name: string;
  label: string;
  kind?: "text" | "datetime-local" | "textarea";
  options?: SelectOption[];
  required?: boolean;
}

export interface RelatedFormProps {
  formAction: (state: FormState, form: FormData) => Promise<FormState>;
  id: string;
  hidden: Record<string, string>;
  fields?: RelatedFormField[];
  submit: string;
  pending: string;
  tone?: ButtonTone;
  /** Ask first: `body` may name the typed reference as {value} (of the first field). */
  confirm?: { title: string; body: string; yes: string; cancel: string };
  inline?: boolean;
}

export function RelatedForm({ formAction, id, hidden, fields = [], submit, pending, tone, confirm, inline = false }: RelatedFormProps) {
  const [state, action] = useActionState(formAction, EMPTY_FORM);
  const [typed, setTyped] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const value = (name: string) => state.values[name] ?? "";
  return (
    <form ref={form} key={JSON.stringify(state.values)} action={action} className={inline ? "flex flex-wrap items-end gap-2" : "flex flex-col gap-3"} noValidate data-testid={id}>
      {state.message && (state.result === "ok" ? <StatusMessage message={state.message} /> : <ErrorMessage message={state.message} />)}
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {fields.map((f, i) => {
        const fieldId = `${id}-${f.name}`;
        const common = { id: fieldId, name: f.name, label: f.label, error: state.errors[f.name], required: f.required };
        if (f.options) return <Select key={f.name} {...common} options={f.options} defaultValue={value(f.name) || f.options[0]?.value} />;
        if (f.kind === "textarea") return <TextArea key={f.name} {...common} rows={2} defaultValue={value(f.name)} />;
        return <TextField key={f.name} {...common} type={f.kind ?? "text"} defaultValue={value(f.name)} onChange={i === 0 ? (e) => setTyped(e.currentTarget.value) : undefined} />;
      })}
      <div>
        {confirm ? (
          <Button tone={tone ?? "danger"} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
            {submit}
          </Button>
        ) : (
          <SubmitButton label={submit} pendingLabel={pending} tone={tone} />
        )}
      </div>
      {confirm && (
        <dialog ref={dialog} aria-label={confirm.title} className="m-auto max-w-md rounded-lg border border-slate-300 p-6 text-left shadow-xl backdrop:bg-slate-900/50">
          <div className="flex flex-col gap-4">
            <h2 className="text-xl font-semibold">{confirm.title}</h2>
            <p className="text-slate-700">{confirm.body.replace("{value}", typed.trim().toUpperCase())}</p>
            <div className="flex flex-wrap justify-end gap-3">
              <Button tone="secondary" onClick={() => dialog.current?.close()}>
                {confirm.cancel}
              </Button>
              <Button
                tone="danger"
                onClick={() => {
                  dialog.current?.close();
                  form.current?.requestSubmit();
                }}
              >
                {confirm.yes}
              </Button>
            </div>
          </div>
        </dialog>
      )}
    </form>
  );
}
