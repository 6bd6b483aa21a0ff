/** /reports/provider: every customer's figures for a month and the credit lines for invoicing (provider admins). */
import type { Metadata } from "next";
import { withSession } from "@/lib/server/http/session";
import { getLocale } from "@/lib/i18n/server";
import { defaultContext } from "@/lib/server/tickets/context";
import { listMonthReports } from "@/lib/server/reports";
import { formatKroner, formatMonth, formatPercent } from "@/lib/server/reports/format";
import { monthOrDefault } from "@/lib/server/reports/report-target";
import { withinTargetText } from "@/lib/server/reports/within-target-text";
import { ReportMonthPicker } from "@/components/report-month-picker";
import { DataTable } from "@/components/data-table";
import { ReportMonthActions } from "@/components/report-month-actions";
import { reportAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "SLA-rapporter for alle kunder" };

export default async function ProviderReportsPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const { actor } = await withSession("provider-admin", "/reports/provider");
  const ctx = defaultContext();
  const month = monthOrDefault((await searchParams).month, ctx.now());
  const [reports, locale] = await Promise.all([listMonthReports({ actor, input: { month }, ctx }), getLocale()]);
  const credited = reports.filter((r) => (r.figures.credit.amountOre ?? 0) !== 0 || r.figures.credit.undefinedGap);
  const total = credited.reduce((sum, r) => sum + (r.figures.credit.amountOre ?? 0), 0);
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-8 px-6 py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">SLA-rapporter for {formatMonth(month)}</h1>
        <ReportMonthPicker month={month} action="/reports/provider" />
      </header>
      <section aria-labelledby="customers" className="flex flex-col gap-3">
        <h2 id="customers" className="text-xl font-semibold">Alle kunder</h2>
        <DataTable look="compact" caption="Månedens tall per kunde" rows={reports} rowKey={(r) => r.figures.organization.id}
          columns={[
            { label: "Kunde", cell: ({ figures: f }) => <a className="underline hover:text-slate-600" href={`/reports?organization=${f.organization.id}&month=${month}`}>{f.organization.name}</a> },
            { label: "Avtale", cell: ({ figures: f }) => f.agreement?.name ?? "–" },
            { label: "Målt", numeric: true, cell: ({ figures: f }) => f.tickets.measured },
            { label: "Brudd", numeric: true, cell: ({ figures: f }) => f.tickets.breached },
            { label: "Innenfor", numeric: true, className: ({ figures: f }) => (f.tickets.passes ? "" : "font-semibold text-rose-700"), cell: ({ figures: f }) => withinTargetText(f, locale).value },
            { label: "Oppetid", numeric: true, cell: ({ figures: f }) => formatPercent(f.uptime.percent, 3) },
            { label: "Kreditt", numeric: true, cell: ({ figures: f }) => (f.credit.percent === null ? "må avgjøres" : formatPercent(f.credit.percent)) },
            { label: "Status", cell: ({ status, differences }) => (status === "CLOSED" ? `lukket${differences.length ? " (ny beregning avviker)" : ""}` : "foreløpig") },
            {
              label: "Handlinger",
              hiddenLabel: true,
              cell: ({ figures: f, status }) => <ReportMonthActions organizationId={f.organization.id} month={month} closed={status === "CLOSED"} reportAction={reportAction} />,
            },
          ]}
        />
      </section>
      <section aria-labelledby="invoice" className="flex flex-col gap-3">
        <h2 id="invoice" className="text-xl font-semibold">Kredittlinjer til fakturering</h2>
        {credited.length === 0 ? (
          <p className="text-slate-700">Ingen kunder har kreditt for {formatMonth(month)}.</p>
        ) : (
          <DataTable look="compact" caption="Kredittlinjer per kunde" rows={credited} rowKey={(r) => r.figures.organization.id} alignTop
            columns={[
              { label: "Kunde", cell: ({ figures: f }) => f.organization.name },
              {
                label: "Beregning",
                cell: ({ figures: f }) => (
                  <>
                    <ul>{f.credit.lines.map((l, i) => <li key={i}>{l.label}: {formatPercent(l.percent)}</li>)}</ul>
                    {f.credit.note && <p className="text-amber-800">{f.credit.note}</p>}
                  </>
                ),
              },
              { label: "Prosent", numeric: true, cell: ({ figures: f }) => (f.credit.percent === null ? "–" : formatPercent(f.credit.percent)) },
              { label: "Beløp", numeric: true, cell: ({ figures: f }) => (f.credit.amountOre === null ? "–" : `−${formatKroner(f.credit.amountOre)}`) },
            ]}
            footer={
              <tr className="font-semibold">
                <th scope="row" className="py-2 pr-4" colSpan={3}>Sum kreditt</th>
                <td className="py-2 text-right">−{formatKroner(total)}</td>
              </tr>
            }
          />
        )}
      </section>
    </main>
  );
}
