"use server";
/** Choose a password from a one-time link (lib/server/people/set-password-with-link.ts). */
import { redirect } from "next/navigation";
import { setPasswordWithLink } from "@/lib/server/people";
import { requestContext } from "@/lib/server/http/request-context";
import { AppError } from "@/lib/server/errors";
import { passwordProblemKey, type PasswordProblem } from "@/lib/server/auth/password-policy";
import { getT } from "@/lib/i18n/server";
import type { FormState } from "@/lib/forms/form-state";

export async function submitNewPassword(_previous: FormState, form: FormData): Promise<FormState> {
  const t = await getT();
  const field = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  const [token, password, repeat] = [field("token"), field("password"), field("repeat")];
  // Passwords are never sent back to the browser.
  if (password !== repeat) return { values: {}, errors: { repeat: t("account.password.mismatch") }, message: t("admin.form.hasErrors") };
  try {
    await setPasswordWithLink({ input: { token, password }, ctx: await requestContext() });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { values: {}, errors: {}, message: t("account.setPassword.invalid") };
    if (error instanceof AppError && error.code === "unprocessable") {
      const problem = (error.fields?.password?.[0] ?? "common") as PasswordProblem;
      return { values: {}, errors: { password: t(passwordProblemKey(problem)) }, message: t("admin.form.hasErrors") };
    }
    throw error;
  }
  redirect("/passord/ny?done=1");
}
