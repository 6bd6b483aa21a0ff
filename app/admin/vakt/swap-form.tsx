"use client";
/** "Swap two shifts": two of the shifts shown, by their time and person. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { Select, type SelectOption } from "@/components/select";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface SwapFormText {
  first: string;
  second: string;
  choose: string;
  submit: string;
  pending: string;
}

export function SwapForm({ action: submit, shifts, fra, text }: { action: (state: FormState, form: FormData) => Promise<FormState>; shifts: SelectOption[]; fra: string; text: SwapFormText }) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  const options = [{ value: "", label: text.choose }, ...shifts];
  return (
    <ActionForm state={state} action={action} hidden={{ fra }} submit={text.submit} pending={text.pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select id="swap-first" name="shiftId" label={text.first} options={options} error={state.errors.shiftId} defaultValue={state.values.shiftId ?? ""} />
        <Select id="swap-second" name="otherShiftId" label={text.second} options={options} error={state.errors.otherShiftId} defaultValue={state.values.otherShiftId ?? ""} />
      </div>
    </ActionForm>
  );
}
