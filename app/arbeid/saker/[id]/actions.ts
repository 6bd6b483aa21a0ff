"use server";
/**
 * The ticket page's own server actions (issue 19): the composer's send (one send, one
 * transaction: lib/server/tickets/send-from-composer.ts) and the presence heartbeat. A send that
 * collides with someone else's writing comes back as a warning with their names; the agent may
 * send anyway (force) or reload.
 */
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { defaultContext } from "@/lib/server/tickets";
import { sendFromComposer } from "@/lib/server/tickets/send-from-composer";
import { formAction } from "@/lib/server/http/action";
import { requireSession } from "@/lib/server/http/session";
import { withFormAttachments } from "@/lib/server/attachments/form-files";
import { touchTicketPresence, type TicketViewer } from "@/lib/server/presence/ticket-viewers";
import { TicketIdFormSchema } from "../../form-schemas";
import { submitAgentAction } from "../../actions";
import { EMPTY_FORM } from "@/lib/forms/form-state";

const COMPOSER_FIELDS = ["ticketId", "mode", "body", "status", "waitReason", "priority", "priorityReason", "line", "workDone", "seenEventId", "force", "macroTitle"] as const;

const opt = (v: string | undefined) => (v && v.trim() !== "" ? v : undefined);

export const sendComposer = formAction({
  audience: "staff",
  fields: COMPOSER_FIELDS,
  path: (values) => `/arbeid/saker/${values.ticketId}`,
  refusal: { kind: "reason" },
  run: async ({ actor, t, values, form }) => {
    const ticket = TicketIdFormSchema.safeParse(values);
    if (!ticket.success) notFound();
    const id = ticket.data.ticketId;
    const errors: Record<string, string> = {};
    if (!values.body?.trim()) errors.body = t("common.fieldRequired");
    if (values.mode === "note" && values.status === "SOLVED") errors.status = t("workspace.composer.solvedNeedsReply");
    const macroReason = values.macroTitle ? t("workspace.composer.macroReason", { title: values.macroTitle }) : undefined;
    const priorityReason = opt(values.priorityReason) ?? (opt(values.priority) ? macroReason : undefined);
    if (opt(values.priority) && !priorityReason) errors.priorityReason = t("workspace.composer.priorityReasonRequired");
    if (Object.keys(errors).length > 0) return { values, errors, message: t("common.formHasErrors") };
    const mode = values.mode === "note" ? "note" : "reply";
    const status = values.status === "WAITING_FOR_CUSTOMER" || values.status === "SOLVED" ? values.status : "keep";
    const priority = opt(values.priority);
    const line = opt(values.line);
    const result = await withFormAttachments(form, (attachments) =>
      sendFromComposer({
        actor,
        input: {
          ticketId: id,
          mode,
          body: values.body ?? "",
          status,
          waitReason: opt(values.waitReason) ?? (status === "WAITING_FOR_CUSTOMER" ? t("workspace.composer.waitReasonDefault") : undefined),
          priority: priority === "P1" || priority === "P2" || priority === "P3" || priority === "P4" ? priority : undefined,
          priorityReason,
          line: line === "L2" || line === "L3" ? line : undefined,
          workDone: opt(values.workDone),
          seenEventId: opt(values.seenEventId),
          force: values.force === "1",
        },
        ctx: defaultContext(),
        attachments,
      }),
    );
    if (!result.sent) {
      const names = [...new Set(result.writers.map((w) => w.authorName))].join(", ");
      return { values, errors: {}, message: t("workspace.collision.warning", { names }), result: "collision" };
    }
    revalidatePath("/arbeid");
    if (result.ticket.line !== "L1" && line) redirect(`/arbeid?eskalert=${encodeURIComponent(result.ticket.reference)}&linje=${result.ticket.line}`);
    // The same confirmation as the single actions gave: "Svaret er sendt.", "Saken venter på kunden." …
    const done = status === "SOLVED" ? "resolve" : status === "WAITING_FOR_CUSTOMER" ? "wait" : mode;
    redirect(`/arbeid/saker/${id}?done=${done}`);
  },
});

/** "I am on this ticket's page": records the viewer and returns the other staff viewing it. */
export async function heartbeatPresence(ticketId: string): Promise<TicketViewer[]> {
  const actor = await requireSession("staff", `/arbeid/saker/${ticketId}`);
  try {
    return await touchTicketPresence({ actor, input: { ticketId }, ctx: defaultContext() });
  } catch {
    // Presence is a courtesy: a Redis outage or a ticket gone out of sight shows nobody, never an error.
    return [];
  }
}

/**
 * A one-click ticket action behind a confirmation dialog (start troubleshooting, take the
 * ticket, start the clock again): the dialog posts here; the agent's action does the rest.
 */
export async function confirmAgentAction(form: FormData): Promise<void> {
  const state = await submitAgentAction(EMPTY_FORM, form);
  const id = TicketIdFormSchema.safeParse({ ticketId: form.get("ticketId") });
  if (!id.success) notFound();
  redirect(state.message ? `/arbeid/saker/${id.data.ticketId}?refused=${encodeURIComponent(String(form.get("type") ?? ""))}` : `/arbeid/saker/${id.data.ticketId}`);
}
