/** The breached tickets of the month: target, business time used, and how late. */
import { t, type Locale } from "@/lib/i18n";
import type { BreachedTicket } from "@/lib/server/reports";
import { formatDateTime, formatMinutes } from "@/lib/server/reports/format";
import { DataTable } from "./data-table";

export function ReportBreaches({ breaches, locale }: { breaches: BreachedTicket[]; locale: Locale }) {
  if (breaches.length === 0) return <p className="text-slate-700">{t(locale, "report.breaches.none")}</p>;
  const minutes = (m: number) => formatMinutes(m, locale);
  return (
    <DataTable
      look="compact"
      caption={t(locale, "report.breaches.caption")}
      rows={breaches}
      rowKey={(b) => b.ticketId}
      columns={[
        {
          label: t(locale, "report.col.ticket"),
          cell: (b) => (
            <>
              {b.reference} <span className="font-normal text-slate-600">{b.title}</span>
            </>
          ),
        },
        { label: t(locale, "report.col.priority"), cell: (b) => b.priority },
        { label: t(locale, "report.col.registered"), cell: (b) => formatDateTime(b.registeredAt, locale) },
        { label: t(locale, "report.col.target"), numeric: true, cell: (b) => minutes(b.targetMinutes ?? 0) },
        { label: t(locale, "report.col.used"), numeric: true, cell: (b) => minutes(b.usedMinutes) },
        { label: t(locale, "report.col.lateBusiness"), numeric: true, cell: (b) => minutes(b.lateBusinessMinutes) },
        {
          label: t(locale, "report.col.lateWall"),
          numeric: true,
          cell: (b) => (
            <>
              {minutes(b.lateWallMinutes)}
              {b.stillRunning ? ` (${t(locale, "report.breaches.stillOpen")})` : ""}
            </>
          ),
        },
      ]}
    />
  );
}
