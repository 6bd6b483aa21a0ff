import "server-only";
/**
 * The one entry point of every server action: the form's fields as strings, the session and role
 * (lib/server/http/session.ts), zod input, and a use case's AppError turned into the one FormState
 * in the reader's language (lib/i18n's catalogue) or, for not_found, the 404 page. Anything
 * unexpected is thrown on to Next.js's error page; redirects pass through untouched.
 *
 *   export const submitX = formAction({ audience, fields, path, refusal, run });   // (state, form) => FormState
 *   export const doY = action({ audience, fields, input, invalid, path, run });     // (form) => void, ends in a redirect
 */
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "../actor";
import { AppError } from "../errors";
import { AttachmentRefused } from "../attachments/errors";
import type { MessageKey } from "../../i18n";
import type { FormState } from "../../forms/form-state";
import { found, notFoundPageFor, nextRequest, requireSession, type Audience, type RequestScope, type T } from "./session";

export type Values = Record<string, string>;

/** The named fields of a form, each as a string ("" when missing or a file). */
export const formValues = (form: FormData, fields: readonly string[]): Values => Object.fromEntries(fields.map((f) => [f, typeof form.get(f) === "string" ? String(form.get(f)) : ""]));

/** Field → catalogue key for errors whose words are ours, not the library's. */
export type FieldMessages = Record<string, MessageKey>;

/**
 * How a form shows a use case's refusal:
 * - `fields` (the admin forms): errors by field (lib/sla's own words for hours, zones and
 *   thresholds; catalogue words for `ours` and for malformed input), one message on top;
 * - `reason` (the agent's action form): the refusal's reason, and its errors by field;
 * - `plain` (the customer's forms): one message, the ticket changed meanwhile or something failed.
 */
export type Refusal = { kind: "fields"; ours?: (error: AppError) => Partial<FieldMessages> } | { kind: "reason" } | { kind: "plain" };

export function refusalState(error: unknown, t: T, values: Values, refusal: Refusal): FormState {
  notFoundPageFor(error);
  if (!(error instanceof AppError)) throw error;
  // A refused file (too large, a blocked type, …) says which and why, in the reader's language.
  if (error instanceof AttachmentRefused) return { values, errors: { files: t(error.key, error.vars) }, message: t(error.key, error.vars) };
  switch (refusal.kind) {
    case "fields": {
      const ours = refusal.ours?.(error) ?? {};
      const errors: Record<string, string> = {};
      let message = t("admin.form.hasErrors");
      for (const [field, messages] of Object.entries(error.fields ?? {})) {
        const key = ours[field];
        if (field === "_") message = messages[0] ?? message;
        else errors[field] = key ? t(key) : error.code === "bad_request" ? t("admin.form.invalidField") : (messages[0] ?? t("admin.form.invalidField"));
      }
      if (!error.fields) message = t("admin.form.unexpected");
      return { values, errors, message, result: null };
    }
    case "reason": {
      const errors = Object.fromEntries(Object.entries(error.fields ?? {}).flatMap(([field, messages]) => (messages[0] ? [[field, messages[0]]] : [])));
      return { values, errors, message: t("agent.error.refused", { reason: error.message }) };
    }
    case "plain":
      return { values, errors: {}, message: error.code === "conflict" ? t("common.error.conflict") : t("common.error.unexpected") };
  }
}

export interface FormCall {
  actor: Actor;
  t: T;
  values: Values;
  form: FormData;
}

export interface FormActionSpec {
  audience: Audience;
  /** The fields read from the form (handed back with a refusal, so nothing typed is lost). */
  fields: readonly string[];
  /** The page to come back to after signing in. */
  path: (values: Values) => string;
  refusal: Refusal;
  /** Calls the use case; returns a state, or redirects on success. What it throws is mapped by `refusal`. */
  run: (call: FormCall) => Promise<FormState>;
}

export async function runFormAction(spec: FormActionSpec, form: FormData, scope: RequestScope = nextRequest): Promise<FormState> {
  const values = formValues(form, spec.fields);
  const actor = await requireSession(spec.audience, spec.path(values), scope);
  const t = await scope.t();
  try {
    return await spec.run({ actor, t, values, form });
  } catch (error) {
    return refusalState(error, t, values, spec.refusal);
  }
}

/** A form's server action for useActionState: `(previous state, form) => next state`. */
export const formAction =
  (spec: FormActionSpec) =>
  (_previous: FormState, form: FormData): Promise<FormState> =>
    runFormAction(spec, form);

export interface ActionCall<I, A extends Actor | null> {
  actor: A;
  input: I;
  t: T;
}

interface ActionSpecBase<I> {
  fields: readonly string[];
  input: z.ZodType<I>;
  /** Where input that fails the schema goes: a page, or the 404 page. */
  invalid: string | "not-found";
  /** Calls the use case and ends in a redirect; a not_found it throws is the 404 page. */
  run: (call: ActionCall<I, Actor>) => Promise<void>;
}

export type ActionSpec<I> =
  | (ActionSpecBase<I> & { audience: Audience; path: string })
  /** No session: the caller is named by the input itself (an on-call page's link token). */
  | (Omit<ActionSpecBase<I>, "run"> & { audience: "anyone"; run: (call: ActionCall<I, null>) => Promise<void> });

export async function runAction<I>(spec: ActionSpec<I>, form: FormData, scope: RequestScope = nextRequest): Promise<void> {
  const actor = spec.audience === "anyone" ? null : await requireSession(spec.audience, spec.path, scope);
  const parsed = spec.input.safeParse(formValues(form, spec.fields));
  if (!parsed.success) {
    if (spec.invalid === "not-found") notFound();
    redirect(spec.invalid);
  }
  const t = await scope.t();
  if (spec.audience === "anyone") await found(spec.run({ actor: null, input: parsed.data, t }));
  else await found(spec.run({ actor: actor!, input: parsed.data, t }));
}

/** A button's server action: `(form) => void`, ending in a redirect. */
export const action =
  <I>(spec: ActionSpec<I>) =>
  (form: FormData): Promise<void> =>
    runAction(spec, form);
