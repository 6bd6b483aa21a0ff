/** The queue's bulk actions (issue 19): the form the rows' checkboxes join, with its choices in the agent's language. */
import type { Actor } from "@/lib/server/actor";
import type { Translate } from "@/lib/i18n";
import { defaultContext } from "@/lib/server/tickets";
import { listAssignees } from "@/lib/server/tickets/list-assignees";
import { listMacros } from "@/lib/server/macros/list-macros";
import { PrioritySchema } from "@/lib/server/tickets/schemas";
import { BulkActions } from "@/components/bulk-actions";
import { submitBulkAction } from "./workspace-actions";

export const BULK_FORM = "bulk-form";

export async function QueueBulkActions({ actor, t }: { actor: Actor; t: Translate }) {
  const ctx = defaultContext();
  const [staff, macros] = await Promise.all([listAssignees({ actor, input: {}, ctx }), listMacros({ actor, ctx })]);
  return (
    <BulkActions
      formId={BULK_FORM}
      formAction={submitBulkAction}
      assignees={staff.map((s) => ({ value: s.id, label: s.supportLine ? `${s.name} (${t(`agent.queue.line.${s.supportLine}`)})` : s.name }))}
      priorities={PrioritySchema.options.map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` }))}
      lines={(["L2", "L3"] as const).map((l) => ({ value: l, label: t(`agent.queue.line.${l}`) }))}
      macros={macros.map((m) => ({ value: m.id, label: m.title }))}
      text={{
        title: t("assignment.bulk.title"),
        selectAll: t("assignment.bulk.selectAll"),
        action: t("assignment.bulk.action"),
        // Solving with a macro needs one to choose from.
        actions: (["assign", "unassign", "priority", "escalate", "parent", "resolve", ...(macros.length ? (["resolveMacro"] as const) : [])] as const).map((k) => ({
          value: k,
          label: t(`assignment.bulk.action.${k}`),
        })),
        assignee: t("assignment.bulk.assignee"),
        priority: t("assignment.bulk.priority"),
        reason: t("assignment.bulk.reason"),
        line: t("assignment.bulk.line"),
        workDone: t("assignment.bulk.workDone"),
        solution: t("assignment.bulk.solution"),
        parentReference: t("assignment.bulk.parentReference"),
        macro: t("assignment.bulk.macro"),
        submit: t("assignment.bulk.submit"),
        pending: t("assignment.bulk.pending"),
        confirmSolve: t("assignment.bulk.confirmSolve", { count: "{count}" }),
        confirm: t("assignment.bulk.confirm"),
        cancel: t("assignment.bulk.cancel"),
        done: t("assignment.bulk.done", { count: "{count}", references: "{references}" }),
        failed: t("assignment.bulk.failed", { count: "{count}" }),
        unknownTicket: t("assignment.bulk.unknownTicket"),
      }}
    />
  );
}
