/** Tickets of the month left out of measurement, with the reason. */
import { t, type Locale } from "@/lib/i18n";
import type { ExcludedTicket } from "@/lib/server/reports";
import { exclusionReasonText } from "@/lib/server/reports/format";
import { DataTable } from "./data-table";

export function ReportExclusions({ exclusions, locale }: { exclusions: ExcludedTicket[]; locale: Locale }) {
  if (exclusions.length === 0) return <p className="text-slate-700">{t(locale, "report.exclusions.none")}</p>;
  return (
    <DataTable
      look="compact"
      caption={t(locale, "report.section.exclusions")}
      rows={exclusions}
      rowKey={(e) => e.ticketId}
      columns={[
        { label: t(locale, "report.col.ticket"), cell: (e) => e.reference },
        { label: t(locale, "report.col.priority"), cell: (e) => e.priority },
        { label: t(locale, "report.col.reason"), cell: (e) => exclusionReasonText(e, locale) },
      ]}
    />
  );
}
