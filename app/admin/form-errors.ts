import "server-only";
/**
 * Maps a use case's AppError to a form state: errors by field (lib/sla's own words for hours,
 * zones and thresholds; catalogue words for the rest), one message on top. not_found is a 404.
 */
import { notFound } from "next/navigation";
import { AppError } from "@/lib/server/errors";
import type { MessageKey, Translate } from "@/lib/i18n";
import type { AdminFormState } from "./form-state";

/** Field → catalogue key for errors whose words are ours, not the library's. */
export type FieldMessages = Record<string, MessageKey>;

export function formFailure(error: unknown, t: Translate, values: Record<string, string>, ours: FieldMessages = {}): AdminFormState {
  if (!(error instanceof AppError)) throw error;
  if (error.code === "not_found") notFound();
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

export const formValues = (form: FormData, fields: string[]): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f, typeof form.get(f) === "string" ? String(form.get(f)) : ""]));
