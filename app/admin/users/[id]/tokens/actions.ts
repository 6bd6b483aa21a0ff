"use server";
/** API tokens: create one (the token comes back in the form state, shown once) or revoke one. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUserToken, revokeUserToken } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getT } from "@/lib/i18n/server";
import { requireProviderAdmin, orNotFound } from "../../../access";
import { formFailure, formValues } from "../../../form-errors";
import type { AdminFormState } from "../../../form-state";

export async function submitNewToken(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireProviderAdmin("/admin/users");
  const t = await getT();
  const values = formValues(form, ["userId", "name"]);
  if (!values.name?.trim()) return { values, errors: { name: t("admin.form.required") }, message: t("admin.form.hasErrors") };
  try {
    const created = await createUserToken({ actor, input: { userId: values.userId ?? "", name: values.name }, ctx: defaultContext() });
    revalidatePath(`/admin/users/${values.userId}/tokens`);
    return { values: {}, errors: {}, message: null, result: created.token };
  } catch (error) {
    return formFailure(error, t, values);
  }
}

const RevokeSchema = z.object({ tokenId: z.uuid() });

export async function submitRevokeToken(form: FormData): Promise<void> {
  const actor = await requireProviderAdmin("/admin/users");
  const parsed = RevokeSchema.safeParse({ tokenId: form.get("tokenId") });
  if (!parsed.success) redirect("/admin/users");
  const { userId } = await orNotFound(revokeUserToken({ actor, input: parsed.data, ctx: defaultContext() }));
  revalidatePath(`/admin/users/${userId}/tokens`);
  redirect(`/admin/users/${userId}/tokens?done=revoked`);
}
