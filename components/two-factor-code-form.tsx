"use client";
/**
 * A form that asks for a code from the authenticator app (the sign-in's second step, enrolment,
 * new recovery codes, turning 2FA off). When the server action hands back recovery codes
 * (`result`, one per line) they are shown once, with the way on.
 */
import { useActionState } from "react";
import { ActionForm } from "./action-form";
import { BUTTON_BASE, BUTTON_CLASSES } from "./button";
import { TextField } from "./text-field";
import { EMPTY_FORM, type FormState } from "@/lib/forms/form-state";

export interface TwoFactorCodeText {
  code: string;
  help?: string;
  submit: string;
  pending: string;
  codesTitle: string;
  codesIntro: string;
  continue: string;
}

export function TwoFactorCodeForm({
  action: serverAction,
  text,
  continueHref,
  id = "two-factor-code",
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  text: TwoFactorCodeText;
  continueHref: string;
  id?: string;
}) {
  const [state, action] = useActionState(serverAction, EMPTY_FORM);
  if (state.result) {
    return (
      <section aria-labelledby={`${id}-codes`} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id={`${id}-codes`} className="text-xl font-semibold">
          {text.codesTitle}
        </h2>
        <p>{text.codesIntro}</p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-lg">
          {state.result.split("\n").map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div>
          {/* A full page load, not a client navigation: the layout (the header's signed-in state) is rendered anew. */}
          <a href={continueHref} className={`${BUTTON_BASE} ${BUTTON_CLASSES.secondary}`}>
            {text.continue}
          </a>
        </div>
      </section>
    );
  }
  return (
    <ActionForm state={state} action={action} submit={text.submit} pending={text.pending}>
      <TextField id={id} name="code" label={text.code} help={text.help} error={state.errors.code} autoComplete="one-time-code" inputMode="text" required />
    </ActionForm>
  );
}
