"use server";
/** "Forgotten password": always the same answer, whatever the address (lib/server/people/request-password-reset.ts). */
import { requestPasswordReset } from "@/lib/server/people";
import { requestContext } from "@/lib/server/http/request-context";
import { AppError } from "@/lib/server/errors";
import { getT } from "@/lib/i18n/server";
import type { FormState } from "@/lib/forms/form-state";

export async function submitForgotPassword(_previous: FormState, form: FormData): Promise<FormState> {
  const t = await getT();
  const email = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  try {
    await requestPasswordReset({ input: { email }, ctx: await requestContext() });
  } catch (error) {
    // Only a malformed address is refused; it says nothing about which accounts exist.
    if (error instanceof AppError && error.code === "bad_request") return { values: { email }, errors: { email: t("admin.form.invalidField") }, message: t("admin.form.hasErrors") };
    throw error;
  }
  return { values: {}, errors: {}, message: null, result: t("account.forgot.sent") };
}
