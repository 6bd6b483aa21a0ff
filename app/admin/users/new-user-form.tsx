"use client";
/** Create a user in the shown organisation; keeps what was typed when the server refuses it. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { Select, type SelectOption } from "@/components/select";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitNewUser } from "./actions";

export interface NewUserText {
  name: string;
  email: string;
  role: string;
  line: string;
  submit: string;
  pending: string;
}

export function NewUserForm({ organizationId, roles, lines, text }: { organizationId: string; roles: SelectOption[]; lines: SelectOption[]; text: NewUserText }) {
  const [state, action] = useActionState(submitNewUser, EMPTY_FORM);
  return (
    <ActionForm state={state} action={action} hidden={{ organizationId }} submit={text.submit} pending={text.pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="user-name" name="name" label={text.name} error={state.errors.name} defaultValue={state.values.name} autoComplete="off" required />
        <TextField id="user-email" name="email" type="email" label={text.email} error={state.errors.email} defaultValue={state.values.email} autoComplete="off" required />
        <Select id="user-role" name="role" label={text.role} options={roles} error={state.errors.role} defaultValue={state.values.role ?? roles[0]?.value} />
        {lines.length > 0 && <Select id="user-line" name="supportLine" label={text.line} options={lines} error={state.errors.supportLine} defaultValue={state.values.supportLine ?? ""} />}
      </div>
    </ActionForm>
  );
}
