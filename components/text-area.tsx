/** A labelled multi-line input with help and error text. */
import type { TextareaHTMLAttributes } from "react";
import { CONTROL_CLASSES, FieldShell, controlBorder, describedBy, type FieldProps } from "./field-shell";

export function TextArea({ id, label, help, error, rows = 5, ...input }: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <FieldShell id={id} label={label} help={help} error={error}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, help, error })}
        className={`${CONTROL_CLASSES} ${controlBorder(error)}`}
        {...input}
      />
    </FieldShell>
  );
}
