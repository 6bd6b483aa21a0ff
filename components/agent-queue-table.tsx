/** One page of a queue: the tickets with least time left first, each with its live clock badge. */
import Link from "next/link";
import type { QueueItem } from "@/lib/server/tickets/list-queue";
import { t, type Locale } from "@/lib/i18n";
import { formatWhen } from "@/lib/i18n/format";
import { ClockBadge } from "./clock-badge";
import { PriorityBadge } from "./priority-badge";
import { StatusBadge } from "./status-badge";

export function AgentQueueTable({
  items,
  now,
  locale,
  selectForm,
}: {
  items: QueueItem[];
  now: Date;
  locale: Locale;
  /** Issue 19: a checkbox per row, in this form (the bulk actions'). */ selectForm?: string;
}) {
  const th = "px-3 py-2";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t(locale, "agent.queue.caption")}</caption>
        <thead className="border-b border-slate-300 text-sm text-slate-700">
          <tr>
            {selectForm && (
              <th scope="col" className={th}>
                <span className="sr-only">{t(locale, "assignment.bulk.title")}</span>
              </th>
            )}
            <th scope="col" className={th}>
              {t(locale, "agent.queue.clock")}
            </th>
            <th scope="col" className={th}>
              {t(locale, "agent.queue.ticket")}
            </th>
            <th scope="col" className={th}>
              {t(locale, "agent.queue.organization")}
            </th>
            <th scope="col" className={th}>
              {t(locale, "agent.queue.priority")}
            </th>
            <th scope="col" className={th}>
              {t(locale, "agent.queue.status")}
            </th>
            <th scope="col" className={th}>
              {t(locale, "agent.queue.line")}
            </th>
            <th scope="col" className={th}>
              {t(locale, "agent.queue.registered")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((ticket) => (
            <tr key={ticket.id} className="border-b border-slate-200 last:border-0" data-testid="queue-row" data-reference={ticket.reference}>
              {selectForm && (
                <td className="px-3 py-3">
                  <input
                    type="checkbox"
                    name="ticketId"
                    value={ticket.id}
                    form={selectForm}
                    className="h-5 w-5"
                    aria-label={t(locale, "assignment.bulk.select", { reference: ticket.reference })}
                    data-testid="select-ticket"
                  />
                </td>
              )}
              <td className="px-3 py-3">
                <ClockBadge clock={ticket.sla.response} warningThreshold={ticket.warningThreshold} locale={locale} renderedAt={now.toISOString()} />
              </td>
              <th scope="row" className="px-3 py-3 font-normal">
                <Link href={`/arbeid/saker/${ticket.id}`} className="font-medium text-blue-800 underline underline-offset-2">
                  {ticket.title}
                </Link>
                <span className="block font-mono text-sm text-slate-700">{ticket.reference}</span>
              </th>
              <td className="px-3 py-3">{ticket.organizationName}</td>
              <td className="px-3 py-3">
                <PriorityBadge priority={ticket.priority} locale={locale} />
              </td>
              <td className="px-3 py-3">
                <StatusBadge status={ticket.status} locale={locale} side="agent" />
              </td>
              <td className="whitespace-nowrap px-3 py-3">{t(locale, `agent.queue.line.${ticket.line}`)}</td>
              <td className="whitespace-nowrap px-3 py-3">{formatWhen(ticket.createdAt, now, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
