"use client";
/** Create an API token; the new token is shown once, in a box the admin can select and copy. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitNewToken } from "./actions";

export interface NewTokenText {
  name: string;
  nameHelp: string;
  submit: string;
  pending: string;
  shownOnce: string;
}

export function NewTokenForm({ userId, text }: { userId: string; text: NewTokenText }) {
  const [state, action] = useActionState(submitNewToken, EMPTY_FORM);
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
      <ActionForm state={state} action={action} hidden={{ userId }} submit={text.submit} pending={text.pending}>
        <TextField id="token-name" name="name" label={text.name} help={text.nameHelp} error={state.errors.name} defaultValue={state.values.name} maxLength={100} required />
      </ActionForm>
    </div>
  );
}
