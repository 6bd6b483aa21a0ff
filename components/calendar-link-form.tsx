"use client";
/** Makes a new secret iCalendar link for the on-call shifts (oneself, or a chosen person for a provider admin) and shows it once. */
import { useActionState } from "react";
import { ActionForm } from "./action-form";
import { SecretShownOnce } from "./secret-shown-once";
import { Select, type SelectOption } from "./select";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface CalendarLinkFormText {
  submit: string;
  pending: string;
  shown: string;
  once: string;
  person?: string;
}

export function CalendarLinkForm({ action: submit, people, text }: { action: (state: FormState, form: FormData) => Promise<FormState>; people?: SelectOption[]; text: CalendarLinkFormText }) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  return (
    <div className="flex flex-col gap-3">
      {state.result && <SecretShownOnce secret={state.result} lead={text.shown} note={text.once} testId="calendar-link" />}
      <ActionForm state={state} action={action} submit={text.submit} pending={text.pending}>
        {people && <Select id="calendar-person" name="userId" label={text.person ?? ""} options={people} error={state.errors.userId} />}
      </ActionForm>
    </div>
  );
}
