"use client";
/** A new agreement version: valid from (Oslo time), P1–P4 targets each with minutes and a calendar, thresholds, escalation rules, and the credit scheme with its claim rule. */
import { useActionState, useState, type FormEvent } from "react";
import { ActionForm } from "@/components/action-form";
import { CreditFields, type CreditFieldsText } from "@/components/credit-fields";
import { EscalationFields, type EscalationFieldsText } from "@/components/escalation-fields";
import { Select, type SelectOption } from "@/components/select";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import type { VersionTerms } from "@/lib/sla";
import { submitNewVersion } from "../../../actions";
import { termsOfForm, VersionDiff, type VersionDiffText } from "./version-diff";

export interface NewVersionText {
  label: string;
  labelHelp: string;
  validFrom: string;
  minutes: string;
  minutesHelp: string;
  calendar: string;
  warnings: string;
  warningsHelp: string;
  compliance: string;
  note: string;
  submit: string;
  pending: string;
  /** Legend per priority, e.g. "Response target for P1 Critical". */
  legends: Record<string, string>;
}

export function NewVersionForm({
  agreementId,
  defaults,
  calendars,
  current,
  diffText,
  recipients,
  escalationText,
  creditKinds,
  servicePeriods,
  creditText,
  text,
}: {
  agreementId: string;
  defaults: Record<string, string>;
  calendars: SelectOption[];
  /** The latest version's terms, to show what the new one changes. */
  current: VersionTerms;
  diffText: VersionDiffText;
  recipients: SelectOption[];
  escalationText: EscalationFieldsText;
  creditKinds: SelectOption[];
  servicePeriods: SelectOption[];
  creditText: CreditFieldsText;
  text: NewVersionText;
}) {
  const [state, action] = useActionState(submitNewVersion, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : defaults[field]) ?? "";
  const id = (field: string) => field.replace(/\./g, "-");
  const calendarNames = Object.fromEntries(calendars.map((c) => [c.value, c.label]));
  const [typed, setTyped] = useState<Record<string, string>>(sent ? state.values : defaults);
  const onChange = (event: FormEvent<HTMLDivElement>) => {
    const form = (event.target as HTMLElement).closest("form");
    if (form) setTyped(Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)])));
  };
  return (
    <div className="flex flex-col gap-6" onChange={onChange} onInput={onChange}>
      <VersionDiff current={current} proposed={termsOfForm(typed, calendarNames, recipients)} text={diffText} />
      <ActionForm state={state} action={action} hidden={{ agreementId }} submit={text.submit} pending={text.pending} spacious>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="version-label" name="label" label={text.label} help={text.labelHelp} error={state.errors.label} defaultValue={value("label")} required />
          <TextField id="version-validFrom" name="validFrom" type="datetime-local" label={text.validFrom} error={state.errors.validFrom} defaultValue={value("validFrom")} required />
        </div>
        {Object.entries(text.legends).map(([priority, legend]) => {
          const minutes = `targets.${priority}.minutes`;
          const calendar = `targets.${priority}.calendarId`;
          return (
            <fieldset key={priority} className="grid gap-4 rounded-lg border border-slate-300 p-4 sm:grid-cols-2">
              <legend className="px-1 font-semibold">{legend}</legend>
              <TextField id={id(minutes)} name={minutes} label={text.minutes} help={text.minutesHelp} error={state.errors[minutes]} defaultValue={value(minutes)} inputMode="numeric" />
              <Select id={id(calendar)} name={calendar} label={text.calendar} options={calendars} error={state.errors[calendar]} defaultValue={value(calendar)} />
            </fieldset>
          );
        })}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="version-warnings" name="warningPercents" label={text.warnings} help={text.warningsHelp} error={state.errors.warningPercents} defaultValue={value("warningPercents")} />
          <TextField
            id="version-compliance"
            name="minWithinTargetPercent"
            label={text.compliance}
            error={state.errors.minWithinTargetPercent}
            defaultValue={value("minWithinTargetPercent")}
            inputMode="decimal"
          />
        </div>
        <EscalationFields idPrefix="version" recipients={recipients} checked={(field) => value(field) === "on"} text={escalationText} />
        <CreditFields idPrefix="version" kinds={creditKinds} servicePeriods={servicePeriods} value={value} errors={state.errors} text={creditText} />
        <TextField id="version-note" name="note" label={text.note} error={state.errors.note} defaultValue={value("note")} maxLength={500} />
      </ActionForm>
    </div>
  );
}
