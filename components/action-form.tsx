"use client";
/**
 * A form posted to a server action (lib/server/http/action.ts) through useActionState: the
 * refusal's message on top, the hidden fields that name what it is about, the fields, and the
 * submit button. Keyed by the values sent back, so a refused form remounts with them (React resets
 * a form after its action, and a select or checkbox would otherwise fall back to its default).
 */
import type { ReactNode } from "react";
import type { FormState } from "@/lib/forms/form-state";
import { ErrorMessage } from "./error-message";
import { SubmitButton } from "./submit-button";

export interface ActionFormProps {
  state: FormState;
  action: (form: FormData) => void;
  hidden?: Record<string, string>;
  submit: string;
  pending: string;
  /** More room between groups of fields. */
  spacious?: boolean;
  children: ReactNode;
}

export function ActionForm({ state, action, hidden = {}, submit, pending, spacious = false, children }: ActionFormProps) {
  return (
    <form key={JSON.stringify(state.values)} action={action} className={`flex flex-col ${spacious ? "gap-6" : "gap-4"}`} noValidate>
      {state.message && <ErrorMessage message={state.message} />}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <SubmitButton label={submit} pendingLabel={pending} />
      </div>
    </form>
  );
}
