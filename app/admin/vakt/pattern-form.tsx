"use client";
/** A weekly pattern's fields: name, first Monday, hours, and week A, B, … with a primary and an optional backup each. */
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/action-form";
import { Select, type SelectOption } from "@/components/select";
import { TextField } from "@/components/text-field";
import { ErrorMessage } from "@/components/error-message";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";
import { MAX_WEEKS } from "./limits";

export interface PatternFormText {
  name: string;
  startsOn: string;
  startsOnHelp: string;
  hours: string;
  hoursOptions: SelectOption[];
  weekCount: string;
  weekLabels: string[];
  primary: string;
  backup: string;
  choose: string;
  noBackup: string;
  submit: string;
  pending: string;
}

export interface PatternFormProps {
  id: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  people: SelectOption[];
  text: PatternFormText;
}

export function PatternForm({ id, action: submit, initial, people, text }: PatternFormProps) {
  const [state, action] = useActionState(submit, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : initial[field]) ?? "";
  const [count, setCount] = useState(() => Math.max(1, Number.parseInt(value("weekCount"), 10) || 1));
  const hidden: Record<string, string> = initial.patternId ? { patternId: initial.patternId } : {};
  return (
    <ActionForm state={state} action={action} hidden={hidden} submit={text.submit} pending={text.pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${id}-name`} name="name" label={text.name} error={state.errors.name} defaultValue={value("name")} maxLength={100} required />
        <TextField id={`${id}-starts`} name="startsOn" type="date" label={text.startsOn} help={text.startsOnHelp} error={state.errors.startsOn} defaultValue={value("startsOn")} required />
        <Select id={`${id}-hours`} name="hours" label={text.hours} options={text.hoursOptions} defaultValue={value("hours") || "VAKTTELEFON"} />
        <Select
          id={`${id}-count`}
          name="weekCount"
          label={text.weekCount}
          options={Array.from({ length: MAX_WEEKS }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
          value={String(count)}
          onChange={(e) => setCount(Number.parseInt(e.target.value, 10) || 1)}
        />
      </div>
      {state.errors.weeks && <ErrorMessage message={state.errors.weeks} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {Array.from({ length: count }, (_, i) => (
          <fieldset key={i} className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
            <legend className="px-1 font-semibold">{text.weekLabels[i]}</legend>
            <Select
              id={`${id}-w${i}-primary`}
              name={`week${i}Primary`}
              label={text.primary}
              options={[{ value: "", label: text.choose }, ...people]}
              defaultValue={value(`week${i}Primary`)}
              aria-label={`${text.weekLabels[i]}: ${text.primary}`}
            />
            <Select
              id={`${id}-w${i}-backup`}
              name={`week${i}Backup`}
              label={text.backup}
              options={[{ value: "", label: text.noBackup }, ...people]}
              defaultValue={value(`week${i}Backup`)}
              aria-label={`${text.weekLabels[i]}: ${text.backup}`}
            />
          </fieldset>
        ))}
      </div>
    </ActionForm>
  );
}
