"use client";
/**
 * Registering a call on a customer's behalf (issue 19): the organisation, then one of its users or
 * a new contact (name, e-mail, phone, and whether to send them the portal invitation: on unless
 * unticked), what the call is about, its priority, and how many minutes
 * ago the call started (with a reason when not now).
 */
import { useActionState, useState } from "react";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { ErrorMessage } from "./error-message";
import { Select, type SelectOption } from "./select";
import { SubmitButton } from "./submit-button";
import { TextArea } from "./text-area";
import { TextField } from "./text-field";

export interface RegisterCallText {
  organization: string;
  chooseOrganization: string;
  requester: string;
  chooseRequester: string;
  newContact: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contactInvite: string;
  title: string;
  description: string;
  priority: string;
  channel: string;
  minutesAgo: string;
  minutesAgoHelp: string;
  reason: string;
  submit: string;
  pending: string;
}

export function RegisterCallForm({
  formAction,
  organizations,
  priorities,
  maxMinutes,
  text,
}: {
  formAction: (state: FormState, form: FormData) => Promise<FormState>;
  organizations: Array<{ id: string; name: string; users: Array<{ id: string; name: string; email: string }> }>;
  priorities: SelectOption[];
  maxMinutes: number;
  text: RegisterCallText;
}) {
  const [state, action] = useActionState(formAction, EMPTY_FORM);
  const [organizationId, setOrganizationId] = useState(state.values.organizationId ?? "");
  const [requesterId, setRequesterId] = useState(state.values.requesterId ?? "");
  const [minutes, setMinutes] = useState(state.values.minutesAgo ?? "0");
  const users = organizations.find((o) => o.id === organizationId)?.users ?? [];
  const e = state.errors;
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5" noValidate key={JSON.stringify(state.values)}>
      {state.message && <ErrorMessage message={state.message} />}
      <Select
        id="call-organizationId"
        name="organizationId"
        label={text.organization}
        error={e.organizationId}
        options={[{ value: "", label: text.chooseOrganization }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
        value={organizationId}
        onChange={(ev) => {
          setOrganizationId(ev.currentTarget.value);
          setRequesterId("");
        }}
        required
      />
      <Select
        id="call-requesterId"
        name="requesterId"
        label={text.requester}
        error={e.requesterId}
        options={[{ value: "", label: text.chooseRequester }, ...users.map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` })), { value: "new", label: text.newContact }]}
        value={requesterId}
        onChange={(ev) => setRequesterId(ev.currentTarget.value)}
        required
      />
      {requesterId === "new" && (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-medium">{text.newContact}</legend>
          <TextField id="call-contactName" name="contactName" label={text.contactName} error={e.name} defaultValue={state.values.contactName} required />
          <TextField id="call-contactEmail" name="contactEmail" type="email" label={text.contactEmail} error={e.email} defaultValue={state.values.contactEmail} required />
          <TextField id="call-contactPhone" name="contactPhone" type="tel" label={text.contactPhone} error={e.phone} defaultValue={state.values.contactPhone} />
          <label className="flex items-start gap-2">
            {/* Ticked at first; after a refused send, as the agent left it. */}
            <input type="checkbox" name="contactInvite" value="on" defaultChecked={state.values.contactName === undefined || state.values.contactInvite === "on"} className="mt-1 h-4 w-4" />
            <span>{text.contactInvite}</span>
          </label>
        </fieldset>
      )}
      <p className="text-sm text-slate-700">{text.channel}</p>
      <TextField id="call-title" name="title" label={text.title} error={e.title} defaultValue={state.values.title} required />
      <TextArea id="call-description" name="description" label={text.description} error={e.description} rows={5} defaultValue={state.values.description} required />
      <Select id="call-priority" name="priority" label={text.priority} error={e.priority} options={priorities} defaultValue={state.values.priority ?? "P3"} />
      <TextField
        id="call-minutesAgo"
        name="minutesAgo"
        type="number"
        min={0}
        max={maxMinutes}
        step={1}
        label={text.minutesAgo}
        help={text.minutesAgoHelp}
        error={e.minutesAgo ?? e.calledAt}
        value={minutes}
        onChange={(ev) => setMinutes(ev.currentTarget.value)}
      />
      {minutes !== "" && minutes !== "0" && <TextArea id="call-reason" name="reason" label={text.reason} error={e.reason ?? e.calledAtReason} rows={2} defaultValue={state.values.reason} required />}
      <div>
        <SubmitButton label={text.submit} pendingLabel={text.pending} />
      </div>
    </form>
  );
}
