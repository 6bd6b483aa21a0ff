/** /reports/provider: every customer's figures for a month and the credit lines for invoicing (provider admins). */
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/server/auth/session";
import { t } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import { defaultContext } from "@/lib/server/tickets/context";
import { listMonthReports } from "@/lib/server/reports";
import { creditLineText, creditNoteText, formatKroner, formatMonth, formatPercent } from "@/lib/server/reports/format";
import { monthOrDefault } from "@/lib/server/reports/report-target";
import { withinTargetText } from "@/lib/server/reports/within-target-text";
import { ReportMonthPicker } from "@/components/report-month-picker";
import { ReportMonthActions } from "@/components/report-month-actions";
import { ReportTableHead } from "@/components/report-table-head";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: t(await getLocale(), "report.provider.metaTitle") };
}

export default async function ProviderReportsPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/api/auth/signin?callbackUrl=/reports/provider");
  if (actor.role !== "PROVIDER_ADMIN") notFound();
  const ctx = defaultContext();
  const month = monthOrDefault((await searchParams).month, ctx.now());
  const [reports, locale] = await Promise.all([listMonthReports({ actor, input: { month }, ctx }), getLocale()]);
  const credited = reports.filter((r) => (r.figures.credit.amountOre ?? 0) !== 0 || r.figures.credit.undefinedGap);
  const total = credited.reduce((sum, r) => sum + (r.figures.credit.amountOre ?? 0), 0);
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-8 px-6 py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">{t(locale, "report.provider.title", { month: formatMonth(month, locale) })}</h1>
        <ReportMonthPicker month={month} action="/reports/provider" locale={locale} />
      </header>
      <section aria-labelledby="customers" className="flex flex-col gap-3">
        <h2 id="customers" className="text-xl font-semibold">{t(locale, "report.provider.customers")}</h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t(locale, "report.provider.caption")}</caption>
            <ReportTableHead columns={[
              { label: t(locale, "report.csv.customer") },
              { label: t(locale, "report.csv.agreement") },
              { label: t(locale, "report.csv.measured"), numeric: true },
              { label: t(locale, "report.csv.breached"), numeric: true },
              { label: t(locale, "report.provider.within"), numeric: true },
              { label: t(locale, "report.section.uptime"), numeric: true },
              { label: t(locale, "report.section.credit"), numeric: true },
              { label: t(locale, "report.csv.status") },
              { label: t(locale, "report.provider.actions"), hidden: true },
            ]} />
            <tbody>
              {reports.map(({ figures: f, status, differences }) => (
                <tr key={f.organization.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <a className="underline hover:text-slate-600" href={`/reports?organization=${f.organization.id}&month=${month}`}>{f.organization.name}</a>
                  </th>
                  <td className="py-2 pr-4">{f.agreement?.name ?? "–"}</td>
                  <td className="py-2 pr-4 text-right">{f.tickets.measured}</td>
                  <td className="py-2 pr-4 text-right">{f.tickets.breached}</td>
                  <td className={`py-2 pr-4 text-right ${f.tickets.passes ? "" : "font-semibold text-rose-700"}`}>{withinTargetText(f, locale).value}</td>
                  <td className="py-2 pr-4 text-right">{formatPercent(f.uptime.percent, 3, locale)}</td>
                  <td className="py-2 pr-4 text-right">{f.credit.percent === null ? t(locale, "report.provider.undecided") : formatPercent(f.credit.percent, 2, locale)}</td>
                  <td className="py-2 pr-4">{t(locale, status === "CLOSED" ? (differences.length ? "report.provider.closedDiffers" : "report.provider.closed") : "report.provider.draft")}</td>
                  <td className="py-2"><ReportMonthActions organizationId={f.organization.id} month={month} closed={status === "CLOSED"} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="invoice" className="flex flex-col gap-3">
        <h2 id="invoice" className="text-xl font-semibold">{t(locale, "report.provider.invoice")}</h2>
        {credited.length === 0 ? (
          <p className="text-slate-700">{t(locale, "report.provider.noCredit", { month: formatMonth(month, locale) })}</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t(locale, "report.provider.invoiceCaption")}</caption>
            <ReportTableHead columns={[
              { label: t(locale, "report.csv.customer") },
              { label: t(locale, "report.provider.calculation") },
              { label: t(locale, "report.col.percent"), numeric: true },
              { label: t(locale, "report.col.amount"), numeric: true },
            ]} />
            <tbody>
              {credited.map(({ figures: f }) => (
                <tr key={f.organization.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-medium">{f.organization.name}</th>
                  <td className="py-2 pr-4">
                    <ul>{f.credit.lines.map((l, i) => <li key={i}>{creditLineText(l, locale)}: {formatPercent(l.percent, 2, locale)}</li>)}</ul>
                    {creditNoteText(f.credit, locale) && <p className="text-amber-800">{creditNoteText(f.credit, locale)}</p>}
                  </td>
                  <td className="py-2 pr-4 text-right">{f.credit.percent === null ? "–" : formatPercent(f.credit.percent, 2, locale)}</td>
                  <td className="py-2 text-right">{f.credit.amountOre === null ? "–" : `−${formatKroner(f.credit.amountOre, locale)}`}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" className="py-2 pr-4" colSpan={3}>{t(locale, "report.provider.total")}</th>
                <td className="py-2 text-right">−{formatKroner(total, locale)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>
    </main>
  );
}
