"use server";
/** Webhook endpoints: add, edit, send a test, delete (after confirming). */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createWebhook, deleteWebhook, testWebhook, updateWebhook } from "@/lib/server/webhooks";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { action, formAction, type FieldMessages } from "@/lib/server/http/action";

const FIELDS = ["webhookId", "name", "url", "organizationId", "secret", "active"] as const;

const refusal = {
  kind: "fields" as const,
  ours: (): Partial<FieldMessages> => ({ url: "orgs.hooks.urlInvalid" }),
};

/** The chosen templates (checkboxes), and the same as one string to hand back with a refusal. */
const templatesOf = (form: FormData): string[] => form.getAll("templates").filter((v): v is string => typeof v === "string");

export const submitNewWebhook = formAction({
  audience: "provider-admin",
  fields: FIELDS,
  path: () => "/admin/webhooks",
  refusal,
  run: async ({ actor, t, values, form }) => {
    const templates = templatesOf(form);
    const kept = { ...values, templates: templates.join(",") };
    const errors: Record<string, string> = {};
    if (!values.name?.trim()) errors.name = t("admin.form.required");
    if (!values.url?.trim()) errors.url = t("admin.form.required");
    if (Object.keys(errors).length) return { values: kept, errors, message: t("admin.form.hasErrors") };
    try {
      const created = await createWebhook({
        actor,
        input: { name: values.name ?? "", url: values.url ?? "", organizationId: values.organizationId || null, templates, secret: values.secret ?? "" },
        ctx: defaultContext(),
      });
      revalidatePath("/admin/webhooks");
      // The generated secret is shown once, here; a given one the admin already has.
      return { values: {}, errors: {}, message: null, result: JSON.stringify({ id: created.id, secret: created.generated ? created.secret : null }) };
    } catch (error) {
      if (error instanceof AppError && error.fields?._?.[0] === "SECRETS_KEY is not set") return { values: kept, errors: {}, message: t("orgs.hooks.noKey") };
      throw error;
    }
  },
});

export const submitEditWebhook = formAction({
  audience: "provider-admin",
  fields: FIELDS,
  path: (values) => `/admin/webhooks/${values.webhookId}`,
  refusal,
  run: async ({ actor, t, values, form }) => {
    const templates = templatesOf(form);
    const kept = { ...values, templates: templates.join(",") };
    const errors: Record<string, string> = {};
    if (!values.name?.trim()) errors.name = t("admin.form.required");
    if (!values.url?.trim()) errors.url = t("admin.form.required");
    if (Object.keys(errors).length) return { values: kept, errors, message: t("admin.form.hasErrors") };
    const { changed } = await updateWebhook({
      actor,
      input: {
        webhookId: values.webhookId ?? "",
        name: values.name ?? "",
        url: values.url ?? "",
        organizationId: values.organizationId || null,
        templates,
        active: values.active === "on",
        secret: values.secret ?? "",
      },
      ctx: defaultContext(),
    });
    revalidatePath(`/admin/webhooks/${values.webhookId}`);
    redirect(`/admin/webhooks/${values.webhookId}?done=${changed ? "saved" : "unchanged"}`);
  },
});

/** "Send a test": the result (or the failure, naming the endpoint) comes back to the form. */
export const submitTestWebhook = formAction({
  audience: "provider-admin",
  fields: ["webhookId"],
  path: (values) => `/admin/webhooks/${values.webhookId}`,
  refusal: { kind: "plain" },
  run: async ({ actor, t, values }) => {
    const result = await testWebhook({ actor, input: { webhookId: values.webhookId ?? "" }, ctx: defaultContext() });
    return result.ok
      ? { values: {}, errors: {}, message: null, result: t("orgs.hooks.testOk") }
      : { values: {}, errors: {}, message: t("orgs.hooks.testFailed", { error: result.error }), result: null };
  },
});

export const submitDeleteWebhook = action({
  audience: "provider-admin",
  path: "/admin/webhooks",
  fields: ["webhookId"],
  input: z.object({ webhookId: z.uuid() }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    await deleteWebhook({ actor, input, ctx: defaultContext() });
    revalidatePath("/admin/webhooks");
    redirect("/admin/webhooks?done=deleted");
  },
});
