"use server";
/** Changes an organisation's agreement: parse, call the use case, back to the list. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeOrganizationAgreement } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { requireProviderAdmin, orNotFound } from "../access";

const FormSchema = z.object({ organizationId: z.uuid(), agreementId: z.union([z.uuid(), z.literal("").transform(() => null)]) });

export async function submitOrganizationAgreement(form: FormData): Promise<void> {
  const actor = await requireProviderAdmin("/admin/organizations");
  const parsed = FormSchema.safeParse({ organizationId: form.get("organizationId"), agreementId: form.get("agreementId") ?? "" });
  if (!parsed.success) redirect("/admin/organizations");
  await orNotFound(changeOrganizationAgreement({ actor, input: parsed.data, ctx: defaultContext() }));
  revalidatePath("/admin/organizations");
  redirect(`/admin/organizations?saved=${parsed.data.organizationId}`);
}
