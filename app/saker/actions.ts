"use server";
/**
 * The customer's server actions: parse the form with zod, call one ticket use case, redirect on
 * success; on failure hand the typed values back with errors by field.
 */
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/server/errors";
import { IdempotencyKeySchema, applyTicketAction, defaultContext, registerTicket, registerTicketOnce, type TicketActionRequest } from "@/lib/server/tickets";
import type { Actor } from "@/lib/server/actor";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n";
import { requireCustomer } from "./access";
import { portalPostAllowed } from "@/lib/server/portal-throttle";
import type { FormState } from "./form-state";
import { NewTicketFormSchema, ReopenFormSchema, ReplyFormSchema, TicketIdFormSchema, fieldErrors, formValues } from "./form-schemas";

function failure(error: unknown, t: Translate, values: Record<string, string>): FormState {
  if (error instanceof AppError) {
    if (error.code === "not_found") notFound();
    const message = error.code === "conflict" ? t("common.error.conflict") : t("common.error.unexpected");
    return { values, errors: {}, message };
  }
  throw error;
}

const tooMany = (t: Translate, values: Record<string, string>): FormState => ({ values, errors: {}, message: t("common.error.tooManyPosts") });

export async function submitNewTicket(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCustomer("/saker/ny");
  const t = await getT();
  const values = formValues(form, ["title", "description", "priority"]);
  if (!(await portalPostAllowed({ actor, now: new Date() }))) return tooMany(t, values);
  const parsed = NewTicketFormSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error, t.locale), message: t("common.formHasErrors") };
  const token = IdempotencyKeySchema.safeParse(form.get("formToken"));
  let id: string;
  try {
    // The form's token makes a double submit register one ticket; both land on its receipt.
    const input = { ...parsed.data, channel: "PORTAL" as const };
    const ctx = defaultContext();
    id = token.success ? (await registerTicketOnce({ actor, input, idempotencyKey: token.data, ctx })).ticket.id : (await registerTicket({ actor, input, ctx })).id;
  } catch (error) {
    return failure(error, t, values);
  }
  revalidatePath("/saker");
  redirect(`/saker/${id}/kvittering`);
}

async function act(actor: Actor, ticketId: string, action: TicketActionRequest, done: string, t: Translate, values: Record<string, string>): Promise<FormState> {
  if (!(await portalPostAllowed({ actor, now: new Date() }))) return tooMany(t, values);
  try {
    await applyTicketAction({ actor, input: { ticketId, action }, ctx: defaultContext() });
  } catch (error) {
    return failure(error, t, values);
  }
  revalidatePath(`/saker/${ticketId}`);
  redirect(`/saker/${ticketId}?done=${done}`);
}

export async function submitReply(_previous: FormState, form: FormData): Promise<FormState> {
  const t = await getT();
  const values = formValues(form, ["ticketId", "body"]);
  const actor = await requireCustomer(`/saker/${values.ticketId}`);
  const parsed = ReplyFormSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error, t.locale), message: null };
  return act(actor, parsed.data.ticketId, { type: "reply", body: parsed.data.body }, "reply", t, values);
}

export async function submitAccept(_previous: FormState, form: FormData): Promise<FormState> {
  const t = await getT();
  const values = formValues(form, ["ticketId"]);
  const actor = await requireCustomer(`/saker/${values.ticketId}`);
  const parsed = TicketIdFormSchema.safeParse(values);
  if (!parsed.success) notFound();
  return act(actor, parsed.data.ticketId, { type: "confirm" }, "accepted", t, values);
}

export async function submitReopen(_previous: FormState, form: FormData): Promise<FormState> {
  const t = await getT();
  const values = formValues(form, ["ticketId", "reason"]);
  const actor = await requireCustomer(`/saker/${values.ticketId}`);
  const parsed = ReopenFormSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error, t.locale), message: null };
  return act(actor, parsed.data.ticketId, { type: "reopen", reason: parsed.data.reason }, "reopened", t, values);
}
