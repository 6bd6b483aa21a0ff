/** The public conversation of a ticket: messages with their author and time, and status changes as lines. */
import type { CustomerTicketView, TicketEventView } from "@/lib/server/tickets/schemas";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { AttachmentList } from "@/components/attachment-list";

const MESSAGES = new Set(["PUBLIC_REPLY", "PHONE_CALL_LOGGED", "SOLVED", "REOPENED"]);
const LINES: Record<string, MessageKey> = {
  CONFIRMED: "portal.event.CONFIRMED",
  CLOSED: "portal.event.CLOSED",
  PAUSED: "portal.event.PAUSED",
  RESUMED: "portal.event.RESUMED",
  TROUBLESHOOTING_STARTED: "portal.event.TROUBLESHOOTING_STARTED",
  PRIORITY_CHANGED: "portal.event.PRIORITY_CHANGED",
};
const TITLES: Record<string, MessageKey> = {
  PUBLIC_REPLY: "portal.event.PUBLIC_REPLY",
  PHONE_CALL_LOGGED: "portal.event.PHONE_CALL_LOGGED",
  SOLVED: "portal.event.SOLVED",
  REOPENED: "portal.event.REOPENED",
};

function author(e: TicketEventView, ticket: CustomerTicketView, me: string, locale: Locale): string {
  if (e.actorId === null) return t(locale, "portal.ticket.system");
  if (e.actorId === me) return t(locale, "portal.ticket.you");
  if (e.actorId === ticket.requesterId) return t(locale, "portal.ticket.requester");
  return t(locale, "portal.ticket.servicedesk");
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

export function Conversation({ ticket, events, me, now, locale }: { ticket: CustomerTicketView; events: TicketEventView[]; me: string; now: Date; locale: Locale }) {
  const registered = events.find((e) => e.type === "REGISTERED");
  return (
    <ol className="flex flex-col gap-4">
      <li className="rounded-lg border border-slate-300 bg-white p-4">
        <p className="text-sm text-slate-700">
          <span className="font-semibold text-slate-900">{registered ? author(registered, ticket, me, locale) : t(locale, "portal.ticket.requester")}</span> · {t(locale, "portal.event.REGISTERED")} ·{" "}
          <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt, now, locale)}</time>
        </p>
        <p className="mt-2 whitespace-pre-wrap break-words">{ticket.description}</p>
        <AttachmentList attachments={ticket.attachments} locale={locale} />
      </li>
      {events.map((e) => {
        const when = <time dateTime={e.at}>{formatDateTime(e.at, now, locale)}</time>;
        if (MESSAGES.has(e.type)) {
          const title = TITLES[e.type];
          return (
            <li key={e.id} className={`rounded-lg border p-4 ${e.type === "SOLVED" ? "border-green-700 bg-green-50" : "border-slate-300 bg-white"}`}>
              <p className="text-sm text-slate-700">
                <span className="font-semibold text-slate-900">{author(e, ticket, me, locale)}</span> · {title ? t(locale, title) : ""} · {when}
              </p>
              <p className="mt-2 whitespace-pre-wrap break-words">{text(e.data.body)}</p>
              <AttachmentList attachments={e.attachments} locale={locale} />
            </li>
          );
        }
        const line = LINES[e.type];
        if (!line) return null;
        return (
          <li key={e.id} className="px-4 text-sm text-slate-700">
            {t(locale, line)} · {when}
          </li>
        );
      })}
    </ol>
  );
}
