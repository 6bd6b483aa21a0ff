"use client";
/** The new password twice; the token from the link rides along as a hidden field. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitNewPassword } from "./actions";

export interface NewPasswordText {
  password: string;
  repeat: string;
  help: string;
  submit: string;
  pending: string;
}

export function NewPasswordForm({ token, email, text }: { token: string; email: string; text: NewPasswordText }) {
  const [state, action] = useActionState(submitNewPassword, EMPTY_FORM);
  return (
    <ActionForm state={state} action={action} hidden={{ token }} submit={text.submit} pending={text.pending}>
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        id="new-password"
        name="password"
        type="password"
        label={text.password}
        help={text.help}
        error={state.errors.password}
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        required
      />
      <TextField id="repeat-password" name="repeat" type="password" label={text.repeat} error={state.errors.repeat} autoComplete="new-password" required />
    </ActionForm>
  );
}
