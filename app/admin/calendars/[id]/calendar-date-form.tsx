"use client";
/** Close a date or give it special hours; the SLA engine's message shows next to the field it concerns. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitCalendarDate } from "../actions";

export interface CalendarDateText {
  date: string;
  hours: string;
  hoursHelp: string;
  note: string;
  noteHelp: string;
  submit: string;
  pending: string;
}

export function CalendarDateForm({ calendarId, text }: { calendarId: string; text: CalendarDateText }) {
  const [state, action] = useActionState(submitCalendarDate, EMPTY_FORM);
  return (
    <ActionForm state={state} action={action} hidden={{ calendarId }} submit={text.submit} pending={text.pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="date" name="date" type="date" label={text.date} error={state.errors.date} defaultValue={state.values.date} required />
        <TextField id="date-hours" name="hours" label={text.hours} help={text.hoursHelp} error={state.errors.hours} defaultValue={state.values.hours} />
        <TextField id="date-note" name="note" label={text.note} help={text.noteHelp} error={state.errors.note} defaultValue={state.values.note} maxLength={200} />
      </div>
    </ActionForm>
  );
}
