/** /reports/provider: every customer's figures for a month and the credit lines for invoicing (provider admins). */
import type { Metadata } from "next";
import { withSession } from "@/lib/server/http/session";
import { t } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import { readContext } from "@/lib/server/tickets/context";
import { listMonthReports } from "@/lib/server/reports";
import { creditLineText, creditNoteText, formatKroner, formatMinutes, formatMonth, formatPercent, settledLater } from "@/lib/server/reports/format";
import { monthOrDefault } from "@/lib/server/reports/report-target";
import { withinTargetText } from "@/lib/server/reports/within-target-text";
import { ReportMonthPicker } from "@/components/report-month-picker";
import { DataTable } from "@/components/data-table";
import { ReportMonthActions } from "@/components/report-month-actions";
import { reportAction } from "./actions";
import { OutOfHoursSection } from "./out-of-hours-section";
import { listOutOfHoursWork } from "@/lib/server/oncall/out-of-hours-work";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: t(await getLocale(), "report.provider.metaTitle") };
}

export default async function ProviderReportsPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const { actor } = await withSession("provider-admin", "/reports/provider");
  const ctx = await readContext();
  const month = monthOrDefault((await searchParams).month, ctx.now());
  const [reports, locale, outOfHours] = await Promise.all([listMonthReports({ actor, input: { month }, ctx }), getLocale(), listOutOfHoursWork({ prisma: ctx.prisma, actor, month })]);
  const credited = reports.filter((r) => (r.figures.credit.amountOre ?? 0) !== 0 || r.figures.credit.undefinedGap);
  const total = credited.reduce((sum, r) => sum + (r.figures.credit.amountOre ?? 0), 0);
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-8 px-6 py-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">{t(locale, "report.provider.title", { month: formatMonth(month, locale) })}</h1>
        <ReportMonthPicker month={month} action="/reports/provider" locale={locale} />
      </header>
      <section aria-labelledby="customers" className="flex flex-col gap-3">
        <h2 id="customers" className="text-xl font-semibold">
          {t(locale, "report.provider.customers")}
        </h2>
        <DataTable
          look="compact"
          caption={t(locale, "report.provider.caption")}
          rows={reports}
          rowKey={(r) => r.figures.organization.id}
          columns={[
            {
              label: t(locale, "report.csv.customer"),
              cell: ({ figures: f }) => (
                <a className="underline hover:text-slate-600" href={`/reports?organization=${f.organization.id}&month=${month}`}>
                  {f.organization.name}
                </a>
              ),
            },
            { label: t(locale, "report.csv.agreement"), cell: ({ figures: f }) => f.agreement?.name ?? "–" },
            { label: t(locale, "report.csv.measured"), numeric: true, cell: ({ figures: f }) => f.tickets.measured },
            { label: t(locale, "report.csv.breached"), numeric: true, cell: ({ figures: f }) => f.tickets.breached },
            {
              label: t(locale, "report.provider.within"),
              numeric: true,
              className: ({ figures: f }) => (f.tickets.passes ? "" : "font-semibold text-rose-700"),
              cell: ({ figures: f }) => withinTargetText(f, locale).value,
            },
            { label: t(locale, "report.section.uptime"), numeric: true, cell: ({ figures: f }) => formatPercent(f.uptime.percent, 3, locale) },
            {
              label: t(locale, "related.report.resolution.median"),
              numeric: true,
              cell: ({ figures: f }) => (f.resolution?.medianMinutes == null ? "–" : formatMinutes(f.resolution.medianMinutes, locale)),
            },
            {
              label: t(locale, "report.section.credit"),
              numeric: true,
              cell: ({ figures: f }) =>
                settledLater(f.credit) ? t(locale, "quarter.provider.settledLater") : f.credit.percent === null ? t(locale, "report.provider.undecided") : formatPercent(f.credit.percent, 2, locale),
            },
            {
              label: t(locale, "report.csv.status"),
              cell: ({ status, differences }) => t(locale, status === "CLOSED" ? (differences.length ? "report.provider.closedDiffers" : "report.provider.closed") : "report.provider.draft"),
            },
            {
              label: t(locale, "report.provider.actions"),
              hiddenLabel: true,
              cell: ({ figures: f, status }) => <ReportMonthActions organizationId={f.organization.id} month={month} closed={status === "CLOSED"} reportAction={reportAction} />,
            },
          ]}
        />
      </section>
      <section aria-labelledby="invoice" className="flex flex-col gap-3">
        <h2 id="invoice" className="text-xl font-semibold">
          {t(locale, "report.provider.invoice")}
        </h2>
        {credited.length === 0 ? (
          <p className="text-slate-700">{t(locale, "report.provider.noCredit", { month: formatMonth(month, locale) })}</p>
        ) : (
          <DataTable
            look="compact"
            caption={t(locale, "report.provider.invoiceCaption")}
            rows={credited}
            rowKey={(r) => r.figures.organization.id}
            alignTop
            columns={[
              { label: t(locale, "report.csv.customer"), cell: ({ figures: f }) => f.organization.name },
              {
                label: t(locale, "report.provider.calculation"),
                cell: ({ figures: f }) => (
                  <>
                    <ul>
                      {f.credit.lines.map((l, i) => (
                        <li key={i}>
                          {creditLineText(l, locale)}: {formatPercent(l.percent, 2, locale)}
                        </li>
                      ))}
                    </ul>
                    {creditNoteText(f.credit, locale) && <p className="text-amber-800">{creditNoteText(f.credit, locale)}</p>}
                  </>
                ),
              },
              { label: t(locale, "report.col.percent"), numeric: true, cell: ({ figures: f }) => (f.credit.percent === null ? "–" : formatPercent(f.credit.percent, 2, locale)) },
              { label: t(locale, "report.col.amount"), numeric: true, cell: ({ figures: f }) => (f.credit.amountOre === null ? "–" : `−${formatKroner(f.credit.amountOre, locale)}`) },
            ]}
            footer={
              <tr className="font-semibold">
                <th scope="row" className="py-2 pr-4" colSpan={3}>
                  {t(locale, "report.provider.total")}
                </th>
                <td className="py-2 text-right">−{formatKroner(total, locale)}</td>
              </tr>
            }
          />
        )}
      </section>
      <OutOfHoursSection view={outOfHours} locale={locale} now={ctx.now()} />
    </main>
  );
}
