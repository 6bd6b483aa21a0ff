"use client";
/** Create a calendar: key, name, zone, hours per weekday (split shifts allowed), Norwegian holidays. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitNewCalendar } from "../actions";

export interface NewCalendarText {
  key: string;
  keyHelp: string;
  name: string;
  timeZone: string;
  timeZoneHelp: string;
  weekly: string;
  weeklyHelp: string;
  holidays: string;
  submit: string;
  pending: string;
}

const DEFAULTS: Record<string, string> = {
  timeZone: "Europe/Oslo",
  "weekly.mon": "08:00–16:00",
  "weekly.tue": "08:00–16:00",
  "weekly.wed": "08:00–16:00",
  "weekly.thu": "08:00–16:00",
  "weekly.fri": "08:00–16:00",
};

export function NewCalendarForm({ days, text }: { days: Array<{ key: string; label: string }>; text: NewCalendarText }) {
  const [state, action] = useActionState(submitNewCalendar, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : DEFAULTS[field]) ?? "";
  return (
    <ActionForm state={state} action={action} submit={text.submit} pending={text.pending} spacious>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="calendar-name" name="name" label={text.name} error={state.errors.name} defaultValue={value("name")} required />
        <TextField id="calendar-key" name="key" label={text.key} help={text.keyHelp} error={state.errors.key} defaultValue={value("key")} autoCapitalize="none" required />
        <TextField id="calendar-zone" name="timeZone" label={text.timeZone} help={text.timeZoneHelp} error={state.errors.timeZone} defaultValue={value("timeZone")} autoCapitalize="none" required />
      </div>
      <fieldset className="flex flex-col gap-3" aria-describedby="weekly-help">
        <legend className="text-lg font-semibold">{text.weekly}</legend>
        <p id="weekly-help" className="text-sm text-slate-700">
          {text.weeklyHelp}
        </p>
        {state.errors.weekly && (
          <p className="text-sm font-medium text-red-800" role="alert">
            {state.errors.weekly}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          {days.map((d) => (
            <TextField key={d.key} id={`weekly-${d.key}`} name={`weekly.${d.key}`} label={d.label} error={state.errors[`weekly.${d.key}`]} defaultValue={value(`weekly.${d.key}`)} inputMode="text" />
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <input id="calendar-holidays" name="norwegianHolidays" type="checkbox" defaultChecked={sent ? state.values.norwegianHolidays === "on" : true} className="size-6 accent-blue-800" />
        <label htmlFor="calendar-holidays" className="font-medium">
          {text.holidays}
        </label>
      </div>
    </ActionForm>
  );
}
