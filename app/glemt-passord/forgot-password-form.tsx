"use client";
/** The address to send a reset link to; afterwards the same sentence whatever it was. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { StatusMessage } from "@/components/status-message";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitForgotPassword } from "./actions";

export function ForgotPasswordForm({ text }: { text: { email: string; submit: string; pending: string } }) {
  const [state, action] = useActionState(submitForgotPassword, EMPTY_FORM);
  if (state.result) return <StatusMessage message={state.result} />;
  return (
    <ActionForm state={state} action={action} submit={text.submit} pending={text.pending}>
      <TextField id="forgot-email" name="email" type="email" label={text.email} error={state.errors.email} defaultValue={state.values.email} autoComplete="email" required />
    </ActionForm>
  );
}
