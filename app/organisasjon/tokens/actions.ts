"use server";
/** A customer admin's API tokens: create one (shown once, in the form state) or revoke one after confirming. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUserToken, revokeUserToken } from "@/lib/server/admin";
import { requestContext } from "@/lib/server/http/request-context";
import { action, formAction } from "@/lib/server/http/action";
import type { FormState } from "@/lib/forms/form-state";

const PATH = "/organisasjon/tokens";

export const submitNewOrganizationToken = formAction({
  audience: "customer",
  fields: ["name", "scope"],
  path: () => PATH,
  refusal: { kind: "fields" },
  run: async ({ actor, t, values }): Promise<FormState> => {
    if (!values.name?.trim()) return { values, errors: { name: t("audit.tokens.required") }, message: t("admin.form.hasErrors") };
    // The token acts as the customer admin who creates it; the use case keeps them to their own organisation.
    const scope = values.scope === "READ" ? "READ" : "READ_WRITE";
    const created = await createUserToken({ actor, input: { userId: actor.userId, name: values.name, scope }, ctx: await requestContext() });
    revalidatePath(PATH);
    return { values: {}, errors: {}, message: null, result: created.token };
  },
});

export const submitRevokeOrganizationToken = action({
  audience: "customer",
  path: PATH,
  fields: ["tokenId"],
  input: z.object({ tokenId: z.uuid() }),
  invalid: PATH,
  run: async ({ actor, input }) => {
    await revokeUserToken({ actor, input, ctx: await requestContext() });
    revalidatePath(PATH);
    redirect(`${PATH}?done=revoked`);
  },
});
