"use client";
/** Rename a calendar and change its hours per weekday (split shifts with commas; empty = closed). */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitEditCalendar } from "../actions";

export interface EditCalendarText {
  name: string;
  weekly: string;
  weeklyHelp: string;
  submit: string;
  pending: string;
}

export function EditCalendarForm({ calendarId, initial, days, text }: { calendarId: string; initial: Record<string, string>; days: Array<{ key: string; label: string }>; text: EditCalendarText }) {
  const [state, action] = useActionState(submitEditCalendar, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : initial[field]) ?? "";
  return (
    <ActionForm state={state} action={action} hidden={{ calendarId }} submit={text.submit} pending={text.pending}>
      <TextField id="edit-calendar-name" name="name" label={text.name} error={state.errors.name} defaultValue={value("name")} required />
      <fieldset className="flex flex-col gap-3" aria-describedby="edit-weekly-help">
        <legend className="font-semibold">{text.weekly}</legend>
        <p id="edit-weekly-help" className="text-sm text-slate-700">
          {text.weeklyHelp}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {days.map((d) => (
            <TextField key={d.key} id={`edit-weekly-${d.key}`} name={`weekly.${d.key}`} label={d.label} error={state.errors[`weekly.${d.key}`]} defaultValue={value(`weekly.${d.key}`)} />
          ))}
        </div>
      </fieldset>
    </ActionForm>
  );
}
