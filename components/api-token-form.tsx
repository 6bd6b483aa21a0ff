"use client";
/**
 * Creates an API token: a name and a scope (READ, the default, or READ_WRITE); the new token comes
 * back in the form state and is shown once. Used by the provider admin's /admin/users/[id]/tokens
 * (for that user) and the customer admin's /organisasjon/tokens (for themselves).
 */
import { useActionState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { ActionForm } from "./action-form";
import { SecretShownOnce } from "./secret-shown-once";
import { Select } from "./select";
import { TextField } from "./text-field";

export interface ApiTokenFormText {
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

export function ApiTokenForm({ action: submit, hidden, text }: { action: (state: FormState, form: FormData) => Promise<FormState>; hidden?: Record<string, string>; text: ApiTokenFormText }) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  return (
    <div className="flex flex-col gap-4">
      {state.result && <SecretShownOnce secret={state.result} lead={text.shownOnce} testId="new-token" />}
      <ActionForm state={state} action={action} hidden={hidden} submit={text.submit} pending={text.pending}>
        <TextField id="token-name" name="name" label={text.name} help={text.nameHelp} error={state.errors.name} defaultValue={state.values.name} maxLength={100} required />
        <Select
          id="token-scope"
          name="scope"
          label={text.scope}
          help={text.scopeHelp}
          error={state.errors.scope}
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
