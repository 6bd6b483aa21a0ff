/** The month's uptime: coverage, total and down time, maintenance, and each incident. */
import { t, type Locale } from "@/lib/i18n";
import type { UptimeFigures } from "@/lib/server/reports";
import { formatDateTime, formatMinutes, formatPercent, incidentReasonName } from "@/lib/server/reports/format";
import { ReportTableHead } from "./report-table-head";

export function ReportUptime({ uptime: u, locale }: { uptime: UptimeFigures; locale: Locale }) {
  const minutes = (m: number) => formatMinutes(m, locale);
  return (
    <div className="flex flex-col gap-3">
      <p>
        {t(locale, "report.uptime.label")} <strong>{formatPercent(u.percent, 3, locale)}</strong>{" "}
        {t(locale, "report.uptime.over", { coverage: u.coverage, downtime: minutes(u.downtimeMinutes), total: minutes(u.totalMinutes) })}{" "}
        {t(locale, "report.uptime.maintenance", { count: u.maintenanceWindows, minutes: minutes(u.maintenanceMinutes), reduces: u.maintenanceReducesTotal ? t(locale, "report.uptime.reducesTotal") : "" })}
      </p>
      {u.incidents.length > 0 && (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t(locale, "report.uptime.caption")}</caption>
          <ReportTableHead columns={[
              { label: t(locale, "report.col.service") },
              { label: t(locale, "report.col.from") },
              { label: t(locale, "report.col.to") },
              { label: t(locale, "report.col.cause") },
              { label: t(locale, "report.col.counts") },
            ]} />
          <tbody>
            {u.incidents.map((i) => (
              <tr key={i.id} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-medium">{i.service}</th>
                <td className="py-2 pr-4">{formatDateTime(i.startedAt, locale)}</td>
                <td className="py-2 pr-4">{i.endedAt ? formatDateTime(i.endedAt, locale) : t(locale, "report.uptime.ongoing")}</td>
                <td className="py-2 pr-4">{i.cause}</td>
                <td className="py-2">{i.counts ? t(locale, "report.uptime.counts") : t(locale, "report.uptime.notCounting", { reason: incidentReasonName(i.exclusionReason, locale) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
