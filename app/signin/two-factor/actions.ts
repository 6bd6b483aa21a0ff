"use server";
/**
 * The sign-in's second step: a code (or a recovery code) for an enrolled person, or enrolment
 * first for someone who must have it. Only a live session waiting for this step gets here; on
 * success the server-side session is marked complete, and only then does it open anything.
 */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getSignInState } from "@/lib/server/auth/session";
import { completeSecondFactor, defaultSessionStore } from "@/lib/server/auth/sessions";
import { requestContext } from "@/lib/server/http/request-context";
import { AppError } from "@/lib/server/errors";
import { verifySecondFactor } from "@/lib/server/two-factor/verify-second-factor";
import { confirmTwoFactorEnrolment } from "@/lib/server/two-factor/confirm-enrolment";
import { getT } from "@/lib/i18n/server";
import type { FormState } from "@/lib/forms/form-state";
import { safeCallbackUrl } from "../safe-callback";

const codeOf = (form: FormData): string => String(form.get("code") ?? "").slice(0, 64);

export async function submitSecondStep(callbackUrl: string, _previous: FormState, form: FormData): Promise<FormState> {
  const state = await getSignInState();
  if (!state) redirect("/signin");
  const target = safeCallbackUrl(callbackUrl);
  if (state.secondFactor !== "verify") redirect(state.secondFactor ? `/signin/two-factor?callbackUrl=${encodeURIComponent(target)}` : target);
  const result = await verifySecondFactor({ userId: state.userId, code: codeOf(form), ctx: await requestContext() });
  if (!result.ok) {
    const t = await getT();
    return { values: {}, errors: { code: t(result.reason === "locked" ? "twofa.step.locked" : "twofa.step.wrong") }, message: null };
  }
  await completeSecondFactor(defaultSessionStore(), state.sid, state.userId);
  // The layout (header, menu) was rendered for nobody signed in: render it again for the actor.
  revalidatePath("/", "layout");
  redirect(target);
}

export async function submitSignInEnrolment(callbackUrl: string, _previous: FormState, form: FormData): Promise<FormState> {
  const state = await getSignInState();
  if (!state) redirect("/signin");
  if (state.secondFactor !== "enrol") redirect(safeCallbackUrl(callbackUrl));
  try {
    const { recoveryCodes } = await confirmTwoFactorEnrolment({ userId: state.userId, code: codeOf(form), ctx: await requestContext() });
    await completeSecondFactor(defaultSessionStore(), state.sid, state.userId);
    return { values: {}, errors: {}, message: null, result: recoveryCodes.join("\n") };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    const t = await getT();
    return { values: {}, errors: { code: t("twofa.step.wrong") }, message: null };
  }
}
