"use server";
/**
 * The agent's server action: parse the form with zod, call applyTicketAction, go back to the
 * ticket (or to the queue after an escalation, which moves the ticket out of the agent's line).
 * Refusals from the use case are shown with the form; the typed text stays.
 */
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/server/errors";
import { applyTicketAction, defaultContext, type TicketView } from "@/lib/server/tickets";
import { getT } from "@/lib/i18n/server";
import type { FormState } from "@/app/saker/form-state";
import { requireStaff } from "./access";
import { AgentActionTypeSchema, FIELDS, TicketIdFormSchema, fieldErrors, formValues, parseAgentAction } from "./form-schemas";

export async function submitAgentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["ticketId", "type", ...FIELDS]);
  const ticket = TicketIdFormSchema.safeParse(values);
  const type = AgentActionTypeSchema.safeParse(values.type);
  if (!ticket.success || !type.success) notFound();
  const id = ticket.data.ticketId;
  const actor = await requireStaff(`/arbeid/saker/${id}`);
  const t = await getT();
  const parsed = parseAgentAction(type.data, values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error, t.locale), message: t("common.formHasErrors") };
  let after: TicketView;
  try {
    after = await applyTicketAction({ actor, input: { ticketId: id, action: parsed.data }, ctx: defaultContext() });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "not_found") notFound();
    const errors = Object.fromEntries(Object.entries(error.fields ?? {}).flatMap(([field, messages]) => (messages[0] ? [[field, messages[0]]] : [])));
    return { values, errors, message: t("agent.error.refused", { reason: error.message }) };
  }
  revalidatePath("/arbeid");
  if (type.data === "escalate") redirect(`/arbeid?eskalert=${encodeURIComponent(after.reference)}&linje=${after.line}`);
  redirect(`/arbeid/saker/${id}?done=${type.data}`);
}
