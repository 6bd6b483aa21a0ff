"use client";
/**
 * A support mailbox's fields, for adding one or editing it (the password is never shown back; left
 * empty on edit, the stored one is kept), with "Test the connection", which tries the values as
 * they stand in the form without saving them and without clearing what was typed.
 */
import { startTransition, useActionState, useRef } from "react";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/button";
import { ErrorMessage } from "@/components/error-message";
import { Select, type SelectOption } from "@/components/select";
import { StatusMessage } from "@/components/status-message";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface MailboxFormText {
  name: string;
  nameHelp: string;
  address: string;
  addressHelp: string;
  host: string;
  hostHelp: string;
  port: string;
  portHelp: string;
  tls: string;
  username: string;
  password: string;
  passwordHelp: string;
  folder: string;
  folderHelp: string;
  organization: string;
  organizationHelp: string;
  active: string;
  submit: string;
  pending: string;
  test: string;
  testing: string;
  testHelp: string;
}

export interface MailboxFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  test: (state: FormState, form: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  editing: boolean;
  organizations: SelectOption[];
  text: MailboxFormText;
}

export function MailboxForm({ action: submit, test, initial, editing, organizations, text }: MailboxFormProps) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  const [tested, runTest, testing] = useActionState(test, EMPTY_FORM);
  const fields = useRef<HTMLDivElement>(null);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : initial[field]) ?? "";
  const checked = (field: string) => value(field) === "on";
  // Sent by hand, not as the form's action: a form action would reset the fields afterwards.
  const testNow = () => {
    const form = fields.current?.closest("form");
    if (form) startTransition(() => runTest(new FormData(form)));
  };
  const errors = { ...tested.errors, ...state.errors };
  return (
    <ActionForm state={state} action={action} hidden={editing ? { mailboxId: initial.mailboxId ?? "" } : {}} submit={text.submit} pending={text.pending}>
      <div ref={fields} className="grid gap-4 sm:grid-cols-2">
        <TextField id="mailbox-name" name="name" label={text.name} help={text.nameHelp} error={errors.name} defaultValue={value("name")} maxLength={100} required />
        <TextField
          id="mailbox-address"
          name="address"
          type="email"
          label={text.address}
          help={text.addressHelp}
          error={errors.address}
          defaultValue={value("address")}
          autoCapitalize="none"
          required
        />
        <TextField id="mailbox-host" name="host" label={text.host} help={text.hostHelp} error={errors.host} defaultValue={value("host")} autoCapitalize="none" spellCheck={false} required />
        <TextField id="mailbox-port" name="port" inputMode="numeric" label={text.port} help={text.portHelp} error={errors.port} defaultValue={value("port")} required />
        <TextField
          id="mailbox-username"
          name="username"
          label={text.username}
          error={errors.username}
          defaultValue={value("username")}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField id="mailbox-password" name="password" type="password" label={text.password} help={text.passwordHelp} error={errors.password} autoComplete="new-password" required={!editing} />
        <TextField id="mailbox-folder" name="folder" label={text.folder} help={text.folderHelp} error={errors.folder} defaultValue={value("folder")} />
        <Select
          id="mailbox-organization"
          name="defaultOrganizationId"
          label={text.organization}
          help={text.organizationHelp}
          options={organizations}
          error={errors.defaultOrganizationId}
          defaultValue={value("defaultOrganizationId")}
        />
      </div>
      <div className="flex items-center gap-3">
        <input id="mailbox-tls" name="tls" type="checkbox" defaultChecked={checked("tls")} className="size-6 accent-blue-800" />
        <label htmlFor="mailbox-tls" className="font-medium">
          {text.tls}
        </label>
      </div>
      {editing && (
        <div className="flex items-center gap-3">
          <input id="mailbox-active" name="active" type="checkbox" defaultChecked={checked("active")} className="size-6 accent-blue-800" />
          <label htmlFor="mailbox-active" className="font-medium">
            {text.active}
          </label>
        </div>
      )}
      <div className="flex flex-col gap-2 rounded-md border border-slate-300 bg-slate-50 p-4">
        <p className="text-sm text-slate-700">{text.testHelp}</p>
        <div data-testid="mailbox-test-result" aria-live="polite">
          {!testing && tested.result && <StatusMessage message={tested.result} />}
          {!testing && tested.message && <ErrorMessage message={tested.message} />}
        </div>
        <div>
          <Button tone="secondary" onClick={testNow} disabled={testing} aria-disabled={testing}>
            {testing ? text.testing : text.test}
          </Button>
        </div>
      </div>
    </ActionForm>
  );
}
