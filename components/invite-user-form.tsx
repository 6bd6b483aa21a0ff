"use client";
/** Invite a person by e-mail (name, address, role; a line for agents); says so when it is sent and empties itself. */
import { useActionState } from "react";
import { ActionForm } from "./action-form";
import { Select, type SelectOption } from "./select";
import { StatusMessage } from "./status-message";
import { TextField } from "./text-field";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface InviteUserText {
  name: string;
  email: string;
  role: string;
  line: string;
  submit: string;
  pending: string;
}

export function InviteUserForm({
  action: serverAction,
  organizationId,
  roles,
  lines = [],
  text,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  organizationId?: string;
  roles: SelectOption[];
  lines?: SelectOption[];
  text: InviteUserText;
}) {
  const [state, action] = useActionState(serverAction, EMPTY_FORM);
  return (
    <div className="flex flex-col gap-4">
      {state.result && <StatusMessage message={state.result} />}
      <ActionForm state={state} action={action} hidden={organizationId ? { organizationId } : {}} submit={text.submit} pending={text.pending}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="invite-name" name="name" label={text.name} error={state.errors.name} defaultValue={state.values.name} autoComplete="off" required />
          <TextField id="invite-email" name="email" type="email" label={text.email} error={state.errors.email} defaultValue={state.values.email} autoComplete="off" required />
          <Select id="invite-role" name="role" label={text.role} options={roles} error={state.errors.role} defaultValue={state.values.role ?? roles[0]?.value} />
          {lines.length > 0 && <Select id="invite-line" name="supportLine" label={text.line} options={lines} error={state.errors.supportLine} defaultValue={state.values.supportLine ?? ""} />}
        </div>
      </ActionForm>
    </div>
  );
}
