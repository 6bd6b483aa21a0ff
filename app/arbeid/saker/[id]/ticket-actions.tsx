/**
 * The ticket's actions besides the composer (issue 19): state changes that meet a target or change
 * the status (take the ticket, start troubleshooting, start the clock again) ask for confirmation
 * in a dialog, also when reached by their key; the rest (phone call, escalate, priority, take out of
 * the SLA, security flag, root cause) open their form in a dialog instead of being stacked on the page.
 */
import type { TicketEventView, TicketView } from "@/lib/server/tickets/schemas";
import { PrioritySchema } from "@/lib/server/tickets/schemas";
import { ACTIVE } from "@/lib/server/tickets/actions/action-context";
import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n";
import { AgentActionForm, type AgentActionFormProps } from "@/components/agent-action-form";
import { ActionDialog } from "@/components/action-dialog";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { submitAgentAction } from "../../actions";
import { confirmAgentAction } from "./actions";

export const HIGHER = { L1: ["L2", "L3"], L2: ["L3"], L3: [] } as const;

export function TicketActions({ ticket, events, t }: { ticket: TicketView; events: TicketEventView[]; t: Translate }) {
  const active = ACTIVE.includes(ticket.status);
  const started = events.some((e) => e.type === "TROUBLESHOOTING_STARTED");
  const pending = t("agent.actions.pending");
  const form = (p: Omit<AgentActionFormProps, "formAction" | "ticketId" | "pending">) => <AgentActionForm key={p.type} formAction={submitAgentAction} ticketId={ticket.id} pending={pending} {...p} />;
  const close = t("workspace.confirm.cancel");
  const confirm = (type: "triage" | "start" | "resume", label: string, body: string, shortcut?: string) => (
    <ConfirmDialog
      key={type}
      action={confirmAgentAction}
      hidden={{ ticketId: ticket.id, type }}
      label={label}
      title={label}
      body={body}
      confirm={t("workspace.confirm.ok")}
      cancel={close}
      tone="primary"
      shortcut={shortcut}
    />
  );
  const dialog = (label: string, content: ReactNode, shortcut?: string, tone?: "secondary" | "danger") => (
    <ActionDialog key={label} label={label} title={label} shortcut={shortcut} tone={tone} close={close}>
      {content}
    </ActionDialog>
  );

  const stateChanges = [
    ticket.status === "NEW" && confirm("triage", t("agent.action.triage.submit"), t("workspace.confirm.triage")),
    active && !started && confirm("start", t("agent.action.start.submit"), t("workspace.confirm.start"), "s"),
    ticket.status === "WAITING_FOR_CUSTOMER" && confirm("resume", t("agent.action.resume.submit"), t("workspace.confirm.resume")),
  ];
  const dialogs = [
    dialog(
      t("agent.action.phone.title"),
      form({
        type: "phone",
        title: t("agent.action.phone.title"),
        fields: [
          { name: "body", label: t("agent.action.phone.body"), rows: 3, required: true },
          {
            name: "visibility",
            label: t("agent.action.phone.visibility"),
            options: [
              { value: "PUBLIC", label: t("agent.action.phone.public") },
              { value: "INTERNAL", label: t("agent.action.phone.internal") },
            ],
          },
        ],
        submit: t("agent.action.phone.submit"),
      }),
      "t",
    ),
    active &&
      HIGHER[ticket.line].length > 0 &&
      dialog(
        t("agent.action.escalate.title"),
        form({
          type: "escalate",
          title: t("agent.action.escalate.title"),
          fields: [
            { name: "line", label: t("agent.action.escalate.line"), options: HIGHER[ticket.line].map((l) => ({ value: l, label: t(`agent.queue.line.${l}`) })) },
            { name: "workDone", label: t("agent.action.escalate.workDone"), help: t("agent.action.escalate.workDoneHelp"), rows: 4, required: true },
          ],
          submit: t("agent.action.escalate.submit"),
        }),
        "e",
      ),
    active &&
      dialog(
        t("agent.action.priority.title"),
        form({
          type: "priority",
          title: t("agent.action.priority.title"),
          help: t("agent.action.priority.help"),
          fields: [
            {
              name: "priority",
              label: t("agent.action.priority.priority"),
              // Nothing preselected: the agent picks the new priority on purpose.
              options: [
                { value: "", label: t("workspace.priority.choose") },
                ...PrioritySchema.options.filter((p) => p !== ticket.priority).map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` })),
              ],
            },
            { name: "reason", label: t("agent.action.priority.reason"), rows: 2, required: true },
          ],
          submit: t("agent.action.priority.submit"),
        }),
        "p",
      ),
    ticket.status !== "CLOSED" &&
      !ticket.slaExclusionReason &&
      dialog(
        t("agent.action.reclassify.title"),
        form({
          type: "reclassify",
          title: t("agent.action.reclassify.title"),
          fields: [{ name: "reason", label: t("agent.action.reclassify.reason"), rows: 2, required: true }],
          submit: t("agent.action.reclassify.submit"),
        }),
      ),
    ticket.status !== "CLOSED" &&
      !ticket.securityIncident &&
      dialog(
        t("agent.action.flag_security.title"),
        form({
          type: "flag_security",
          title: t("agent.action.flag_security.title"),
          fields: [{ name: "reason", label: t("agent.action.flag_security.reason"), rows: 2, required: true }],
          submit: t("agent.action.flag_security.submit"),
          tone: "danger",
        }),
        undefined,
        "danger",
      ),
    ticket.securityIncident &&
      dialog(
        t("agent.action.rca.title"),
        form({
          type: "rca",
          title: t("agent.action.rca.title"),
          fields: [
            { name: "rootCause", label: t("agent.action.rca.rootCause"), rows: 3, required: true },
            { name: "correctiveActions", label: t("agent.action.rca.correctiveActions"), rows: 3, required: true },
          ],
          submit: t("agent.action.rca.submit"),
        }),
      ),
  ];
  // Security incidents (issue 18): recording the notice of a personal-data breach stops its clock; shown in full while it is due.
  const notified = events.some((e) => e.type === "CUSTOMER_NOTIFIED_OF_BREACH");
  const notice =
    ticket.securityIncident &&
    !notified &&
    form({
      type: "notify_customer",
      title: t("security.notify.title"),
      fields: [
        { name: "message", label: t("security.notify.message"), rows: 4, required: true },
        { name: "notifiedAt", label: t("security.notify.notifiedAt"), input: "datetime-local" },
      ],
      submit: t("security.notify.submit"),
      tone: "danger",
    });
  return (
    <div className="flex flex-col gap-3">
      {notice}
      {stateChanges.some(Boolean) && <div className="flex flex-wrap gap-2">{stateChanges}</div>}
      <div className="flex flex-col gap-2" data-testid="action-menu">
        {dialogs}
      </div>
    </div>
  );
}
