"use client";
/** The one button that records a credit claim; says so when it is recorded or refused. */
import { useActionState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { ActionForm } from "./action-form";
import { StatusMessage } from "./status-message";

export function ClaimCreditForm({
  action: serverAction,
  organizationId,
  month,
  text,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  organizationId: string;
  month: string;
  text: { submit: string; pending: string };
}) {
  const [state, action] = useActionState(serverAction, EMPTY_FORM);
  return (
    <div className="flex flex-col gap-2">
      {state.result && <StatusMessage message={state.result} />}
      <ActionForm state={state} action={action} hidden={{ organizationId, month }} submit={text.submit} pending={text.pending}>
        {null}
      </ActionForm>
    </div>
  );
}
