"use server";
/** Changes an organisation's agreement: parse, call the use case, back to the list. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeOrganizationAgreement } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { action } from "@/lib/server/http/action";

export const submitOrganizationAgreement = action({
  audience: "provider-admin",
  path: "/admin/organizations",
  fields: ["organizationId", "agreementId"],
  input: z.object({ organizationId: z.uuid(), agreementId: z.union([z.uuid(), z.literal("").transform(() => null)]) }),
  invalid: "/admin/organizations",
  run: async ({ actor, input }) => {
    await changeOrganizationAgreement({ actor, input, ctx: defaultContext() });
    revalidatePath("/admin/organizations");
    redirect(`/admin/organizations?saved=${input.organizationId}`);
  },
});
