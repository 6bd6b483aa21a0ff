"use server";
/** A customer admin's users: invite a colleague, deactivate one (after confirming). */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deactivateUser } from "@/lib/server/admin/deactivate-user";
import { AppError } from "@/lib/server/errors";
import { requestContext } from "@/lib/server/http/request-context";
import { action, formAction } from "@/lib/server/http/action";
import { INVITE_FIELDS, inviteRefusal, runInvite } from "@/lib/server/people/invite-form";
import { SetOrganizationTwoFactorSchema, setOrganizationTwoFactor } from "@/lib/server/two-factor/set-organization-requirement";

const PATH = "/organisasjon/brukere";

export const submitInviteColleague = formAction({
  audience: "customer",
  fields: INVITE_FIELDS,
  path: () => PATH,
  refusal: inviteRefusal,
  run: (call) => runInvite(call, PATH),
});

export const submitDeactivateColleague = action({
  audience: "customer",
  path: PATH,
  fields: ["userId"],
  input: z.object({ userId: z.uuid() }),
  invalid: PATH,
  run: async ({ actor, input }) => {
    try {
      await deactivateUser({ actor, input: { userId: input.userId }, ctx: await requestContext() });
    } catch (error) {
      if (error instanceof AppError && error.code === "unprocessable") redirect(`${PATH}?done=self`);
      throw error;
    }
    revalidatePath(PATH);
    redirect(`${PATH}?done=deactivated`);
  },
});

/** Requires two-factor sign-in for every user of the admin's organisation, or stops requiring it. */
export const submitOrganizationTwoFactor = action({
  audience: "customer",
  path: PATH,
  fields: ["requireTwoFactor"],
  input: SetOrganizationTwoFactorSchema,
  invalid: PATH,
  run: async ({ actor, input }) => {
    await setOrganizationTwoFactor({ actor, input, ctx: await requestContext() });
    revalidatePath(PATH);
    redirect(`${PATH}?done=two-factor`);
  },
});
