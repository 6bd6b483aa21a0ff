"use server";
/** An organisation's own OIDC identity provider: save (the secret write-only), turn off after confirming, turn on again. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveOrganizationOidc, setOrganizationOidcEnabled } from "@/lib/server/oidc";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { action, formAction, refusalState, type FieldMessages } from "@/lib/server/http/action";

const FIELDS = ["organizationId", "displayName", "issuer", "clientId", "clientSecret", "entraId", "entraTenantId", "verifiedDomains"] as const;

const refusal = {
  kind: "fields" as const,
  ours: (): Partial<FieldMessages> => ({ issuer: "oidc.error.issuer", entraTenantId: "oidc.error.tenantId", verifiedDomains: "oidc.error.domains", clientSecret: "oidc.error.secretRequired" }),
};

const pageOf = (organizationId: string | undefined) => `/admin/organizations/${organizationId}/oidc`;

export const submitOrganizationOidc = formAction({
  audience: "provider-admin",
  fields: FIELDS,
  path: (values) => pageOf(values.organizationId),
  refusal,
  run: async ({ actor, t, values }) => {
    // The secret never goes back to the browser, not even in a refused form.
    const kept = { ...values, clientSecret: "" };
    const errors: Record<string, string> = {};
    for (const field of ["displayName", "issuer", "clientId"] as const) if (!values[field]?.trim()) errors[field] = t("admin.form.required");
    if (Object.keys(errors).length) return { values: kept, errors, message: t("admin.form.hasErrors") };
    let result: { created: boolean; changed: boolean };
    try {
      result = await saveOrganizationOidc({
        actor,
        input: {
          organizationId: values.organizationId ?? "",
          displayName: values.displayName ?? "",
          issuer: values.issuer ?? "",
          clientId: values.clientId ?? "",
          clientSecret: values.clientSecret ?? "",
          entraId: values.entraId === "on",
          entraTenantId: values.entraTenantId ?? "",
          verifiedDomains: values.verifiedDomains ?? "",
        },
        ctx: defaultContext(),
      });
    } catch (error) {
      if (error instanceof AppError && error.fields?._?.[0] === "SECRETS_KEY is not set") return { values: kept, errors: {}, message: t("oidc.error.noKey") };
      return refusalState(error, t, kept, refusal);
    }
    revalidatePath(pageOf(values.organizationId));
    revalidatePath("/signin");
    redirect(`${pageOf(values.organizationId)}?done=${result.created ? "created" : result.changed ? "saved" : "unchanged"}`);
  },
});

export const submitOrganizationOidcEnabled = action({
  audience: "provider-admin",
  path: "/admin/organizations",
  fields: ["organizationId", "enabled"],
  input: z.object({ organizationId: z.uuid(), enabled: z.enum(["true", "false"]) }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    const enabled = input.enabled === "true";
    await setOrganizationOidcEnabled({ actor, input: { organizationId: input.organizationId }, enabled, ctx: defaultContext() });
    revalidatePath(pageOf(input.organizationId));
    revalidatePath("/signin");
    redirect(`${pageOf(input.organizationId)}?done=${enabled ? "enabled" : "disabled"}`);
  },
});
