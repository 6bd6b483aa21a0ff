/**
 * A ticket's full history for staff: public replies, internal notes, phone calls, escalations with
 * the work done, and system events (SLA warnings and breaches, on-call pages), oldest first.
 */
import type { TicketEventView, TicketView } from "@/lib/server/tickets/schemas";
import { t, type Locale, type MessageKey, type MessageVars } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { Badge } from "./badge";
import { AttachmentList } from "./attachment-list";
import { ChannelBadge, MailHeaders, type MessageSourceView } from "./message-source";

const INTERNAL = new Set([
  "INTERNAL_NOTE",
  "ESCALATED",
  "RECLASSIFIED",
  "SECURITY_FLAGGED",
  "RCA_RECORDED",
  "TRIAGED",
  "ASSIGNED",
  "SLA_WARNING",
  "SLA_BREACHED",
  "BREACH_NOTICE_WARNING",
  "BREACH_NOTICE_BREACHED",
  "CUSTOMER_NOTIFIED_OF_BREACH",
  "LINKED",
  "UNLINKED",
  "MERGED_IN",
  "PARENT_SET",
  "CHILDREN_UPDATED",
]);
const ESCALATION_KINDS = new Set(["oncall_page", "oncall_ack", "p1_mobilised"]);
const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

const LINES = new Set(["L1", "L2", "L3"]);
/** "1. linje" for a line, as the queue names it; anything else as written. */
const lineName = (value: unknown, locale: Locale) => (typeof value === "string" && LINES.has(value) ? t(locale, `agent.queue.line.${value as "L1" | "L2" | "L3"}`) : text(value));

function heading(e: TicketEventView, locale: Locale, byCustomer: boolean): string {
  const d = e.data;
  const vars: MessageVars = { from: text(d.from), to: text(d.to), reason: text(d.reason), priority: text(d.priority) };
  // Written from the agent's side: the customer's reply is a reply from the customer, not to them.
  if (e.type === "PUBLIC_REPLY" && byCustomer) return t(locale, "workspace.event.PUBLIC_REPLY.customer");
  if (e.type === "ESCALATED") {
    if (typeof d.to === "string") return t(locale, "agent.event.ESCALATED.line", { from: lineName(d.from, locale), to: lineName(d.to, locale) });
    const kind = text(d.kind);
    return ESCALATION_KINDS.has(kind) ? t(locale, `agent.event.ESCALATED.${kind}` as MessageKey) : t(locale, "agent.event.ESCALATED");
  }
  // Issue 19: an assignment names the assignee, or says the ticket went back to its line's queue.
  if (e.type === "ASSIGNED" && "toName" in d) return d.to === null ? t(locale, "assignment.event.unassigned") : t(locale, "assignment.event.assigned", { name: text(d.toName) });
  if (e.type === "SLA_WARNING") return t(locale, "agent.event.SLA_WARNING", { percent: Math.round(Number(d.threshold ?? 0) * 100) });
  // Security incidents (issue 18): the breach-notice clock's events.
  if (e.type === "BREACH_NOTICE_WARNING") return t(locale, "security.event.BREACH_NOTICE_WARNING", { percent: Math.round(Number(d.threshold ?? 0) * 100) });
  if (e.type === "BREACH_NOTICE_BREACHED") return t(locale, "security.event.BREACH_NOTICE_BREACHED");
  if (e.type === "CUSTOMER_NOTIFIED_OF_BREACH")
    return t(locale, "security.event.CUSTOMER_NOTIFIED_OF_BREACH", { notifiedAt: typeof d.notifiedAt === "string" ? formatDateTime(d.notifiedAt, new Date(e.at), locale) : "" });
  const related = relatedHeading(e, locale);
  if (related) return related;
  const key = `agent.event.${e.type}` as MessageKey;
  const message = t(locale, key, vars);
  return message === key ? t(locale, "agent.event.other") : message;
}

const LINK_KINDS = new Set(["RELATED", "DUPLICATE", "CAUSED_BY"]);

