/** /vakt: the on-call person's page — escalations waiting for them with "acknowledge", and their rota. */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { t as translate, type MessageKey } from "@/lib/i18n";
import { db } from "@/lib/server/db/prisma";
import { listPagesFor } from "@/lib/server/oncall";
import { ROTA_DAYS_AHEAD } from "@/lib/server/oncall/list-pages";
import { AgentLiveRefresh } from "@/components/agent-live-refresh";
import { EmptyState } from "@/components/empty-state";
import { ErrorMessage } from "@/components/error-message";
import { OncallPageList } from "@/components/oncall-page-list";
import { OncallRota } from "@/components/oncall-rota";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { acknowledgeFromApp } from "./actions";
import { CalendarLinkForm } from "@/components/calendar-link-form";
import { calendarTokenMadeAt } from "@/lib/server/oncall";
import { formatDate } from "@/lib/i18n/format";
import { submitCalendarLink } from "../admin/vakt/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "oncall.title") };
}

const ANSWERS: Record<string, MessageKey> = { acknowledged: "oncall.pages.acknowledged", already_acknowledged: "oncall.pages.already" };
const REFUSALS: Record<string, MessageKey> = { not_found: "oncall.pages.unknown", conflict: "oncall.pages.expired" };

export default async function OncallPage({ searchParams }: { searchParams: Promise<{ svar?: string; sak?: string; feil?: string }> }) {
  const { actor, t } = await withSession("staff", "/vakt");
  const search = await searchParams;
  const now = new Date();
  const [{ pages, shifts }, linkMadeAt] = await Promise.all([listPagesFor({ prisma: db(), actor, now }), calendarTokenMadeAt(db(), actor.userId)]);
  const answer = search.svar ? ANSWERS[search.svar] : undefined;
  const refusal = search.feil ? (REFUSALS[search.feil] ?? "common.error.unexpected") : undefined;
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader title={t("oncall.title")} lead={t("oncall.intro")} />
      {answer && <StatusMessage message={t(answer, { reference: (search.sak ?? "").slice(0, 40) })} />}
      {refusal && <ErrorMessage message={t("oncall.pages.refused", { reason: t(refusal) })} />}
      <section aria-labelledby="pages-heading" className="flex flex-col gap-3">
        <h2 id="pages-heading" className="text-xl font-semibold">
          {t("oncall.pages.title")}
        </h2>
        {pages.length ? (
          <OncallPageList pages={pages} now={now} locale={t.locale} acknowledge={acknowledgeFromApp} />
        ) : (
          <EmptyState title={t("oncall.pages.emptyTitle")} body={t("oncall.pages.emptyBody")} />
        )}
        <AgentLiveRefresh label={t("oncall.live")} />
      </section>
      <section aria-labelledby="rota-heading" className="flex flex-col gap-3">
        <h2 id="rota-heading" className="text-xl font-semibold">
          {t("oncall.rota.title")}
        </h2>
        {shifts.length ? (
          <OncallRota shifts={shifts} days={ROTA_DAYS_AHEAD} now={now} locale={t.locale} />
        ) : (
          <EmptyState title={t("oncall.rota.emptyTitle", { days: ROTA_DAYS_AHEAD })} body={t("oncall.rota.emptyBody")} />
        )}
      </section>
      <section aria-labelledby="calendar-heading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="calendar-heading" className="text-xl font-semibold">
          {t("rota.calendar.title")}
        </h2>
        <p className="text-slate-700">{t("rota.calendar.body")}</p>
        <p className="text-slate-700">{linkMadeAt ? t("rota.calendar.has", { date: formatDate(linkMadeAt, now, t.locale) }) : t("rota.calendar.hasNone")}</p>
        <CalendarLinkForm action={submitCalendarLink} text={{ submit: t("rota.calendar.make"), pending: t("rota.calendar.pending"), shown: t("rota.calendar.shown"), once: t("rota.calendar.once") }} />
      </section>
    </main>
  );
}
