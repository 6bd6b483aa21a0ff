/** Tickets of the month left out of measurement, with the reason. */
import { t, type Locale } from "@/lib/i18n";
import type { ExcludedTicket } from "@/lib/server/reports";
import { exclusionReasonText } from "@/lib/server/reports/format";
import { ReportTableHead } from "./report-table-head";

export function ReportExclusions({ exclusions, locale }: { exclusions: ExcludedTicket[]; locale: Locale }) {
  if (exclusions.length === 0) return <p className="text-slate-700">{t(locale, "report.exclusions.none")}</p>;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">{t(locale, "report.section.exclusions")}</caption>
      <ReportTableHead columns={[{ label: t(locale, "report.col.ticket") }, { label: t(locale, "report.col.priority") }, { label: t(locale, "report.col.reason") }]} />
      <tbody>
        {exclusions.map((e) => (
          <tr key={e.ticketId} className="border-b border-slate-200">
            <th scope="row" className="py-2 pr-4 font-medium">{e.reference}</th>
            <td className="py-2 pr-4">{e.priority}</td>
            <td className="py-2">{exclusionReasonText(e, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
