/**
 * /reports: a customer admin's monthly SLA report for their organisation (a provider admin may
 * open any customer's with ?organization=), in the reader's language. Opens on the latest month
 * that has ended; a month still running says so (ReportStatus).
 */
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { t } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import { withSession } from "@/lib/server/http/session";
import { readContext } from "@/lib/server/tickets/context";
import { getComplianceHistory, getCreditClaim, getOrganizationReport } from "@/lib/server/reports";
import { ReportCreditClaim } from "@/components/report-credit-claim";
import { claimCreditAction } from "./actions";
import { formatMonth } from "@/lib/server/reports/format";
import { monthOrDefault, reportOrganizationFor } from "@/lib/server/reports/report-target";
import { ReportBreaches } from "@/components/report-breaches";
import { ReportChart } from "@/components/report-chart";
import { ReportCredit } from "@/components/report-credit";
import { ReportExclusions } from "@/components/report-exclusions";
import { ReportMonthPicker } from "@/components/report-month-picker";
import { ReportStatus } from "@/components/report-status";
import { ReportSummary } from "@/components/report-summary";
import { ReportUptime } from "@/components/report-uptime";
import { ReportResolution } from "@/components/report-resolution";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: t(await getLocale(), "report.page.metaTitle") };
}

type Search = Promise<{ month?: string; organization?: string }>;

async function load(search: Awaited<Search>) {
  const { actor, found } = await withSession("signed-in", "/reports");
  if (actor.role === "PROVIDER_ADMIN" && !search.organization) redirect("/reports/provider");
  const organizationId = reportOrganizationFor(actor, search.organization);
  if (!organizationId) notFound();
  const ctx = await readContext();
  const month = monthOrDefault(search.month, ctx.now());
  const input = { organizationId, month };
  const [view, history] = await Promise.all([found(getOrganizationReport({ actor, input, ctx })), found(getComplianceHistory({ actor, input, ctx }))]);
  const claim = await found(getCreditClaim({ actor, view, ctx }));
  return { view, history, month, claim, now: ctx.now(), organizationId: actor.role === "PROVIDER_ADMIN" ? organizationId : undefined };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ReportPage({ searchParams }: { searchParams: Search }) {
  const [{ view, history, month, claim, now, organizationId }, locale] = await Promise.all([load(await searchParams), getLocale()]);
  const f = view.figures;
  const query = organizationId ? `?organization=${organizationId}` : "";
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-3xl font-bold tracking-tight">{t(locale, "report.page.title", { month: formatMonth(month, locale) })}</h1>
          <p className="text-slate-700">
            {f.organization.name} · {f.agreement ? f.agreement.name : t(locale, "report.page.noAgreement")}
          </p>
          <ReportStatus view={view} locale={locale} />
        </div>
        <ReportMonthPicker month={month} action="/reports" organizationId={organizationId} locale={locale} />
      </header>
      <nav aria-label={t(locale, "report.page.downloads")} className="flex gap-3 text-sm">
        <a className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100" href={`/reports/${month}/csv${query}`} download>
          {t(locale, "report.page.csv")}
        </a>
        <a className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100" href={`/reports/${month}/pdf${query}`} download>
          {t(locale, "report.page.pdf")}
        </a>
      </nav>
      <ReportSummary figures={f} locale={locale} />
      <ReportResolution resolution={f.resolution} locale={locale} />
      <Section id="history" title={t(locale, "report.section.history")}>
        <ReportChart points={history} thresholdPercent={f.thresholdPercent} locale={locale} />
      </Section>
      <Section id="breaches" title={t(locale, "report.section.breaches", { count: f.breaches.length })}>
        <ReportBreaches breaches={f.breaches} locale={locale} />
      </Section>
      <Section id="exclusions" title={t(locale, "report.section.exclusions")}>
        <ReportExclusions exclusions={f.exclusions} locale={locale} />
      </Section>
      <Section id="uptime" title={t(locale, "report.section.uptime")}>
        <ReportUptime uptime={f.uptime} locale={locale} />
      </Section>
      <Section id="credit" title={t(locale, "report.section.credit")}>
        <ReportCredit credit={f.credit} locale={locale} />
        {claim && <ReportCreditClaim claim={claim} locale={locale} now={now} form={{ organizationId: f.organization.id, month }} action={claimCreditAction} />}
      </Section>
    </main>
  );
}
