/** An agreement version's escalation rules as checkboxes: who is told at a warning and at a breach, and whether a breach moves line. */
import type { SelectOption } from "./select";

export interface EscalationFieldsText {
  legend: string;
  help: string;
  warning: string;
  breach: string;
  moveToNextLine: string;
}

function Checkbox({ id, name, label, checked }: { id: string; name: string; label: string; checked: boolean }) {
  return (
    <label htmlFor={id} className="flex items-center gap-2">
      <input id={id} type="checkbox" name={name} defaultChecked={checked} className="h-4 w-4" />
      <span>{label}</span>
    </label>
  );
}

/** Fields "escalation.warning.<recipient>", "escalation.breach.<recipient>" and "escalation.moveToNextLine" ("on" when checked). */
export function EscalationFields({ idPrefix, recipients, checked, text }: { idPrefix: string; recipients: SelectOption[]; checked: (field: string) => boolean; text: EscalationFieldsText }) {
  const id = (field: string) => `${idPrefix}-${field.replace(/\./g, "-")}`;
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{text.legend}</legend>
      <p className="text-sm text-slate-700">{text.help}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {(["warning", "breach"] as const).map((when) => (
          <fieldset key={when} className="flex flex-col gap-2">
            <legend className="font-medium">{text[when]}</legend>
            {recipients.map((r) => {
              const field = `escalation.${when}.${r.value}`;
              return <Checkbox key={r.value} id={id(field)} name={field} label={r.label} checked={checked(field)} />;
            })}
          </fieldset>
        ))}
      </div>
      <Checkbox id={id("escalation.moveToNextLine")} name="escalation.moveToNextLine" label={text.moveToNextLine} checked={checked("escalation.moveToNextLine")} />
    </fieldset>
  );
}
