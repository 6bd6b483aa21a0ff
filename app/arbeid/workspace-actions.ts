"use server";
/**
 * Issue 19's server actions in the agent workspace: assign a ticket (or take it, or send it back to
 * its line's queue), one action on many tickets from the queue, and a phone call registered on a
 * customer's behalf. Each parses the form, calls its use case and goes back (or reports).
 */
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { applyTicketAction, defaultContext } from "@/lib/server/tickets";
import { bulkAction, type BulkActionInput, type BulkActionResult } from "@/lib/server/tickets/bulk-action";
import { registerCall } from "@/lib/server/tickets/register-call";
import { formAction } from "@/lib/server/http/action";
import type { FormState } from "@/lib/forms/form-state";
import type { MessageKey } from "@/lib/i18n";
import { PrioritySchema } from "@/lib/server/tickets/schemas";

const Id = z.uuid();

export const submitAssign = formAction({
  audience: "staff",
  fields: ["ticketId", "assigneeId"],
  path: (values) => `/arbeid/saker/${values.ticketId}`,
  refusal: { kind: "reason" },
  run: async ({ actor, t, values }) => {
    const ticketId = Id.safeParse(values.ticketId);
    if (!ticketId.success) notFound();
    if (!values.assigneeId) return { values, errors: { assigneeId: t("common.fieldRequired") }, message: t("common.formHasErrors") };
    // "me": take the ticket; "queue": back to the line's queue; else a colleague's id.
    const assigneeId = values.assigneeId === "me" ? actor.userId : values.assigneeId === "queue" ? null : values.assigneeId;
    await applyTicketAction({ actor, input: { ticketId: ticketId.data, action: { type: "assign", assigneeId } }, ctx: defaultContext() });
    revalidatePath("/arbeid");
    redirect(`/arbeid/saker/${ticketId.data}`);
  },
});

const BULK_FIELDS = ["kind", "assigneeId", "priority", "reason", "line", "workDone", "solution", "parentReference", "macroId"] as const;

function bulkActionOf(values: Record<string, string>): BulkActionInput["action"] | null {
  switch (values.kind) {
    case "assign":
      return values.assigneeId ? { type: "assign", assigneeId: values.assigneeId } : null;
    case "unassign":
      return { type: "assign", assigneeId: null };
    case "priority": {
      const priority = PrioritySchema.safeParse(values.priority);
      return priority.success ? { type: "priority", priority: priority.data, reason: values.reason ?? "" } : null;
    }
    case "escalate":
      return values.line === "L2" || values.line === "L3" ? { type: "escalate", line: values.line, workDone: values.workDone ?? "" } : null;
    case "resolve":
      return { type: "resolve", solution: values.solution ?? "" };
    case "resolveMacro":
      return values.macroId ? { type: "resolveWithMacro", macroId: values.macroId } : null;
    case "parent":
      return { type: "addToParent", parentReference: values.parentReference ?? "" };
    default:
      return null;
  }
}

const REASON_KEYS: Record<string, MessageKey> = {
  forbidden: "assignment.bulk.reason.forbidden",
  conflict: "assignment.bulk.reason.conflict",
  not_found: "assignment.bulk.reason.not_found",
};

/** The queue's bulk action: the result (done and failed, by reference) goes back as JSON in `result`. */
export const submitBulkAction = formAction({
  audience: "staff",
  fields: BULK_FIELDS,
  path: () => "/arbeid",
  refusal: { kind: "reason" },
  run: async ({ actor, t, values, form }): Promise<FormState> => {
    const ticketIds = form.getAll("ticketId").filter((v): v is string => typeof v === "string");
    if (ticketIds.length === 0) return { values, errors: {}, message: t("assignment.bulk.none"), result: null };
    const action = bulkActionOf(values);
    if (!action) return { values, errors: { kind: t("common.fieldRequired") }, message: t("common.formHasErrors"), result: null };
    const result: BulkActionResult = await bulkAction({ actor, input: { ticketIds, action }, ctx: defaultContext() });
    revalidatePath("/arbeid");
    // Each failure in the agent's language, with the use case's own words after it.
    const failed = result.failed.map((f) => ({ ...f, reason: `${t(REASON_KEYS[f.code] ?? "assignment.bulk.reason.other")} (${f.reason})` }));
    return { values: {}, errors: {}, message: null, result: JSON.stringify({ ...result, failed }) };
  },
});

const REGISTER_FIELDS = ["organizationId", "requesterId", "contactName", "contactEmail", "contactPhone", "contactInvite", "title", "description", "priority", "minutesAgo", "reason"] as const;

export const submitRegisterCall = formAction({
  audience: "staff",
  fields: REGISTER_FIELDS,
  path: () => "/arbeid/ny",
  refusal: { kind: "reason" },
  run: async ({ actor, t, values }) => {
    const minutes = values.minutesAgo?.trim() === "" ? 0 : Number(values.minutesAgo);
    if (!Number.isInteger(minutes) || minutes < 0) return { values, errors: { minutesAgo: t("common.fieldRequired") }, message: t("common.formHasErrors") };
    const newContact =
      values.requesterId === "new" ? { name: values.contactName ?? "", email: values.contactEmail ?? "", phone: values.contactPhone || null, invite: values.contactInvite === "on" } : null;
    const ticket = await registerCall({
      actor,
      input: {
        organizationId: values.organizationId ?? "",
        requesterId: values.requesterId && values.requesterId !== "new" ? values.requesterId : null,
        newContact,
        title: values.title ?? "",
        description: values.description ?? "",
        priority: PrioritySchema.safeParse(values.priority).data ?? "P3",
        minutesAgo: minutes,
        ...(values.reason ? { reason: values.reason } : {}),
      },
      ctx: defaultContext(),
    });
    revalidatePath("/arbeid");
    redirect(`/arbeid/saker/${ticket.id}?done=registered`);
  },
});
