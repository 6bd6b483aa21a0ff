/** One page of the ticket list, or the empty state. Loads its own data so the page can stream it. */
import Link from "next/link";
import type { Actor } from "@/lib/server/actor";
import { defaultContext, listTickets, type AudienceTicketView, type ListTicketsInput } from "@/lib/server/tickets";
import { searchTickets, type SnippetPart } from "@/lib/server/tickets/search-tickets";
import { SearchSnippet } from "@/components/search-snippet";
import type { Translate } from "@/lib/i18n";
import { formatWhen } from "@/lib/i18n/format";
import { ButtonLink } from "@/components/button-link";
import { ClockText } from "@/components/clock-text";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { AppError } from "@/lib/server/errors";
import { Pagination } from "@/components/pagination";
import { PriorityBadge } from "@/components/priority-badge";
import { StatusBadge } from "@/components/status-badge";

/** With `input.q`, the customer's search of their own tickets (issue 19): best match first, with where it matched. */
async function load(actor: Actor, input: ListTicketsInput): Promise<{ items: AudienceTicketView[]; nextCursor: string | null; snippets?: Map<string, SnippetPart[] | null> }> {
  if (!input.q) return listTickets({ actor, input, ctx: defaultContext() });
  const { q, status, priority, cursor, limit } = input;
  const found = await searchTickets({ actor, input: { q, status, priority, cursor, limit }, ctx: defaultContext() });
  return { items: found.items.map((hit) => hit.ticket), nextCursor: found.nextCursor, snippets: new Map(found.items.map((hit) => [hit.ticket.id, hit.snippet])) };
}

export async function TicketTable({ actor, input, query, t }: { actor: Actor; input: ListTicketsInput; query: URLSearchParams; t: Translate & { locale: "nb" | "en" } }) {
  let page: Awaited<ReturnType<typeof load>>;
  try {
    page = await load(actor, input);
  } catch (error) {
    // A cursor that decodes to nothing of ours: the caller's mistake, shown, never a 500.
    if (error instanceof AppError && error.code === "bad_request") return <ErrorMessage message={t("common.error.badListRequest")} />;
    throw error;
  }
  const { items, nextCursor, snippets } = page;
  const filtered = Boolean(input.q || input.status || input.priority);
  if (items.length === 0 && !input.cursor) {
    return filtered ? (
      <EmptyState
        title={t(input.q ? "search.portal.emptyTitle" : "portal.list.emptyFilteredTitle")}
        body={t(input.q ? "search.portal.emptyBody" : "portal.list.emptyFilteredBody")}
        action={<ButtonLink href="/saker">{t("portal.list.clearFilters")}</ButtonLink>}
      />
    ) : (
      <EmptyState
        title={t("portal.list.emptyTitle")}
        body={t("portal.list.emptyBody")}
        action={
          <ButtonLink tone="primary" href="/saker/ny">
            {t("portal.list.newTicket")}
          </ButtonLink>
        }
      />
    );
  }
  const now = new Date();
  const href = (cursor: string | null) => {
    const q = new URLSearchParams(query);
    q.delete("cursor");
    if (cursor) q.set("cursor", cursor);
    const s = q.toString();
    return s ? `/saker?${s}` : "/saker";
  };
  return (
    <div className="flex flex-col gap-4">
      <DataTable
        caption={t("portal.list.caption")}
        rows={items}
        rowKey={(ticket) => ticket.id}
        columns={[
          {
            label: t("portal.list.titleColumn"),
            cell: (ticket) => (
              <>
                <Link href={`/saker/${ticket.id}`} className="font-medium text-blue-800 underline underline-offset-2">
                  {ticket.title}
                </Link>
                <span className="block font-mono text-sm text-slate-700">{ticket.reference}</span>
                {snippets?.get(ticket.id) && <SearchSnippet parts={snippets.get(ticket.id)!} label={t("search.snippet")} />}
              </>
            ),
          },
          { label: t("portal.list.status"), cell: (ticket) => <StatusBadge status={ticket.status} locale={t.locale} /> },
          { label: t("portal.list.priority"), cell: (ticket) => <PriorityBadge priority={ticket.priority} locale={t.locale} /> },
          { label: t("portal.list.registered"), className: "whitespace-nowrap", cell: (ticket) => formatWhen(ticket.createdAt, now, t.locale) },
          { label: t("portal.list.clock"), className: "text-sm", cell: (ticket) => <ClockText clock={ticket.sla.response} now={now} locale={t.locale} /> },
        ]}
      />
      <Pagination
        label={t("common.pagination")}
        firstHref={input.cursor ? href(null) : null}
        firstLabel={t("common.previousPage")}
        nextHref={nextCursor ? href(nextCursor) : null}
        nextLabel={t("common.nextPage")}
      />
    </div>
  );
}
