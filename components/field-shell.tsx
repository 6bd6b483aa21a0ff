/** Label, help text and error text around one form control, wired with ids for screen readers. */
import type { ReactNode } from "react";

export interface FieldProps {
  id: string;
  label: string;
  help?: string;
  /** Shown under the control and announced; marks the control invalid. */
  error?: string;
}

export const describedBy = ({ id, help, error }: FieldProps): string | undefined => [help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

export const CONTROL_CLASSES =
  "w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-blue-600";
export const controlBorder = (error?: string) => (error ? "border-red-700" : "border-slate-500");

export function FieldShell({ id, label, help, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-slate-900">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
