/** /reports/provider: every customer's figures for a month and the credit lines for invoicing (provider admins). */
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/server/auth/session";
import { getLocale } from "@/lib/i18n/server";
import { defaultContext } from "@/lib/server/tickets/context";
import { listMonthReports } from "@/lib/server/reports";
import { formatKroner, formatMonth, formatPercent } from "@/lib/server/reports/format";
import { monthOrDefault } from "@/lib/server/reports/report-target";
import { withinTargetText } from "@/lib/server/reports/within-target-text";
import { ReportMonthPicker } from "@/components/report-month-picker";
import { ReportMonthActions } from "@/components/report-month-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "SLA-rapporter for alle kunder" };

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
        <h1 className="text-3xl font-bold tracking-tight">SLA-rapporter for {formatMonth(month)}</h1>
        <ReportMonthPicker month={month} action="/reports/provider" locale={locale} />
      </header>
      <section aria-labelledby="customers" className="flex flex-col gap-3">
        <h2 id="customers" className="text-xl font-semibold">Alle kunder</h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Månedens tall per kunde</caption>
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Kunde</th>
                <th scope="col" className="py-2 pr-4">Avtale</th>
                <th scope="col" className="py-2 pr-4 text-right">Målt</th>
                <th scope="col" className="py-2 pr-4 text-right">Brudd</th>
                <th scope="col" className="py-2 pr-4 text-right">Innenfor</th>
                <th scope="col" className="py-2 pr-4 text-right">Oppetid</th>
                <th scope="col" className="py-2 pr-4 text-right">Kreditt</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2"><span className="sr-only">Handlinger</span></th>
              </tr>
            </thead>
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
                  <td className="py-2 pr-4 text-right">{formatPercent(f.uptime.percent, 3)}</td>
                  <td className="py-2 pr-4 text-right">{f.credit.percent === null ? "må avgjøres" : formatPercent(f.credit.percent)}</td>
                  <td className="py-2 pr-4">{status === "CLOSED" ? `lukket${differences.length ? " (ny beregning avviker)" : ""}` : "foreløpig"}</td>
                  <td className="py-2"><ReportMonthActions organizationId={f.organization.id} month={month} closed={status === "CLOSED"} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="invoice" className="flex flex-col gap-3">
        <h2 id="invoice" className="text-xl font-semibold">Kredittlinjer til fakturering</h2>
        {credited.length === 0 ? (
          <p className="text-slate-700">Ingen kunder har kreditt for {formatMonth(month)}.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Kredittlinjer per kunde</caption>
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Kunde</th>
                <th scope="col" className="py-2 pr-4">Beregning</th>
                <th scope="col" className="py-2 pr-4 text-right">Prosent</th>
                <th scope="col" className="py-2 text-right">Beløp</th>
              </tr>
            </thead>
            <tbody>
              {credited.map(({ figures: f }) => (
                <tr key={f.organization.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-medium">{f.organization.name}</th>
                  <td className="py-2 pr-4">
                    <ul>{f.credit.lines.map((l, i) => <li key={i}>{l.label}: {formatPercent(l.percent)}</li>)}</ul>
                    {f.credit.note && <p className="text-amber-800">{f.credit.note}</p>}
                  </td>
                  <td className="py-2 pr-4 text-right">{f.credit.percent === null ? "–" : formatPercent(f.credit.percent)}</td>
                  <td className="py-2 text-right">{f.credit.amountOre === null ? "–" : `−${formatKroner(f.credit.amountOre)}`}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" className="py-2 pr-4" colSpan={3}>Sum kreditt</th>
                <td className="py-2 text-right">−{formatKroner(total)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>
    </main>
  );
}
