"use client";
/**
 * A new agreement: name and provider, P1–P4 targets each with minutes and a calendar, warning
 * thresholds, escalation rules, the credit scheme with its claim rule, uptime coverage and
 * maintenance windows. Filled in from a preset by the page (?preset=), or blank.
 */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { CreditFields } from "@/components/credit-fields";
import { EscalationFields } from "@/components/escalation-fields";
import { Select, type SelectOption } from "@/components/select";
import { TextArea } from "@/components/text-area";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM } from "@/lib/forms/form-state";
import { submitNewAgreement } from "../actions";

export type NewAgreementText = Record<string, string>;

const id = (field: string) => `agreement-${field.replace(/\./g, "-")}`;

function Checkbox({ field, label, checked }: { field: string; label: string; checked: boolean }) {
  return (
    <label htmlFor={id(field)} className="flex items-center gap-2">
      <input id={id(field)} type="checkbox" name={field} defaultChecked={checked} className="h-4 w-4" />
      <span>{label}</span>
    </label>
  );
}

function Group({ legend, help, children }: { legend: string; help?: string; children: React.ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      {help && <p className="text-sm text-slate-700">{help}</p>}
      {children}
    </fieldset>
  );
}

export function NewAgreementForm({
  defaults,
  calendars,
  creditKinds,
  servicePeriods,
  recipients,
  legends,
  text,
}: {
  defaults: Record<string, string>;
  calendars: SelectOption[];
  creditKinds: SelectOption[];
  servicePeriods: SelectOption[];
  recipients: SelectOption[];
  /** Per priority, e.g. "P1 Critical". */
  legends: Record<string, string>;
  text: NewAgreementText;
}) {
  const [state, action] = useActionState(submitNewAgreement, EMPTY_FORM);
  const sent = Object.keys(state.values).length > 0;
  const value = (field: string) => (sent ? state.values[field] : defaults[field]) ?? "";
  const text_ = (field: string, label: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField id={id(field)} name={field} label={label} error={state.errors[field]} defaultValue={value(field)} {...extra} />
  );
  return (
    <ActionForm state={state} action={action} hidden={{ source: value("source") }} submit={text.submit!} pending={text.pending!} spacious>
      <div className="grid gap-4 sm:grid-cols-2">
        {text_("name", text.name!, { required: true, maxLength: 200 })}
        {text_("provider", text.provider!, { required: true, maxLength: 200 })}
      </div>
      <Group legend={text.targets!}>
        {Object.entries(legends).map(([priority, legend]) => {
          const minutes = `targets.${priority}.minutes`;
          const calendar = `targets.${priority}.calendarId`;
          return (
            <div key={priority} className="grid gap-4 sm:grid-cols-2" role="group" aria-label={legend}>
              {text_(minutes, `${legend}: ${text.minutes}`, { help: text.minutesHelp, inputMode: "numeric" })}
              <Select id={id(calendar)} name={calendar} label={`${legend}: ${text.calendar}`} options={calendars} error={state.errors[calendar]} defaultValue={value(calendar)} />
            </div>
          );
        })}
        <div className="grid gap-4 sm:grid-cols-2">
          {text_("warningPercents", text.warnings!, { help: text.warningsHelp })}
          {text_("minWithinTargetPercent", text.compliance!, { inputMode: "decimal" })}
        </div>
      </Group>
      <EscalationFields
        idPrefix="agreement"
        recipients={recipients}
        checked={(field) => value(field) === "on"}
        text={{ legend: text.escalation!, help: text.escalationHelp!, warning: text.warningNotify!, breach: text.breachNotify!, moveToNextLine: text.moveToNextLine! }}
      />
      <CreditFields
        idPrefix="agreement"
        kinds={creditKinds}
        servicePeriods={servicePeriods}
        value={value}
        errors={state.errors}
        text={{
          legend: text.credit!,
          help: text.creditHelp!,
          kind: text.creditKind!,
          claimWithinDays: text.claimWithinDays!,
          claimWithinDaysHelp: text.claimWithinDaysHelp!,
          perBreachPercent: text.perBreachPercent!,
          capPercent: text.capPercent!,
          minWithinTargetPercent: text.minWithinTargetPercent!,
          minUptimePercent: text.minUptimePercent!,
          tiers: text.tiers!,
          tiersHelp: text.tiersHelp!,
          tiersCap: text.tiersCap!,
          agreedUptime: text.agreedUptime!,
          servicePeriod: text.servicePeriod!,
        }}
      />
      <Group legend={text.uptime!}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            id={id("uptimeCalendarId")}
            name="uptimeCalendarId"
            label={text.uptimeCalendar!}
            options={[{ value: "", label: text.uptimeAllTime! }, ...calendars]}
            error={state.errors.uptimeCalendarId}
            defaultValue={value("uptimeCalendarId")}
          />
          <div className="flex items-end pb-2">
            <Checkbox field="maintenanceReducesTotal" label={text.maintenanceReducesTotal!} checked={value("maintenanceReducesTotal") === "on"} />
          </div>
        </div>
        <TextArea id={id("maintenance")} name="maintenance" label={text.maintenance!} help={text.maintenanceHelp} error={state.errors.maintenance} defaultValue={value("maintenance")} rows={3} />
      </Group>
    </ActionForm>
  );
}
