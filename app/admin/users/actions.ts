"use server";
/** Users: create, edit (form state with errors by field), deactivate or reactivate one. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUser, deactivateUser, reactivateUser, updateUser } from "@/lib/server/admin";
import type { CreateUserInput } from "@/lib/server/admin/schemas";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { action, formAction } from "@/lib/server/http/action";
import { INVITE_FIELDS, inviteRefusal, runInvite } from "@/lib/server/people/invite-form";

/** Invite a person into the shown organisation (issue 15): they choose their password from the e-mail. */
export const submitInviteUser = formAction({
  audience: "provider-admin",
  fields: INVITE_FIELDS,
  path: () => "/admin/users",
  refusal: inviteRefusal,
  run: (call) => runInvite(call, "/admin/users"),
});

export const submitNewUser = formAction({
  audience: "provider-admin",
  fields: ["organizationId", "name", "email", "role", "supportLine"],
  path: () => "/admin/users",
  refusal: {
    kind: "fields",
    ours: (error) => ({ role: "admin.users.roleWrongOrg", supportLine: "admin.users.lineRequired", ...(error.code === "conflict" ? { email: "admin.users.emailTaken" } : {}) }),
  },
  run: async ({ actor, t, values }) => {
    const errors: Record<string, string> = {};
    if (!values.name?.trim()) errors.name = t("admin.form.required");
    if (!values.email?.trim()) errors.email = t("admin.form.required");
    if (Object.keys(errors).length) return { values, errors, message: t("admin.form.hasErrors") };
    await createUser({
      actor,
      input: {
        organizationId: values.organizationId ?? "",
        name: values.name ?? "",
        email: values.email?.trim() ?? "",
        role: values.role as CreateUserInput["role"],
        supportLine: (values.supportLine || null) as CreateUserInput["supportLine"],
      },
      ctx: defaultContext(),
    });
    revalidatePath("/admin/users");
    redirect(`/admin/users?org=${values.organizationId}&done=created`);
  },
});

export const submitDeactivateUser = action({
  audience: "provider-admin",
  path: "/admin/users",
  fields: ["userId", "organizationId", "back"],
  input: z.object({ userId: z.uuid(), organizationId: z.uuid(), back: z.string().optional() }),
  invalid: "/admin/users",
  run: async ({ actor, input }) => {
    try {
      await deactivateUser({ actor, input: { userId: input.userId }, ctx: defaultContext() });
    } catch (error) {
      if (error instanceof AppError && error.code === "unprocessable") redirect(`/admin/users?org=${input.organizationId}&done=self`);
      throw error;
    }
    revalidatePath("/admin/users");
    redirect(input.back === "user" ? `/admin/users/${input.userId}?done=deactivated` : `/admin/users?org=${input.organizationId}&done=deactivated`);
  },
});

export const submitEditUser = formAction({
  audience: "provider-admin",
  fields: ["userId", "name", "email", "role", "supportLine", "phone"],
  path: (values) => `/admin/users/${values.userId}`,
  refusal: {
    kind: "fields",
    ours: (error) => ({
      role: error.fields?.role?.[0] === "yourself" ? "orgs.user.cannotChangeOwnRole" : "admin.users.roleWrongOrg",
      supportLine: "admin.users.lineRequired",
      phone: "orgs.user.phoneInvalid",
      ...(error.code === "conflict" ? { email: "admin.users.emailTaken" } : {}),
    }),
  },
  run: async ({ actor, t, values }) => {
    const errors: Record<string, string> = {};
    if (!values.name?.trim()) errors.name = t("admin.form.required");
    if (!values.email?.trim()) errors.email = t("admin.form.required");
    if (Object.keys(errors).length) return { values, errors, message: t("admin.form.hasErrors") };
    const { changed } = await updateUser({
      actor,
      input: {
        userId: values.userId ?? "",
        name: values.name ?? "",
        email: values.email?.trim() ?? "",
        role: values.role as CreateUserInput["role"],
        supportLine: (values.supportLine || null) as CreateUserInput["supportLine"],
        phone: values.phone ?? "",
      },
      ctx: defaultContext(),
    });
    revalidatePath(`/admin/users/${values.userId}`);
    redirect(`/admin/users/${values.userId}?done=${changed ? "saved" : "unchanged"}`);
  },
});

export const submitReactivateUser = action({
  audience: "provider-admin",
  path: "/admin/users",
  fields: ["userId"],
  input: z.object({ userId: z.uuid() }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    await reactivateUser({ actor, input, ctx: defaultContext() });
    revalidatePath(`/admin/users/${input.userId}`);
    redirect(`/admin/users/${input.userId}?done=reactivated`);
  },
});
