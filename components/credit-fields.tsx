/**
 * An agreement version's credit scheme with its claim rule: the kind (none, Netpower per-breach,
 * tiered uptime, Sodvin's refund formula) and the parameters of each kind, as the new-agreement and
 * new-version forms give them. Fields "credit.kind", "credit.<parameter>" and "claimWithinDays".
 */
import { Select, type SelectOption } from "./select";
import { TextArea } from "./text-area";
import { TextField } from "./text-field";

export interface CreditFieldsText {
  legend: string;
  help: string;
  kind: string;
  claimWithinDays: string;
  claimWithinDaysHelp: string;
  perBreachPercent: string;
  capPercent: string;
  minWithinTargetPercent: string;
  minUptimePercent: string;
  tiers: string;
  tiersHelp: string;
  tiersCap: string;
  agreedUptime: string;
  servicePeriod: string;
}

export function CreditFields({
  idPrefix,
  kinds,
  servicePeriods,
  value,
  errors,
  text,
}: {
  idPrefix: string;
  kinds: SelectOption[];
  servicePeriods: SelectOption[];
  /** The field's value to show (the form's defaults, or what was sent). */
  value: (field: string) => string;
  errors: Record<string, string | undefined>;
  text: CreditFieldsText;
}) {
  const id = (field: string) => `${idPrefix}-${field.replace(/\./g, "-")}`;
  const field = (name: string, label: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField id={id(name)} name={name} label={label} error={errors[name]} defaultValue={value(name)} inputMode="decimal" {...extra} />
  );
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{text.legend}</legend>
      <p className="text-sm text-slate-700">{text.help}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select id={id("credit.kind")} name="credit.kind" label={text.kind} options={kinds} error={errors["credit.kind"]} defaultValue={value("credit.kind")} />
        {field("claimWithinDays", text.claimWithinDays, { help: text.claimWithinDaysHelp, inputMode: "numeric" })}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("credit.perBreachPercent", text.perBreachPercent)}
        {field("credit.capPercent", text.capPercent)}
        {field("credit.minWithinTargetPercent", text.minWithinTargetPercent)}
        {field("credit.minUptimePercent", text.minUptimePercent)}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextArea id={id("credit.tiers")} name="credit.tiers" label={text.tiers} help={text.tiersHelp} error={errors["credit.tiers"]} defaultValue={value("credit.tiers")} rows={4} />
        {field("credit.tiersCap", text.tiersCap)}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("credit.agreedUptimePercent", text.agreedUptime)}
        <Select id={id("credit.servicePeriod")} name="credit.servicePeriod" label={text.servicePeriod} options={servicePeriods} defaultValue={value("credit.servicePeriod")} />
      </div>
    </fieldset>
  );
}
