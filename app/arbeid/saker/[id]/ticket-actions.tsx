/**
 * Every action an agent can take on the ticket in its current state, each its own form. The
 * frequent ones come first and carry keyboard shortcuts; the rare ones sit under "More actions".
 */
import type { TicketEventView, TicketView } from "@/lib/server/tickets/schemas";
import { PrioritySchema } from "@/lib/server/tickets/schemas";
import type { Translate } from "@/lib/i18n";
import { AgentActionForm, type AgentActionFormProps } from "@/components/agent-action-form";
import { submitAgentAction } from "../../actions";
import type { FilePickerText } from "@/components/file-picker";

const ACTIVE = new Set(["NEW", "OPEN", "IN_PROGRESS", "WAITING_FOR_CUSTOMER"]);
const HIGHER = { L1: ["L2", "L3"], L2: ["L3"], L3: [] } as const;

export function TicketActions({ ticket, events, t, files }: { ticket: TicketView; events: TicketEventView[]; t: Translate; files: FilePickerText }) {
  const active = ACTIVE.has(ticket.status);
  const started = events.some((e) => e.type === "TROUBLESHOOTING_STARTED");
  const pending = t("agent.actions.pending");
  const form = (p: Omit<AgentActionFormProps, "formAction" | "ticketId" | "pending">) => <AgentActionForm key={p.type} formAction={submitAgentAction} ticketId={ticket.id} pending={pending} {...p} />;
  const frequent = [
    ticket.status === "NEW" && form({ type: "triage", title: t("agent.action.triage.title"), fields: [], submit: t("agent.action.triage.submit"), tone: "secondary" }),
    active && !started && form({ type: "start", title: t("agent.action.start.title"), help: t("agent.action.start.help"), fields: [], submit: t("agent.action.start.submit"), shortcut: "s" }),
    ticket.status === "WAITING_FOR_CUSTOMER" &&
      form({ type: "resume", title: t("agent.action.resume.title"), help: t("agent.action.resume.help"), fields: [], submit: t("agent.action.resume.submit") }),
    active &&
      form({
        type: "reply",
        title: t("agent.action.reply.title"),
        fields: [{ name: "body", label: t("agent.action.reply.body"), rows: 4, required: true, shortcut: "r" }],
        submit: t("agent.action.reply.submit"),
        files,
      }),
    form({
      type: "note",
      title: t("agent.action.note.title"),
      fields: [{ name: "body", label: t("agent.action.note.body"), rows: 3, required: true, shortcut: "n" }],
      submit: t("agent.action.note.submit"),
      tone: "secondary",
      files,
    }),
    form({
      type: "phone",
      title: t("agent.action.phone.title"),
      fields: [
        { name: "body", label: t("agent.action.phone.body"), rows: 3, required: true, shortcut: "t" },
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
      tone: "secondary",
    }),
    active &&
      HIGHER[ticket.line].length > 0 &&
      form({
        type: "escalate",
        title: t("agent.action.escalate.title"),
        fields: [
          { name: "line", label: t("agent.action.escalate.line"), options: HIGHER[ticket.line].map((l) => ({ value: l, label: t(`agent.queue.line.${l}`) })) },
          { name: "workDone", label: t("agent.action.escalate.workDone"), help: t("agent.action.escalate.workDoneHelp"), rows: 4, required: true, shortcut: "e" },
        ],
        submit: t("agent.action.escalate.submit"),
      }),
    active &&
      form({
        type: "priority",
        title: t("agent.action.priority.title"),
        help: t("agent.action.priority.help"),
        fields: [
          {
            name: "priority",
            label: t("agent.action.priority.priority"),
            options: PrioritySchema.options.filter((p) => p !== ticket.priority).map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` })),
            shortcut: "p",
          },
          { name: "reason", label: t("agent.action.priority.reason"), rows: 2, required: true },
        ],
        submit: t("agent.action.priority.submit"),
        tone: "secondary",
      }),
    active &&
      ticket.status !== "WAITING_FOR_CUSTOMER" &&
      form({
        type: "wait",
        title: t("agent.action.wait.title"),
        help: t("agent.action.wait.help"),
        fields: [
          { name: "reason", label: t("agent.action.wait.reason"), rows: 2, required: true, shortcut: "w" },
          { name: "message", label: t("agent.action.wait.message"), rows: 3 },
        ],
        submit: t("agent.action.wait.submit"),
        tone: "secondary",
      }),
    active &&
      form({
        type: "resolve",
        title: t("agent.action.resolve.title"),
        fields: [{ name: "solution", label: t("agent.action.resolve.solution"), rows: 4, required: true, shortcut: "l" }],
        submit: t("agent.action.resolve.submit"),
        files,
      }),
  ];
  const rare = [
    ticket.status !== "CLOSED" &&
      !ticket.slaExclusionReason &&
      form({
        type: "reclassify",
        title: t("agent.action.reclassify.title"),
        fields: [{ name: "reason", label: t("agent.action.reclassify.reason"), rows: 2, required: true }],
        submit: t("agent.action.reclassify.submit"),
        tone: "secondary",
      }),
    ticket.status !== "CLOSED" &&
      !ticket.securityIncident &&
      form({
        type: "flag_security",
        title: t("agent.action.flag_security.title"),
        fields: [{ name: "reason", label: t("agent.action.flag_security.reason"), rows: 2, required: true }],
        submit: t("agent.action.flag_security.submit"),
        tone: "danger",
      }),
    ticket.securityIncident &&
      form({
        type: "rca",
        title: t("agent.action.rca.title"),
        fields: [
          { name: "rootCause", label: t("agent.action.rca.rootCause"), rows: 3, required: true },
          { name: "correctiveActions", label: t("agent.action.rca.correctiveActions"), rows: 3, required: true },
        ],
        submit: t("agent.action.rca.submit"),
      }),
  ];
  // Security incidents (issue 18): recording the notice of a personal-data breach stops its clock; shown first while it is due.
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
    <div className="flex flex-col gap-4">
      {notice}
      {frequent}
      {rare.some(Boolean) && (
        <details className="rounded-lg border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t("agent.actions.more")}</summary>
          <div className="mt-3 flex flex-col gap-4">{rare}</div>
        </details>
      )}
    </div>
  );
}
