/** The credit calculation, line by line, as lib/sla computed it, in the reader's language. */
import { t, type Locale } from "@/lib/i18n";
import type { CreditFigures } from "@/lib/server/reports";
import { creditLineText, creditNoteText, creditSchemeName, formatKroner, formatPercent, settledLater } from "@/lib/server/reports/format";
import { DataTable } from "./data-table";

export function ReportCredit({ credit: c, locale }: { credit: CreditFigures; locale: Locale }) {
  const note = creditNoteText(c, locale);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">{t(locale, "report.credit.fee", { scheme: creditSchemeName(c.scheme, locale), fee: formatKroner(c.monthlyFeeOre, locale) })}</p>
      {/* A quarterly refund before the quarter's last month: no credit line yet, only the note. */}
      {!settledLater(c) && (
        <DataTable
          look="compact"
          caption={t(locale, "report.credit.caption")}
          rows={c.lines.map((l, i) => ({ ...l, key: String(i) }))}
          rowKey={(l) => l.key}
          columns={[
            { label: t(locale, "report.col.line"), className: "font-normal", cell: (l) => creditLineText(l, locale) },
            { label: t(locale, "report.col.percent"), numeric: true, cell: (l) => formatPercent(l.percent, 2, locale) },
            { label: t(locale, "report.col.amount"), numeric: true, cell: (l) => (c.monthlyFeeOre === null ? "–" : formatKroner(l.amountOre, locale)) },
          ]}
          footer={
            <tr className="font-semibold">
              <th scope="row" className="py-2 pr-4">
                {t(locale, "report.credit.total")}
              </th>
              <td className="py-2 pr-4 text-right">{formatPercent(c.percent, 2, locale)}</td>
              <td className="py-2 text-right">{formatKroner(c.amountOre, locale)}</td>
            </tr>
          }
        />
      )}
      {note && (
        <p role="note" data-testid={c.servicePeriod ? "report-credit-quarter-note" : undefined} className="rounded bg-amber-50 p-2 text-sm text-amber-900">
          {note}
        </p>
      )}
    </div>
  );
}
