"use client";
/** A form's submit button that is disabled and says so while the form is being sent. */
import { useFormStatus } from "react-dom";
import { Button, type ButtonTone } from "./button";

export function SubmitButton({ label, pendingLabel, tone, name, value }: { label: string; pendingLabel: string; tone?: ButtonTone; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" tone={tone} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
