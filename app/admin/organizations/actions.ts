"use server";
/** Organisations: change the agreement from the list; create, edit, deactivate and reactivate; contact persons. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeOrganizationAgreement, createOrganization, setContactPerson, setOrganizationActive, updateOrganization } from "@/lib/server/admin";
import type { CreateOrganizationInput } from "@/lib/server/admin/organization-schemas";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { action, formAction, type FieldMessages, type FormCall } from "@/lib/server/http/action";
import type { FormState } from "@/lib/forms/form-state";
import { feeOre, ORGANIZATION_FIELDS, splitDomains, wholeNumber } from "@/lib/forms/organization-form-values";

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

/** The use case's words for a field, in the catalogue's. */
function organizationRefusal(error: AppError): Partial<FieldMessages> {
  const taken = error.code === "conflict";
  return {
    orgNumber: taken ? "orgs.error.orgNumberTaken" : "orgs.error.orgNumber",
    emailDomains: taken ? "orgs.error.domainTaken" : "orgs.error.domain",
    timeZone: "orgs.error.timeZone",
    ticketPrefix: "orgs.error.prefix",
    agreementId: "orgs.error.agreement",
    contactPersonLimit: error.code === "unprocessable" ? "orgs.error.limitBelow" : "orgs.error.number",
    confirmationWindowHours: "orgs.error.number",
    monthlyFee: "orgs.error.fee",
  };
}

/** zod names a list's item ("emailDomains.0") and the fee in øre: the form's fields are the list and the fee. */
function onFormFields(error: unknown): never {
  if (error instanceof AppError && error.fields) {
    const fields: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(error.fields)) {
      const field = key.replace(/\.\d+$/, "");
      (fields[field === "monthlyFeeOre" ? "monthlyFee" : field] ??= []).push(...messages);
    }
    throw new AppError(error.code, error.message, fields);
  }
  throw error;
}

/** Reads the form's strings into the use case's input, or the form's errors. */
function readOrganizationForm({ t, values }: FormCall): { input: Omit<CreateOrganizationInput, "ticketPrefix"> & { ticketPrefix: string } } | { state: FormState } {
  const errors: Record<string, string> = {};
  if (!values.name?.trim()) errors.name = t("admin.form.required");
  const monthlyFeeOre = feeOre(values.monthlyFee ?? "");
  if (monthlyFeeOre === undefined) errors.monthlyFee = t("orgs.error.fee");
  const confirmation = wholeNumber(values.confirmationWindowHours ?? "");
  if (confirmation === undefined || confirmation === null) errors.confirmationWindowHours = t("orgs.error.number");
  const contactPersonLimit = wholeNumber(values.contactPersonLimit ?? "");
  if (contactPersonLimit === undefined) errors.contactPersonLimit = t("orgs.error.number");
  if (Object.keys(errors).length) return { state: { values, errors, message: t("admin.form.hasErrors") } };
  return {
    input: {
      name: values.name ?? "",
      orgNumber: values.orgNumber ?? "",
      emailDomains: splitDomains(values.emailDomains ?? ""),
      agreementId: values.agreementId || null,
      monthlyFeeOre: monthlyFeeOre ?? null,
      confirmationWindowHours: confirmation ?? 0,
      onCallOption: values.onCallOption as CreateOrganizationInput["onCallOption"],
      defaultEmailPriority: values.defaultEmailPriority as CreateOrganizationInput["defaultEmailPriority"],
      contactPersonLimit: contactPersonLimit ?? null,
      timeZone: values.timeZone ?? "",
      ticketPrefix: values.ticketPrefix ?? "",
    },
  };
}

export const submitNewOrganization = formAction({
  audience: "provider-admin",
  fields: ORGANIZATION_FIELDS,
  path: () => "/admin/organizations/new",
  refusal: { kind: "fields", ours: organizationRefusal },
  run: async (call) => {
    const read = readOrganizationForm(call);
    if ("state" in read) return read.state;
    const { id } = await createOrganization({ actor: call.actor, input: read.input, ctx: defaultContext() }).catch(onFormFields);
    revalidatePath("/admin/organizations");
    redirect(`/admin/organizations/${id}?done=created`);
  },
});

export const submitEditOrganization = formAction({
  audience: "provider-admin",
  fields: ORGANIZATION_FIELDS,
  path: (values) => `/admin/organizations/${values.organizationId}`,
  refusal: { kind: "fields", ours: organizationRefusal },
  run: async (call) => {
    const read = readOrganizationForm(call);
    if ("state" in read) return read.state;
    const { ticketPrefix: _prefix, ...fields } = read.input;
    void _prefix;
    const organizationId = call.values.organizationId ?? "";
    const { changed } = await updateOrganization({ actor: call.actor, input: { ...fields, organizationId }, ctx: defaultContext() }).catch(onFormFields);
    revalidatePath(`/admin/organizations/${organizationId}`);
    redirect(`/admin/organizations/${organizationId}?done=${changed ? "saved" : "unchanged"}`);
  },
});

export const submitOrganizationActive = action({
  audience: "provider-admin",
  path: "/admin/organizations",
  fields: ["organizationId", "active"],
  input: z.object({ organizationId: z.uuid(), active: z.enum(["true", "false"]) }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    const active = input.active === "true";
    await setOrganizationActive({ actor, input: { organizationId: input.organizationId }, active, ctx: defaultContext() });
    revalidatePath(`/admin/organizations/${input.organizationId}`);
    redirect(`/admin/organizations/${input.organizationId}?done=${active ? "reactivated" : "deactivated"}`);
  },
});

export const submitContactPerson = action({
  audience: "provider-admin",
  path: "/admin/organizations",
  fields: ["userId", "organizationId", "contactPerson"],
  input: z.object({ userId: z.uuid(), organizationId: z.uuid(), contactPerson: z.enum(["true", "false"]) }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    try {
      await setContactPerson({ actor, input: { userId: input.userId, contactPerson: input.contactPerson === "true" }, ctx: defaultContext() });
    } catch (error) {
      if (error instanceof AppError && error.code === "unprocessable") redirect(`/admin/organizations/${input.organizationId}?done=limit`);
      throw error;
    }
    revalidatePath(`/admin/organizations/${input.organizationId}`);
    redirect(`/admin/organizations/${input.organizationId}?done=contact`);
  },
});
