"use server";
/**
 * The agent's server action: parse the form with zod, call applyTicketAction, go back to the
 * ticket (or to the queue after an escalation, which moves the ticket out of the agent's line).
 * Refusals from the use case are shown with the form; the typed text stays.
 */
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { applyTicketAction, defaultContext } from "@/lib/server/tickets";
import { formAction } from "@/lib/server/http/action";
import { withFormAttachments } from "@/lib/server/attachments/form-files";
import { AgentActionTypeSchema, FIELDS, TicketIdFormSchema, fieldErrors, parseAgentAction } from "./form-schemas";

export const submitAgentAction = formAction({
  audience: "staff",
  fields: ["ticketId", "type", ...FIELDS],
  path: (values) => `/arbeid/saker/${values.ticketId}`,
  refusal: { kind: "reason" },
  run: async ({ actor, t, values, form }) => {
    const ticket = TicketIdFormSchema.safeParse(values);
    const type = AgentActionTypeSchema.safeParse(values.type);
    if (!ticket.success || !type.success) notFound();
    const id = ticket.data.ticketId;
    const parsed = parseAgentAction(type.data, values);
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error, t.locale), message: t("common.formHasErrors") };
    const after = await withFormAttachments(form, (attachments) => applyTicketAction({ actor, input: { ticketId: id, action: parsed.data }, ctx: defaultContext(), attachments }));
    revalidatePath("/arbeid");
    if (type.data === "escalate") redirect(`/arbeid?eskalert=${encodeURIComponent(after.reference)}&linje=${after.line}`);
    redirect(`/arbeid/saker/${id}?done=${type.data}`);
  },
});
