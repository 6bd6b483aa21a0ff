/** The month's uptime: coverage, total and down time, maintenance, and each incident. */
import { t, type Locale } from "@/lib/i18n";
import type { UptimeFigures } from "@/lib/server/reports";
import { formatDateTime, formatMinutes, formatPercent, incidentReasonName } from "@/lib/server/reports/format";
import { DataTable } from "./data-table";

export function ReportUptime({ uptime: u, locale }: { uptime: UptimeFigures; locale: Locale }) {
  const minutes = (m: number) => formatMinutes(m, locale);
  return (
    <div className="flex flex-col gap-3">
      <p>
        {t(locale, "report.uptime.label")} <strong>{formatPercent(u.percent, 3, locale)}</strong>{" "}
        {t(locale, "report.uptime.over", { coverage: u.coverage, downtime: minutes(u.downtimeMinutes), total: minutes(u.totalMinutes) })}{" "}
        {t(locale, "report.uptime.maintenance", {
          count: u.maintenanceWindows,
          minutes: minutes(u.maintenanceMinutes),
          reduces: u.maintenanceReducesTotal ? t(locale, "report.uptime.reducesTotal") : "",
        })}
      </p>
      {u.incidents.length > 0 && (
        <DataTable
          look="compact"
          caption={t(locale, "report.uptime.caption")}
          rows={u.incidents}
          rowKey={(i) => i.id}
          columns={[
            { label: t(locale, "report.col.service"), cell: (i) => i.service },
            { label: t(locale, "report.col.from"), cell: (i) => formatDateTime(i.startedAt, locale) },
            { label: t(locale, "report.col.to"), cell: (i) => (i.endedAt ? formatDateTime(i.endedAt, locale) : t(locale, "report.uptime.ongoing")) },
            { label: t(locale, "report.col.cause"), cell: (i) => i.cause },
            {
              label: t(locale, "report.col.counts"),
              cell: (i) => (i.counts ? t(locale, "report.uptime.counts") : t(locale, "report.uptime.notCounting", { reason: incidentReasonName(i.exclusionReason, locale) })),
            },
          ]}
        />
      )}
    </div>
  );
}