/** Related tickets (issue 19): links, merges, parent and children, the expected solution. */
function relatedHeading(e: TicketEventView, locale: Locale): string | null {
  const d = e.data;
  switch (e.type) {
    case "LINKED": {
      const kind = text(d.kind);
      if (!LINK_KINDS.has(kind)) return null;
      const key = `related.link.${d.direction === "to" ? "to" : "from"}.${kind}` as MessageKey;
      return t(locale, "related.event.LINKED", { link: t(locale, key, { reference: text(d.otherReference) }) });
    }
    case "UNLINKED":
      return t(locale, "related.event.UNLINKED", { reference: text(d.otherReference) });
    case "MERGED":
      return t(locale, "related.event.MERGED", { reference: text(d.intoReference) });
    case "MERGED_IN":
      return t(locale, "related.event.MERGED_IN", { reference: text(d.fromReference) });
    case "PARENT_SET":
      if (d.role === "child")
        return typeof d.parentReference === "string"
          ? t(locale, "related.event.PARENT_SET.child", { reference: d.parentReference })
          : t(locale, "related.event.PARENT_SET.childRemoved", { reference: text(d.removedParentReference) });
      return typeof d.childReference === "string"
        ? t(locale, "related.event.PARENT_SET.parent", { reference: d.childReference })
        : t(locale, "related.event.PARENT_SET.parentRemoved", { reference: text(d.removedChildReference) });
    case "CHILDREN_UPDATED":
      return t(locale, "related.event.CHILDREN_UPDATED");
    case "EXPECTED_RESOLUTION_SET":
      return t(locale, "related.event.EXPECTED_RESOLUTION_SET", { when: typeof d.expectedAt === "string" ? formatDateTime(d.expectedAt, new Date(e.at), locale) : "" });
    default:
      return null;
  }
}

function body(e: TicketEventView): string {
  const d = e.data;
  if (e.type === "ESCALATED") return text(d.workDone);
  if (e.type === "RCA_RECORDED") return [text(d.rootCause), text(d.correctiveActions)].filter(Boolean).join("\n\n");
  if (e.type === "CUSTOMER_NOTIFIED_OF_BREACH") return text(d.message);
  if (e.type === "EXPECTED_RESOLUTION_SET") return text(d.note);
  if (e.type === "PAUSED" || e.type === "RECLASSIFIED" || e.type === "SECURITY_FLAGGED" || e.type === "PRIORITY_CHANGED") return "";
  return text(d.body);
}

function backdatedNote(e: TicketEventView, locale: Locale): string {
  const b = e.data.backdated;
  if (typeof b !== "object" || b === null) return "";
  const { minutes, reason } = b as Record<string, unknown>;
  return t(locale, "assignment.register.backdatedNote", { minutes: text(minutes), reason: text(reason) });
}

/** Who wrote an event, by name (colleagues and the customer alike); "you" for the reader. */
export type TimelineAuthors = Record<string, { name: string; staff: boolean }>;

function author(e: TicketEventView, ticket: TicketView, me: string, locale: Locale, authors: TimelineAuthors): string {
  if (e.actorId === null) return t(locale, "agent.timeline.system");
  if (e.actorId === me) return t(locale, "agent.timeline.you");
  const named = authors[e.actorId]?.name;
  if (named) return named;
  if (e.actorId === ticket.requesterId) return t(locale, "agent.timeline.requester");
  return t(locale, "agent.timeline.staff");
}

export function AgentTimeline({
  ticket,
  events,
  me,
  now,
  locale,
  sources = {},
  authors = {},
}: {
  ticket: TicketView;
  events: TicketEventView[];
  me: string;
  now: Date;
  locale: Locale;
  /** By event id: the channel each message came by, and the e-mail it came as. */
  sources?: Record<string, MessageSourceView>;
  /** By user id: the name of everyone who wrote an event (lib/server/tickets/ticket-people.ts). */
  authors?: TimelineAuthors;
}) {
  return (
    <ol className="flex flex-col gap-3" data-testid="timeline">
      {events.map((e) => {
        const internal = INTERNAL.has(e.type) || e.data.visibility === "INTERNAL";
        // Issue 19: a call registered with an earlier start says by how much and why.
        const content = e.type === "REGISTERED" ? [ticket.description, backdatedNote(e, locale)].filter(Boolean).join("\n\n") : body(e);
        const system = e.actorId === null;
        const source = sources[e.id];
        const byCustomer = e.actorId !== null && (authors[e.actorId] ? !authors[e.actorId]!.staff : e.actorId === ticket.requesterId);
        const tone =
          e.type === "SLA_BREACHED" || e.type === "BREACH_NOTICE_BREACHED"
            ? "border-red-700 bg-red-50"
            : internal
              ? "border-amber-600 bg-amber-50"
              : system
                ? "border-slate-300 bg-slate-100"
                : "border-slate-300 bg-white";
        return (
          <li key={e.id} data-event-type={e.type} data-event-id={e.id} className={`rounded-lg border p-3 ${tone}`}>
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-800">
              <span className="font-semibold text-slate-900">{author(e, ticket, me, locale, authors)}</span>
              <span>{heading(e, locale, byCustomer)}</span>
              <time dateTime={e.at}>{formatDateTime(e.at, now, locale)}</time>
              {source && <ChannelBadge channel={source.channel} locale={locale} />}
              {internal && <Badge tone="warning">{t(locale, "agent.timeline.internal")}</Badge>}
            </p>
            {source?.mail && <MailHeaders mail={source.mail} locale={locale} />}
            {content && <p className="mt-2 whitespace-pre-wrap break-words">{content}</p>}
            <AttachmentList attachments={e.attachments} locale={locale} />
          </li>
        );
      })}
    </ol>
  );
}
