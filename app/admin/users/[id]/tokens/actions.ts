"use server";
/** API tokens: create one (the token comes back in the form state, shown once) or revoke one. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUserToken, revokeUserToken } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { action, formAction } from "@/lib/server/http/action";
import type { FormState } from "@/lib/forms/form-state";

export const submitNewToken = formAction({
  audience: "provider-admin",
  fields: ["userId", "name", "scope"],
  path: () => "/admin/users",
  refusal: { kind: "fields" },
  run: async ({ actor, t, values }): Promise<FormState> => {
    if (!values.name?.trim()) return { values, errors: { name: t("admin.form.required") }, message: t("admin.form.hasErrors") };
    // READ unless read+write is chosen: the form's default, and the safer one for a value it never sends.
    const scope = values.scope === "READ_WRITE" ? "READ_WRITE" : "READ";
    const created = await createUserToken({ actor, input: { userId: values.userId ?? "", name: values.name, scope }, ctx: defaultContext() });
    revalidatePath(`/admin/users/${values.userId}/tokens`);
    return { values: {}, errors: {}, message: null, result: created.token };
  },
});

export const submitRevokeToken = action({
  audience: "provider-admin",
  path: "/admin/users",
  fields: ["tokenId"],
  input: z.object({ tokenId: z.uuid() }),
  invalid: "/admin/users",
  run: async ({ actor, input }) => {
    const { userId } = await revokeUserToken({ actor, input, ctx: defaultContext() });
    revalidatePath(`/admin/users/${userId}/tokens`);
    redirect(`/admin/users/${userId}/tokens?done=revoked`);
  },
});
