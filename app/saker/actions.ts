"use server";
/**
 * The customer's server actions: parse the form with zod, call one ticket use case, redirect on
 * success; on failure hand the typed values back with errors by field.
 */
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { IdempotencyKeySchema, applyTicketAction, defaultContext, registerTicket, registerTicketOnce, type TicketActionRequest } from "@/lib/server/tickets";
import type { Actor } from "@/lib/server/actor";
import { formAction, type Values } from "@/lib/server/http/action";
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
    const id = token.success ? (await registerTicketOnce({ actor, input, idempotencyKey: token.data, ctx })).ticket.id : (await registerTicket({ actor, input, ctx })).id;
    revalidatePath("/saker");
    redirect(`/saker/${id}/kvittering`);
  },
});

async function act(actor: Actor, ticketId: string, action: TicketActionRequest, done: string, t: T, values: Values): Promise<FormState> {
  if (!(await portalPostAllowed({ actor, now: new Date() }))) return tooMany(t, values);
  await applyTicketAction({ actor, input: { ticketId, action }, ctx: defaultContext() });
  revalidatePath(`/saker/${ticketId}`);
  redirect(`/saker/${ticketId}?done=${done}`);
}

const ticketPath = (values: Values) => `/saker/${values.ticketId}`;

export const submitReply = formAction({
  audience: "customer",
  fields: ["ticketId", "body"],
  path: ticketPath,
  refusal: { kind: "plain" },
  run: async ({ actor, t, values }) => {
    const parsed = ReplyFormSchema.safeParse(values);
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error, t.locale), message: null };
    return act(actor, parsed.data.ticketId, { type: "reply", body: parsed.data.body }, "reply", t, values);
  },
});

export const submitAccept = formAction({
  audience: "customer",
  fields: ["ticketId"],
  path: ticketPath,
  refusal: { kind: "plain" },
  run: async ({ actor, t, values }) => {
    const parsed = TicketIdFormSchema.safeParse(values);
    if (!parsed.success) notFound();
    return act(actor, parsed.data.ticketId, { type: "confirm" }, "accepted", t, values);
  },
});

export const submitReopen = formAction({
  audience: "customer",
  fields: ["ticketId", "reason"],
  path: ticketPath,
  refusal: { kind: "plain" },
  run: async ({ actor, t, values }) => {
    const parsed = ReopenFormSchema.safeParse(values);
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error, t.locale), message: null };
    return act(actor, parsed.data.ticketId, { type: "reopen", reason: parsed.data.reason }, "reopened", t, values);
  },
});
