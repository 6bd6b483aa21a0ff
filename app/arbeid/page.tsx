/** /arbeid: the servicedesk's queues — per line and "mine", least time left first, live. */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { PrioritySchema, SupportLineSchema, TicketStatusSchema } from "@/lib/server/tickets/schemas";
import { listQueue } from "@/lib/server/tickets/list-queue";
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
  const mine = one(search.mine) === "1";
  const askedLine = SupportLineSchema.safeParse(one(search.line)).data;
  const line = mine ? undefined : askedLine && lines.includes(askedLine) ? askedLine : (actor.supportLine ?? "L1");
  const status = TicketStatusSchema.safeParse(one(search.status)).data;
  const priority = PrioritySchema.safeParse(one(search.priority)).data;
  const q = one(search.q)?.trim().slice(0, 200) || undefined;
  const cursor = one(search.cursor)?.slice(0, 50);
  let items: Awaited<ReturnType<typeof listQueue>>["items"] = [];
  let nextCursor: string | null = null;
  let listError: string | null = null;
  try {
    ({ items, nextCursor } = await listQueue({ actor, input: { line, mine, search: q, status, priority, cursor, limit: 25 }, ctx: await readContext() }));
  } catch (error) {
    // A garbage cursor or a NUL in the search is the caller's mistake: say so, never a 500.
    if (!(error instanceof AppError && error.code === "bad_request")) throw error;
    listError = t("common.error.badListRequest");
  }
  const now = new Date();
  const unknownSenders = await countUnknownSenderMail({ actor, ctx: await readContext() });

  const base: Record<string, string> = mine ? { mine: "1" } : { line: line ?? "L1" };
  const href = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries({ ...base, q, status, priority, ...extra }).filter((e): e is [string, string] => Boolean(e[1])));
    return `/arbeid?${params.toString()}`;
  };
  const escalated = one(search.eskalert);
  const escalatedTo = SupportLineSchema.safeParse(one(search.linje)).data;
  const any = { value: "", label: t("agent.queue.filterAny") };
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
      <AgentQueueTabs
        label={t("agent.queue.tabs")}
        tabs={[
          ...lines.map((l) => ({ href: `/arbeid?line=${l}`, label: t(`agent.queue.line.${l}`), current: !mine && line === l })),
          { href: "/arbeid?mine=1", label: t("agent.queue.mine"), current: mine },
        ]}
      />
      <AgentQueueFilters
        hidden={base}
        search={q}
        status={status}
        priority={priority}
        clearHref={`/arbeid?${new URLSearchParams(base).toString()}`}
        statusOptions={[{ value: "", label: t("agent.queue.status.open") }, ...TicketStatusSchema.options.map((s) => ({ value: s, label: t(`common.status.${s}`) }))]}
        priorityOptions={[any, ...PrioritySchema.options.map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` }))]}
        text={{
          label: t("agent.queue.filters"),
          search: t("agent.queue.search"),
          searchHelp: t("agent.queue.searchHelp"),
          status: t("agent.queue.status"),
          priority: t("agent.queue.priority"),
          apply: t("agent.queue.apply"),
          clear: t("agent.queue.clear"),
        }}
      />
      <AgentLiveRefresh label={t("agent.queue.live")} />
      {/* Issue 19: kept mounted when the acted-on tickets leave the page, so its result stays shown. */}
      <QueueBulkActions t={t} actor={actor} />
      {items.length === 0 && !cursor ? (
        q || status || priority ? (
          <EmptyState title={t("agent.queue.emptyFilteredTitle")} body={t("agent.queue.emptyFilteredBody")} />
        ) : (
          <EmptyState title={t("agent.queue.emptyTitle")} body={t("agent.queue.emptyBody")} />
        )
      ) : (
        <AgentQueueTable items={items} now={now} locale={t.locale} selectForm={BULK_FORM} />
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
