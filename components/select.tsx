/** A labelled select with help and error text; options are value/label pairs. */
import type { SelectHTMLAttributes } from "react";
import { CONTROL_CLASSES, FieldShell, controlBorder, describedBy, type FieldProps } from "./field-shell";

export interface SelectOption {
  value: string;
  label: string;
}

export function Select({ id, label, help, error, options, ...select }: FieldProps & { options: SelectOption[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <FieldShell id={id} label={label} help={help} error={error}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy({ id, label, help, error })} className={`${CONTROL_CLASSES} ${controlBorder(error)}`} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
