"use client";
/** "Someone covers a period": a person, from and to (wall-clock time in the installation's TIME_ZONE), primary or backup. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { Select, type SelectOption } from "@/components/select";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface OverrideFormText {
  person: string;
  choose: string;
  from: string;
  to: string;
  position: string;
  positions: SelectOption[];
  submit: string;
  pending: string;
}

export function OverrideForm({ action: submit, people, fra, text }: { action: (state: FormState, form: FormData) => Promise<FormState>; people: SelectOption[]; fra: string; text: OverrideFormText }) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  const value = (field: string) => state.values[field] ?? "";
  return (
    <ActionForm state={state} action={action} hidden={{ fra }} submit={text.submit} pending={text.pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select id="override-person" name="userId" label={text.person} options={[{ value: "", label: text.choose }, ...people]} error={state.errors.userId} defaultValue={value("userId")} />
        <Select id="override-position" name="position" label={text.position} options={text.positions} defaultValue={value("position") || "0"} />
        <TextField id="override-from" name="startsAt" type="datetime-local" label={text.from} error={state.errors.startsAt} defaultValue={value("startsAt")} required />
        <TextField id="override-to" name="endsAt" type="datetime-local" label={text.to} error={state.errors.endsAt} defaultValue={value("endsAt")} required />
      </div>
    </ActionForm>
  );
}
