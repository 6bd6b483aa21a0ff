"use server";
/** Users: create one (form state with errors by field) or deactivate one. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUser, deactivateUser } from "@/lib/server/admin";
import type { CreateUserInput } from "@/lib/server/admin/schemas";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { getT } from "@/lib/i18n/server";
import { requireProviderAdmin, orNotFound } from "../access";
import { formFailure, formValues } from "../form-errors";
import type { AdminFormState } from "../form-state";

export async function submitNewUser(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireProviderAdmin("/admin/users");
  const t = await getT();
  const values = formValues(form, ["organizationId", "name", "email", "role", "supportLine"]);
  const errors: Record<string, string> = {};
  if (!values.name?.trim()) errors.name = t("admin.form.required");
  if (!values.email?.trim()) errors.email = t("admin.form.required");
  if (Object.keys(errors).length) return { values, errors, message: t("admin.form.hasErrors") };
  try {
    await createUser({
      actor,
      input: { organizationId: values.organizationId ?? "", name: values.name ?? "", email: values.email?.trim() ?? "", role: values.role as CreateUserInput["role"], supportLine: (values.supportLine || null) as CreateUserInput["supportLine"] },
      ctx: defaultContext(),
    });
  } catch (error) {
    return formFailure(error, t, values, { role: "admin.users.roleWrongOrg", supportLine: "admin.users.lineRequired", ...(error instanceof AppError && error.code === "conflict" ? { email: "admin.users.emailTaken" } : {}) });
  }
  revalidatePath("/admin/users");
  redirect(`/admin/users?org=${values.organizationId}&done=created`);
}

const IdSchema = z.object({ userId: z.uuid(), organizationId: z.uuid() });

export async function submitDeactivateUser(form: FormData): Promise<void> {
  const actor = await requireProviderAdmin("/admin/users");
  const parsed = IdSchema.safeParse({ userId: form.get("userId"), organizationId: form.get("organizationId") });
  if (!parsed.success) redirect("/admin/users");
  try {
    await orNotFound(deactivateUser({ actor, input: { userId: parsed.data.userId }, ctx: defaultContext() }));
  } catch (error) {
    if (error instanceof AppError && error.code === "unprocessable") redirect(`/admin/users?org=${parsed.data.organizationId}&done=self`);
    throw error;
  }
  revalidatePath("/admin/users");
  redirect(`/admin/users?org=${parsed.data.organizationId}&done=deactivated`);
}
