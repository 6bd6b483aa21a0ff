"use client";
/** A customer admin creates an API token (name, scope); the new token is shown once, to select and copy. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { Select } from "@/components/select";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitNewOrganizationToken } from "./actions";

export interface NewOrganizationTokenText {
  name: string;
  nameHelp: string;
  scope: string;
  scopeHelp: string;
  read: string;
  readWrite: string;
  submit: string;
  pending: string;
  shownOnce: string;
}

export function NewOrganizationTokenForm({ text }: { text: NewOrganizationTokenText }) {
  const [state, action] = useActionState(submitNewOrganizationToken, EMPTY_FORM);
  return (
    <div className="flex flex-col gap-4">
      {state.result && (
        <div role="status" className="flex flex-col gap-2 rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          <p>{text.shownOnce}</p>
          <code data-testid="new-token" className="select-all break-all rounded bg-white p-2 font-mono text-sm text-slate-900">
            {state.result}
          </code>
        </div>
      )}
      <ActionForm state={state} action={action} submit={text.submit} pending={text.pending}>
        <TextField id="token-name" name="name" label={text.name} help={text.nameHelp} error={state.errors.name} defaultValue={state.values.name} maxLength={100} required />
        <Select
          id="token-scope"
          name="scope"
          label={text.scope}
          help={text.scopeHelp}
          defaultValue={state.values.scope || "READ"}
          options={[
            { value: "READ", label: text.read },
            { value: "READ_WRITE", label: text.readWrite },
          ]}
        />
      </ActionForm>
    </div>
  );
}
