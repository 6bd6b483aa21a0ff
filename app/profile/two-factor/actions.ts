"use server";
/** The signed-in person's two-factor sign-in: turn it on (confirm the app's code), make new recovery codes, turn it off. */
import { redirect } from "next/navigation";
import { formAction, type Refusal } from "@/lib/server/http/action";
import { requestContext } from "@/lib/server/http/request-context";
import { confirmTwoFactorEnrolment } from "@/lib/server/two-factor/confirm-enrolment";
import { regenerateRecoveryCodes } from "@/lib/server/two-factor/regenerate-recovery-codes";
import { disableTwoFactor } from "@/lib/server/two-factor/disable-two-factor";

const PATH = "/profile/two-factor";
const refusal: Refusal = { kind: "fields", ours: () => ({ code: "twofa.step.wrong" }) };
const code = (values: Record<string, string>) => (values.code ?? "").slice(0, 64);

export const submitProfileEnrolment = formAction({
  audience: "signed-in",
  fields: ["code"],
  path: () => PATH,
  refusal,
  run: async ({ actor, values }) => {
    const { recoveryCodes } = await confirmTwoFactorEnrolment({ userId: actor.userId, code: code(values), ctx: await requestContext() });
    return { values: {}, errors: {}, message: null, result: recoveryCodes.join("\n") };
  },
});

export const submitRegenerateRecoveryCodes = formAction({
  audience: "signed-in",
  fields: ["code"],
  path: () => PATH,
  refusal,
  run: async ({ actor, values }) => {
    const { recoveryCodes } = await regenerateRecoveryCodes({ actor, code: code(values), ctx: await requestContext() });
    return { values: {}, errors: {}, message: null, result: recoveryCodes.join("\n") };
  },
});

export const submitDisableTwoFactor = formAction({
  audience: "signed-in",
  fields: ["code"],
  path: () => PATH,
  refusal,
  run: async ({ actor, values }) => {
    await disableTwoFactor({ actor, code: code(values), ctx: await requestContext() });
    redirect(`${PATH}?done=disabled`);
  },
});
