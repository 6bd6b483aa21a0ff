/** The breached tickets of the month: target, business time used, and how late. */
import { t, type Locale } from "@/lib/i18n";
import type { BreachedTicket } from "@/lib/server/reports";
import { formatDateTime, formatMinutes } from "@/lib/server/reports/format";
import { ReportTableHead } from "./report-table-head";

export function ReportBreaches({ breaches, locale }: { breaches: BreachedTicket[]; locale: Locale }) {
  if (breaches.length === 0) return <p className="text-slate-700">{t(locale, "report.breaches.none")}</p>;
  const minutes = (m: number) => formatMinutes(m, locale);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t(locale, "report.breaches.caption")}</caption>
        <ReportTableHead columns={[
          { label: t(locale, "report.col.ticket") },
          { label: t(locale, "report.col.priority") },
          { label: t(locale, "report.col.registered") },
          { label: t(locale, "report.col.target"), numeric: true },
          { label: t(locale, "report.col.used"), numeric: true },
          { label: t(locale, "report.col.lateBusiness"), numeric: true },
          { label: t(locale, "report.col.lateWall"), numeric: true },
        ]} />
        <tbody>
          {breaches.map((b) => (
            <tr key={b.ticketId} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-medium">
                {b.reference} <span className="font-normal text-slate-600">{b.title}</span>
              </th>
              <td className="py-2 pr-4">{b.priority}</td>
              <td className="py-2 pr-4">{formatDateTime(b.registeredAt, locale)}</td>
              <td className="py-2 pr-4 text-right">{minutes(b.targetMinutes ?? 0)}</td>
              <td className="py-2 pr-4 text-right">{minutes(b.usedMinutes)}</td>
              <td className="py-2 pr-4 text-right">{minutes(b.lateBusinessMinutes)}</td>
              <td className="py-2 text-right">{minutes(b.lateWallMinutes)}{b.stillRunning ? ` (${t(locale, "report.breaches.stillOpen")})` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
