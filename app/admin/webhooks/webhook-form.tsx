"use client";
/** A webhook endpoint's fields, for adding one (the generated secret shown once) or editing it. */
import { useActionState } from "react";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { SecretShownOnce } from "@/components/secret-shown-once";
import { Select, type SelectOption } from "@/components/select";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface WebhookFormText {
  name: string;
  url: string;
  urlHelp: string;
  owner: string;
  templates: string;
  templatesHelp: string;
  secret: string;
  secretHelp: string;
  active: string;
  submit: string;
  pending: string;
  created: string;
  secretOnce: string;
  open: string;
}

export interface WebhookFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  editing: boolean;
  owners: SelectOption[];
  templates: string[];
  text: WebhookFormText;
}

export function WebhookForm({ action: submit, initial, editing, owners, templates, text }: WebhookFormProps) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : initial[field]) ?? "";
  const chosen = new Set(value("templates").split(",").filter(Boolean));
  const created = !editing && state.result ? (JSON.parse(state.result) as { id: string; secret: string | null }) : null;
  return (
    <div className="flex flex-col gap-4">
      {created && (
        <SecretShownOnce secret={created.secret} lead={text.created} note={text.secretOnce} testId="webhook-secret">
          <Link href={`/admin/webhooks/${created.id}`} className="text-blue-800 underline underline-offset-2">
            {text.open}
          </Link>
        </SecretShownOnce>
      )}
      <ActionForm state={state} action={action} hidden={editing ? { webhookId: initial.webhookId ?? "" } : {}} submit={text.submit} pending={text.pending}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="webhook-name" name="name" label={text.name} error={state.errors.name} defaultValue={value("name")} maxLength={100} required />
          <TextField id="webhook-url" name="url" type="url" label={text.url} help={text.urlHelp} error={state.errors.url} defaultValue={value("url")} autoCapitalize="none" required />
          <Select id="webhook-owner" name="organizationId" label={text.owner} options={owners} error={state.errors.organizationId} defaultValue={value("organizationId")} />
          <TextField id="webhook-secret-input" name="secret" label={text.secret} help={text.secretHelp} error={state.errors.secret} autoComplete="off" />
        </div>
        <fieldset className="flex flex-col gap-2" aria-describedby="webhook-templates-help">
          <legend className="font-semibold">{text.templates}</legend>
          <p id="webhook-templates-help" className="text-sm text-slate-700">
            {text.templatesHelp}
          </p>
          <div className="grid gap-2 sm:grid-cols-3">
            {templates.map((name) => (
              <label key={name} className="flex items-center gap-2">
                <input type="checkbox" name="templates" value={name} defaultChecked={chosen.has(name)} className="size-5 accent-blue-800" />
                <span className="font-mono text-sm">{name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {editing && (
          <div className="flex items-center gap-3">
            <input id="webhook-active" name="active" type="checkbox" defaultChecked={sent ? state.values.active === "on" : initial.active === "on"} className="size-6 accent-blue-800" />
            <label htmlFor="webhook-active" className="font-medium">
              {text.active}
            </label>
          </div>
        )}
      </ActionForm>
    </div>
  );
}
