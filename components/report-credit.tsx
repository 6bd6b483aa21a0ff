/** The credit calculation, line by line, as lib/sla computed it, in the reader's language. */
import { t, type Locale } from "@/lib/i18n";
import type { CreditFigures } from "@/lib/server/reports";
import { creditLineText, creditNoteText, creditSchemeName, formatKroner, formatPercent } from "@/lib/server/reports/format";
import { ReportTableHead } from "./report-table-head";

export function ReportCredit({ credit: c, locale }: { credit: CreditFigures; locale: Locale }) {
  const note = creditNoteText(c, locale);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">{t(locale, "report.credit.fee", { scheme: creditSchemeName(c.scheme, locale), fee: formatKroner(c.monthlyFeeOre, locale) })}</p>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t(locale, "report.credit.caption")}</caption>
        <ReportTableHead columns={[{ label: t(locale, "report.col.line") }, { label: t(locale, "report.col.percent"), numeric: true }, { label: t(locale, "report.col.amount"), numeric: true }]} />
        <tbody>
          {c.lines.map((l, i) => (
            <tr key={i} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">{creditLineText(l, locale)}</th>
              <td className="py-2 pr-4 text-right">{formatPercent(l.percent, 2, locale)}</td>
              <td className="py-2 text-right">{c.monthlyFeeOre === null ? "–" : formatKroner(l.amountOre, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className="py-2 pr-4">{t(locale, "report.credit.total")}</th>
            <td className="py-2 pr-4 text-right">{formatPercent(c.percent, 2, locale)}</td>
            <td className="py-2 text-right">{formatKroner(c.amountOre, locale)}</td>
          </tr>
        </tfoot>
      </table>
      {note && <p role="note" className="rounded bg-amber-50 p-2 text-sm text-amber-900">{note}</p>}
    </div>
  );
}
