"use client";
/** Edit a user's name, e-mail, role, line and phone; keeps what was typed when the server refuses it. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { Select, type SelectOption } from "@/components/select";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitEditUser } from "../actions";

export interface EditUserText {
  name: string;
  email: string;
  role: string;
  line: string;
  phone: string;
  phoneHelp: string;
  submit: string;
  pending: string;
}

export function EditUserForm({ initial, roles, lines, text }: { initial: Record<string, string>; roles: SelectOption[]; lines: SelectOption[]; text: EditUserText }) {
  const [state, action] = useActionState(submitEditUser, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : initial[field]) ?? "";
  return (
    <ActionForm state={state} action={action} hidden={{ userId: initial.userId ?? "" }} submit={text.submit} pending={text.pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="edit-user-name" name="name" label={text.name} error={state.errors.name} defaultValue={value("name")} autoComplete="off" required />
        <TextField id="edit-user-email" name="email" type="email" label={text.email} error={state.errors.email} defaultValue={value("email")} autoComplete="off" required />
        <Select id="edit-user-role" name="role" label={text.role} options={roles} error={state.errors.role} defaultValue={value("role")} />
        {lines.length > 0 && <Select id="edit-user-line" name="supportLine" label={text.line} options={lines} error={state.errors.supportLine} defaultValue={value("supportLine")} />}
        <TextField id="edit-user-phone" name="phone" type="tel" label={text.phone} help={text.phoneHelp} error={state.errors.phone} defaultValue={value("phone")} autoComplete="off" />
      </div>
    </ActionForm>
  );
}
