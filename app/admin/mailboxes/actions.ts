"use server";
/** Support mailboxes: add, edit, test the connection (saved or not), turn off (after confirming) and on. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createMailbox, setMailboxActive, testMailboxConnection, updateMailbox } from "@/lib/server/admin";
import type { CreateMailboxInput } from "@/lib/server/admin/mailbox-schemas";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { action, formAction, type FieldMessages, type FormCall } from "@/lib/server/http/action";
import type { FormState } from "@/lib/forms/form-state";

const FIELDS = ["mailboxId", "name", "address", "host", "port", "tls", "username", "password", "folder", "defaultOrganizationId", "active"] as const;

const refusal = {
  kind: "fields" as const,
  ours: (error: AppError): Partial<FieldMessages> => ({
    address: error.code === "conflict" ? "mailboxes.error.addressTaken" : "mailboxes.error.address",
    host: "mailboxes.error.host",
    port: "mailboxes.error.port",
    defaultOrganizationId: "mailboxes.error.organization",
    password: "mailboxes.error.passwordForHost",
  }),
};

/** The password typed is never sent back to the browser with a refused form. */
const withoutPassword =
  (submit: (state: FormState, form: FormData) => Promise<FormState>) =>
  async (state: FormState, form: FormData): Promise<FormState> => {
    const next = await submit(state, form);
    const { password: _password, ...values } = next.values;
    void _password;
    return { ...next, values };
  };

/** A port as the form has it: a whole number, or undefined when it is not one. */
const portOf = (text: string | undefined): number | undefined => (/^\d{1,5}$/.test(text?.trim() ?? "") ? Number(text!.trim()) : undefined);

/** The form's strings as the use case's settings, or the form's errors. */
function readSettings({ t, values }: FormCall, requirePassword: boolean): { state: FormState } | { input: CreateMailboxInput & { port: number; folder: string } } {
  const errors: Record<string, string> = {};
  for (const field of ["name", "address", "host", "username"] as const) if (!values[field]?.trim()) errors[field] = t("admin.form.required");
  if (requirePassword && !values.password) errors.password = t("admin.form.required");
  const port = portOf(values.port);
  if (port === undefined) errors.port = t("mailboxes.error.port");
  if (Object.keys(errors).length) return { state: { values, errors, message: t("admin.form.hasErrors") } };
  return {
    input: {
      name: values.name ?? "",
      address: values.address?.trim() ?? "",
      host: values.host ?? "",
      port: port ?? 993,
      tls: values.tls === "on",
      username: values.username ?? "",
      password: values.password ?? "",
      folder: values.folder?.trim() || "INBOX",
      defaultOrganizationId: values.defaultOrganizationId || null,
    },
  };
}

/** Without SECRETS_KEY a password cannot be stored: say so in the reader's language. */
function noKey(error: unknown, call: FormCall): FormState {
  if (error instanceof AppError && error.fields?._?.[0] === "SECRETS_KEY is not set") return { values: call.values, errors: {}, message: call.t("mailboxes.error.noKey") };
  throw error;
}

export const submitNewMailbox = withoutPassword(
  formAction({
    audience: "provider-admin",
    fields: FIELDS,
    path: () => "/admin/mailboxes/new",
    refusal,
    run: async (call): Promise<FormState> => {
      const read = readSettings(call, true);
      if ("state" in read) return read.state;
      let id: string;
      try {
        ({ id } = await createMailbox({ actor: call.actor, input: read.input, ctx: defaultContext() }));
      } catch (error) {
        return noKey(error, call);
      }
      revalidatePath("/admin/mailboxes");
      redirect(`/admin/mailboxes/${id}?done=created`);
    },
  }),
);

export const submitEditMailbox = withoutPassword(
  formAction({
    audience: "provider-admin",
    fields: FIELDS,
    path: (values) => `/admin/mailboxes/${values.mailboxId}`,
    refusal,
    run: async (call): Promise<FormState> => {
      const read = readSettings(call, false);
      if ("state" in read) return read.state;
      const mailboxId = call.values.mailboxId ?? "";
      let changed: boolean;
      try {
        ({ changed } = await updateMailbox({ actor: call.actor, input: { ...read.input, mailboxId, active: call.values.active === "on" }, ctx: defaultContext() }));
      } catch (error) {
        return noKey(error, call);
      }
      revalidatePath("/admin/mailboxes");
      revalidatePath(`/admin/mailboxes/${mailboxId}`);
      redirect(`/admin/mailboxes/${mailboxId}?done=${changed ? "saved" : "unchanged"}`);
    },
  }),
);

/** "Test the connection" with the form's values as they stand (saved or not): the answer in words comes back to the form. */
export const submitTestMailbox = withoutPassword(
  formAction({
    audience: "provider-admin",
    fields: FIELDS,
    path: (values) => (values.mailboxId ? `/admin/mailboxes/${values.mailboxId}` : "/admin/mailboxes/new"),
    refusal,
    run: async (call): Promise<FormState> => {
      const { t, values } = call;
      const port = portOf(values.port);
      if (!values.host?.trim() || !values.username?.trim() || port === undefined) {
        const errors: Record<string, string> = {};
        if (!values.host?.trim()) errors.host = t("admin.form.required");
        if (!values.username?.trim()) errors.username = t("admin.form.required");
        if (port === undefined) errors.port = t("mailboxes.error.port");
        return { values: {}, errors, message: t("admin.form.hasErrors"), result: null };
      }
      const result = await testMailboxConnection({
        actor: call.actor,
        input: {
          mailboxId: values.mailboxId || null,
          host: values.host,
          port,
          tls: values.tls === "on",
          username: values.username,
          password: values.password ?? "",
          folder: values.folder?.trim() || "INBOX",
        },
        ctx: defaultContext(),
      });
      return result.ok
        ? { values: {}, errors: {}, message: null, result: t("mailboxes.test.ok", { folder: result.folder, count: result.messages }) }
        : { values: {}, errors: {}, message: t(`mailboxes.test.fail.${result.reason}`, { detail: result.detail }), result: null };
    },
  }),
);

export const submitMailboxActive = action({
  audience: "provider-admin",
  path: "/admin/mailboxes",
  fields: ["mailboxId", "active"],
  input: z.object({ mailboxId: z.uuid(), active: z.enum(["true", "false"]) }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    const active = input.active === "true";
    await setMailboxActive({ actor, input: { mailboxId: input.mailboxId, active }, ctx: defaultContext() });
    revalidatePath("/admin/mailboxes");
    redirect(`/admin/mailboxes/${input.mailboxId}?done=${active ? "reactivated" : "deactivated"}`);
  },
});
