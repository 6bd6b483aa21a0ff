"use server";
/**
 * The customer's server actions: parse the form with zod, call one ticket use case, redirect on
 * success; on failure hand the typed values back with errors by field.
 */
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { IdempotencyKeySchema, applyTicketAction, defaultContext, isContactPersonRefusal, registerTicket, registerTicketOnce, type TicketActionRequest } from "@/lib/server/tickets";
import type { z } from "zod";
import { formAction, type Values } from "@/lib/server/http/action";
import { withFormAttachments } from "@/lib/server/attachments/form-files";
import type { T } from "@/lib/server/http/session";
import { portalPostAllowed } from "@/lib/server/portal-throttle";
import type { FormState } from "@/lib/forms/form-state";
import { NewTicketFormSchema, ReopenFormSchema, ReplyFormSchema, TicketIdFormSchema, fieldErrors } from "./form-schemas";

const tooMany = (t: T, values: Values): FormState => ({ values, errors: {}, message: t("common.error.tooManyPosts") });

export const submitNewTicket = formAction({
  audience: "customer",
  fields: ["title", "description", "priority"],
  path: () => "/saker/ny",
  refusal: { kind: "plain" },
  run: async ({ actor, t, values, form }) => {
    if (!(await portalPostAllowed({ actor, now: new Date() }))) return tooMany(t, values);
    const parsed = NewTicketFormSchema.safeParse(values);
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error, t.locale), message: t("common.formHasErrors") };
    const token = IdempotencyKeySchema.safeParse(form.get("formToken"));
    // The form's token makes a double submit register one ticket; both land on its receipt.
    const input = { ...parsed.data, channel: "PORTAL" as const };
    const ctx = defaultContext();
    let id: string;
    try {
      id = await withFormAttachments(form, async (attachments) =>
        token.success ? (await registerTicketOnce({ actor, input, idempotencyKey: token.data, ctx, attachments })).ticket.id : (await registerTicket({ actor, input, ctx, attachments })).id,
      );
    } catch (error) {
      // No longer a contact person since the form was shown: say why, in the reader's language.
      if (isContactPersonRefusal(error)) return { values, errors: {}, message: t("contacts.portal.refused") };
      throw error;
    }
    revalidatePath("/saker");
    redirect(`/saker/${id}/kvittering`);
  },
});

/**
 * A form about one ticket: the schema of its fields, the ticket action they become, and the
 * receipt to show. Input that fails the schema comes back by field, or (a form of buttons only)
 * is the 404 page.
 */
function ticketForm<I extends { ticketId: string }>(
  fields: string[],
  schema: z.ZodType<I>,
  toAction: (input: I) => TicketActionRequest,
  done: string,
  malformed: "by-field" | "not-found" = "by-field",
) {
  return formAction({
    audience: "customer",
    fields: ["ticketId", ...fields],
    path: (values) => `/saker/${values.ticketId}`,
    refusal: { kind: "plain" },
    run: async ({ actor, t, values, form }) => {
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        if (malformed === "not-found") notFound();
        return { values, errors: fieldErrors(parsed.error, t.locale), message: null };
      }
      if (!(await portalPostAllowed({ actor, now: new Date() }))) return tooMany(t, values);
      const { ticketId } = parsed.data;
      await withFormAttachments(form, (attachments) => applyTicketAction({ actor, input: { ticketId, action: toAction(parsed.data) }, ctx: defaultContext(), attachments }));
      revalidatePath(`/saker/${ticketId}`);
      redirect(`/saker/${ticketId}?done=${done}`);
    },
  });
}

export const submitReply = ticketForm(["body"], ReplyFormSchema, ({ body }) => ({ type: "reply", body }), "reply");
export const submitAccept = ticketForm([], TicketIdFormSchema, () => ({ type: "confirm" }), "accepted", "not-found");
export const submitReopen = ticketForm(["reason"], ReopenFormSchema, ({ reason }) => ({ type: "reopen", reason }), "reopened");
