/** /arbeid: the servicedesk's queues — per line and "mine", least time left first, live. */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { PrioritySchema, SupportLineSchema, TicketStatusSchema } from "@/lib/server/tickets/schemas";
import { listQueue, type QueueItem } from "@/lib/server/tickets/list-queue";
import { searchQueue, type SnippetPart } from "@/lib/server/tickets/search-tickets";
import { QUEUE_PARAMS, queueQueryString, readQueueQuery } from "@/lib/server/tickets/queue-query";
import { listSavedViews } from "@/lib/server/tickets/saved-views/list-saved-views";
import { listQueueFilterOptions } from "@/lib/server/tickets/queue-filter-options";
import { SavedViews } from "@/components/saved-views";
import { submitDeleteView, submitSaveView } from "./saved-view-actions";
import { readContext } from "@/lib/server/tickets";
import { AgentLiveRefresh } from "@/components/agent-live-refresh";
import { AgentQueueFilters } from "@/components/agent-queue-filters";
import { AgentQueueTable } from "@/components/agent-queue-table";
import { AgentQueueTabs } from "@/components/agent-queue-tabs";
import { AgentShortcuts } from "@/components/agent-shortcuts";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusMessage } from "@/components/status-message";
import { ErrorMessage } from "@/components/error-message";
import { AppError } from "@/lib/server/errors";
import { withSession } from "@/lib/server/http/session";
import { countUnknownSenderMail } from "@/lib/server/agent-mail";
import { ButtonLink } from "@/components/button-link";
import { BULK_FORM, QueueBulkActions } from "./queue-bulk-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "agent.queue.title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function QueuePage({ searchParams }: { searchParams: Search }) {
  const { actor, t } = await withSession("staff", "/arbeid");
  const search = await searchParams;
  // Issue 19: staff read every line's queue; the line decides whose queue a ticket is in, not who may read it.
  const lines = SupportLineSchema.options;
  const asked = readQueueQuery(search);
  const { q, mine, filters } = asked;
  const askedLine = filters.line && lines.includes(filters.line) ? filters.line : undefined;
  // The tab's line; "" (or a search without one) means every line the agent may see.
  const line = mine || asked.lineParam === "" || (q && asked.lineParam === undefined) ? askedLine : (askedLine ?? actor.supportLine ?? "L1");
  const cursor = one(search.cursor)?.slice(0, 50);
  const ctx = await readContext();
  let items: QueueItem[] = [];
  let snippets: Record<string, SnippetPart[] | null> | undefined;
  let nextCursor: string | null = null;
  let listError: string | null = null;
  try {
    if (q) {
      const found = await searchQueue({ actor, input: { ...filters, q, line, assigneeId: mine ? actor.userId : filters.assigneeId, cursor, limit: 25 }, ctx });
      items = found.items.map((hit) => hit.ticket);
      snippets = Object.fromEntries(found.items.map((hit) => [hit.ticket.id, hit.snippet]));
      nextCursor = found.nextCursor;
    } else {
      ({ items, nextCursor } = await listQueue({ actor, input: { ...filters, line, mine, cursor, limit: 25 }, ctx }));
    }
  } catch (error) {
    // A garbage cursor or a NUL in the search is the caller's mistake: say so, never a 500.
    if (!(error instanceof AppError && error.code === "bad_request")) throw error;
    listError = t("common.error.badListRequest");
  }
  const now = new Date();
  const [unknownSenders, views, options] = await Promise.all([countUnknownSenderMail({ actor, ctx }), listSavedViews({ actor, ctx }), listQueueFilterOptions({ actor, ctx })]);

  // What the page shows now, as a query string: for the pages, saving a view and coming back after a deletion.
  const currentQuery = queueQueryString({
    ...(mine ? { mine: "1" } : { line: line ?? "" }),
    q,
    [QUEUE_PARAMS.organizationId]: filters.organizationId,
    status: filters.status,
    priority: filters.priority,
    [QUEUE_PARAMS.assigneeId]: filters.assigneeId,
    [QUEUE_PARAMS.registeredFrom]: filters.registeredFrom,
    [QUEUE_PARAMS.registeredTo]: filters.registeredTo,
  });
  const href = (extra: Record<string, string>) => `/arbeid?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(currentQuery)), ...extra }).toString()}`;
  const escalated = one(search.eskalert);
  const escalatedTo = SupportLineSchema.safeParse(one(search.linje)).data;
  const savedView = views.find((v) => v.id === one(search.lagret));
  const viewNotice = one(search.visning);
  const any = { value: "", label: t("agent.queue.filterAny") };
  const lineName = (l: string) => t(`agent.queue.line.${SupportLineSchema.parse(l)}`);
  const filtered = Boolean(q || filters.status || filters.priority || filters.organizationId || filters.assigneeId || filters.registeredFrom || filters.registeredTo);
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-8 sm:px-6">
      <PageHeader
        title={t("agent.queue.title")}
        lead={t("agent.queue.intro")}
        actions={
          <>
            <ButtonLink href="/arbeid/ny" data-testid="register-call-link">
              {t("assignment.register.link")}
            </ButtonLink>
            <ButtonLink href="/arbeid/ukjent-avsender" data-testid="unknown-sender-link" tone={unknownSenders > 0 ? "primary" : "secondary"}>
              {t("mailUi.unknown.link", { count: unknownSenders })}
            </ButtonLink>
          </>
        }
      />
      {listError && <ErrorMessage message={listError} />}
      {escalated && escalatedTo && <StatusMessage message={t("agent.queue.escalated", { reference: escalated.slice(0, 40), line: t(`agent.queue.line.${escalatedTo}`) })} />}
      {savedView && <StatusMessage message={t("search.views.saved", { name: savedView.name })} />}
      {viewNotice === "slettet" && <StatusMessage message={t("search.views.deleted")} />}
      {viewNotice === "feil" && <ErrorMessage message={t("search.views.invalid")} />}
      <AgentQueueTabs
        label={t("agent.queue.tabs")}
        tabs={[
          ...lines.map((l) => ({ href: `/arbeid?line=${l}`, label: t(`agent.queue.line.${l}`), current: !mine && !q && !filtered && line === l })),
          { href: "/arbeid?mine=1", label: t("agent.queue.mine"), current: mine },
        ]}
      />
      <SavedViews
        views={views}
        currentQuery={currentQuery}
        shareOptions={[
          { value: "", label: t("search.views.mine") },
          ...(actor.role === "PROVIDER_ADMIN" ? SupportLineSchema.options : actor.role === "AGENT" && actor.supportLine ? [actor.supportLine] : []).map((l) => ({
            value: l,
            label: t("search.views.shared", { line: lineName(l) }),
          })),
        ]}
        lineName={lineName}
        saveAction={submitSaveView}
        deleteAction={submitDeleteView}
        text={{
          title: t("search.views.title"),
          none: t("search.views.none"),
          save: t("search.views.save"),
          saveButton: t("search.views.saveButton"),
          name: t("search.views.name"),
          shareWith: t("search.views.shareWith"),
          delete: t("search.views.delete"),
          deleteLabel: (name) => t("search.views.deleteLabel", { name }),
          deleteTitle: (name) => t("search.views.deleteTitle", { name }),
          deleteBody: t("search.views.deleteBody"),
          cancel: t("search.views.cancel"),
          shared: (l) => t("search.views.shared", { line: l }),
        }}
      />
      <AgentQueueFilters
        hidden={mine ? { mine: "1" } : {}}
        search={q}
        clearHref={mine ? "/arbeid?mine=1" : `/arbeid?line=${line ?? ""}`}
        selects={[
          { name: "line", label: t("search.line"), value: line ?? "", options: [{ value: "", label: t("search.allLines") }, ...lines.map((l) => ({ value: l, label: t(`agent.queue.line.${l}`) }))] },
          {
            name: "status",
            label: t("agent.queue.status"),
            value: filters.status,
            options: [{ value: "", label: q ? t("agent.queue.filterAny") : t("agent.queue.status.open") }, ...TicketStatusSchema.options.map((s) => ({ value: s, label: t(`common.status.${s}`) }))],
          },
          {
            name: "priority",
            label: t("agent.queue.priority"),
            value: filters.priority,
            options: [any, ...PrioritySchema.options.map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` }))],
          },
          {
            name: QUEUE_PARAMS.organizationId,
            label: t("search.organization"),
            value: filters.organizationId,
            options: [{ value: "", label: t("search.anyOrganization") }, ...options.organizations.map((o) => ({ value: o.id, label: o.name }))],
          },
          ...(mine
            ? []
            : [
                {
                  name: QUEUE_PARAMS.assigneeId,
                  label: t("search.assignee"),
                  value: filters.assigneeId,
                  options: [{ value: "", label: t("search.anyAssignee") }, { value: "none", label: t("search.unassigned") }, ...options.assignees.map((a) => ({ value: a.id, label: a.name }))],
                },
              ]),
        ]}
        dates={[
          { name: QUEUE_PARAMS.registeredFrom, label: t("search.from"), value: filters.registeredFrom },
          { name: QUEUE_PARAMS.registeredTo, label: t("search.to"), value: filters.registeredTo },
        ]}
        text={{ label: t("agent.queue.filters"), search: t("agent.queue.search"), searchHelp: t("search.help"), apply: t("agent.queue.apply"), clear: t("agent.queue.clear") }}
      />
      {q && (
        <p className="text-slate-700" data-testid="search-results-for">
          {t("search.resultsFor", { q })}
        </p>
      )}
      <AgentLiveRefresh label={t("agent.queue.live")} />
      {/* Issue 19: kept mounted when the acted-on tickets leave the page, so its result stays shown. */}
      <QueueBulkActions t={t} actor={actor} />
      {items.length === 0 && !cursor ? (
        filtered ? (
          <EmptyState title={t("agent.queue.emptyFilteredTitle")} body={t("agent.queue.emptyFilteredBody")} />
        ) : (
          <EmptyState title={t("agent.queue.emptyTitle")} body={t("agent.queue.emptyBody")} />
        )
      ) : (
        <AgentQueueTable items={items} now={now} locale={t.locale} selectForm={BULK_FORM} snippets={snippets} />
      )}
      <Pagination
        label={t("common.pagination")}
        firstHref={cursor ? href({}) : null}
        firstLabel={t("common.previousPage")}
        nextHref={nextCursor ? href({ cursor: nextCursor }) : null}
        nextLabel={t("common.nextPage")}
      />
      <AgentShortcuts title={t("agent.shortcuts.title")} intro={t("agent.shortcuts.intro")} shortcuts={[{ key: "/", label: t("agent.shortcuts.slash") }]} />
    </main>
  );
}
