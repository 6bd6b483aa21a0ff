/** A labelled single-line input with help and error text. */
import type { InputHTMLAttributes } from "react";
import { CONTROL_CLASSES, FieldShell, controlBorder, describedBy, type FieldProps } from "./field-shell";

export function TextField({ id, label, help, error, ...input }: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <FieldShell id={id} label={label} help={help} error={error}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy({ id, label, help, error })} className={`${CONTROL_CLASSES} ${controlBorder(error)}`} {...input} />
    </FieldShell>
  );
}
