import "server-only";
/** The invitation form's server-side half, shared by /admin/users and /organisasjon/brukere: fields, refusals in our words, the call. */
import { revalidatePath } from "next/cache";
import type { FormCall, FormActionSpec } from "../http/action";
import { requestContext } from "../http/request-context";
import type { FormState } from "../../forms/form-state";
import { inviteUser } from "./invite-user";
import type { InviteUserInput } from "./schemas";

export const INVITE_FIELDS = ["organizationId", "name", "email", "role", "supportLine"] as const;

export const inviteRefusal: FormActionSpec["refusal"] = {
  kind: "fields",
  ours: (error) => ({ role: "account.invite.roleNotAllowed", supportLine: "account.invite.lineRequired", ...(error.code === "conflict" ? { email: "account.invite.emailTaken" } : {}) }),
};

export async function runInvite({ actor, t, values }: FormCall, revalidate: string): Promise<FormState> {
  const errors: Record<string, string> = {};
  if (!values.name?.trim()) errors.name = t("admin.form.required");
  if (!values.email?.trim()) errors.email = t("admin.form.required");
  if (Object.keys(errors).length) return { values, errors, message: t("admin.form.hasErrors") };
  const invited = await inviteUser({
    actor,
    input: {
      organizationId: values.organizationId || undefined,
      name: values.name ?? "",
      email: values.email?.trim() ?? "",
      role: values.role as InviteUserInput["role"],
      supportLine: (values.supportLine || null) as InviteUserInput["supportLine"],
    },
    ctx: await requestContext(),
  });
  revalidatePath(revalidate);
  return { values: {}, errors: {}, message: null, result: t("account.invite.sent", { email: invited.email }) };
}
