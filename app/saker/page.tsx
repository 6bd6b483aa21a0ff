/** /saker: "Mine saker" for an end user, "Saker" (the whole organisation, with filters) for a customer admin. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { ListTicketsSchema, PrioritySchema, TicketStatusSchema } from "@/lib/server/tickets/schemas";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { ButtonLink } from "@/components/button-link";
import { LoadingState } from "@/components/loading-state";
import { ErrorMessage } from "@/components/error-message";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { TicketFilters } from "./ticket-filters";
import { TicketTable } from "./ticket-table";
import { TicketSearch } from "./ticket-search";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "portal.list.mine") };
}

type Search = Promise<{ q?: string; status?: string; priority?: string; cursor?: string }>;

export default async function TicketsPage({ searchParams }: { searchParams: Search }) {
  const { actor, t } = await withSession("customer", "/saker");
  const search = await searchParams;
  const admin = actor.role === "CUSTOMER_ADMIN";
  const status = admin ? TicketStatusSchema.safeParse(search.status).data : undefined;
  const priority = admin ? PrioritySchema.safeParse(search.priority).data : undefined;
  const q = typeof search.q === "string" ? search.q.trim().slice(0, 200) || undefined : undefined;
  const parsed = ListTicketsSchema.safeParse({ q, status, priority, cursor: typeof search.cursor === "string" ? search.cursor.slice(0, 200) : undefined, limit: 20 });
  // A cursor that is not one of ours (or a NUL in the search) is shown as an error over the first page, never a 500.
  const input = parsed.success ? parsed.data : ListTicketsSchema.parse({ status, priority, limit: 20 });
  const query = new URLSearchParams();
  if (input.q) query.set("q", input.q);
  if (status) query.set("status", status);
  if (priority) query.set("priority", priority);
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <PageHeader
        title={t(admin ? "portal.list.all" : "portal.list.mine")}
        lead={t(admin ? "portal.list.allIntroPlain" : "portal.list.mineIntro")}
        actions={
          <ButtonLink tone="primary" href="/saker/ny">
            {t("portal.list.newTicket")}
          </ButtonLink>
        }
      />
      <TicketSearch q={input.q} keep={Object.fromEntries([...query.entries()].filter(([k]) => k !== "q"))} t={t} />
      {admin && <TicketFilters status={status} priority={priority} q={input.q} t={t} />}
      {!parsed.success && <ErrorMessage message={t("common.error.badListRequest")} />}
      <Suspense key={query.toString() + (input.cursor ?? "")} fallback={<LoadingState label={t("common.loading")} />}>
        <TicketTable actor={actor} input={input} query={query} t={t} />
      </Suspense>
    </main>
  );
}
