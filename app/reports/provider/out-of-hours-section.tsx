/** The provider's report page, "On-call outside office hours": the month's call-outs per customer and per ticket, with the CSV. */
import { t, type Locale } from "@/lib/i18n";
import { formatDateTime, formatDuration } from "@/lib/i18n/format";
import { DataTable } from "@/components/data-table";
import type { OutOfHoursMonth } from "@/lib/server/oncall/out-of-hours-work";
import { reasonText } from "@/lib/server/oncall/out-of-hours-text";
import { formatMonth } from "@/lib/server/reports/format";

export function OutOfHoursSection({ view, locale, now }: { view: OutOfHoursMonth; locale: Locale; now: Date }) {
  const minutes = (m: number | null) => (m === null ? t(locale, "ooh.unacknowledged") : formatDuration(m, locale));
  return (
    <section aria-labelledby="out-of-hours" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="out-of-hours" className="text-xl font-semibold">
          {t(locale, "ooh.title")}
        </h2>
        <a className="underline hover:text-slate-600" href={`/reports/provider/out-of-hours?month=${view.month}`}>
          {t(locale, "ooh.csv")}
        </a>
      </div>
      <p className="text-slate-700">{t(locale, "ooh.intro")}</p>
      {view.pages.length === 0 ? (
        <p className="text-slate-700">{t(locale, "ooh.empty", { month: formatMonth(view.month, locale) })}</p>
      ) : (
        <>
          <DataTable
            look="compact"
            caption={t(locale, "ooh.summaryCaption")}
            rows={view.organizations}
            rowKey={(o) => o.id}
            columns={[
              { label: t(locale, "ooh.col.customer"), cell: (o) => o.name },
              { label: t(locale, "ooh.col.pages"), numeric: true, cell: (o) => o.pages },
              { label: t(locale, "ooh.col.acknowledged"), numeric: true, cell: (o) => o.acknowledged },
              { label: t(locale, "ooh.col.minutesTotal"), numeric: true, cell: (o) => formatDuration(o.minutesToAcknowledge, locale) },
            ]}
          />
          <DataTable
            look="compact"
            caption={t(locale, "ooh.pagesCaption")}
            rows={view.pages}
            rowKey={(p) => p.escalationId}
            columns={[
              { label: t(locale, "ooh.col.customer"), cell: (p) => p.organization.name },
              {
                label: t(locale, "ooh.col.ticket"),
                cell: (p) => (
                  <a className="underline hover:text-slate-600" href={`/arbeid/saker/${p.ticket.id}`}>
                    {p.ticket.reference}
                  </a>
                ),
              },
              { label: t(locale, "ooh.col.priority"), cell: (p) => p.ticket.priority },
              { label: t(locale, "ooh.col.reason"), cell: (p) => reasonText(p.reason, locale) },
              { label: t(locale, "ooh.col.pagedAt"), cell: (p) => formatDateTime(p.pagedAt, now, locale) },
              { label: t(locale, "ooh.col.paged"), cell: (p) => [...p.paged.map((x) => x.name), ...(p.fallback ? [t(locale, "ooh.fallback")] : [])].join(", ") },
              { label: t(locale, "ooh.col.notices"), numeric: true, cell: (p) => p.notices },
              { label: t(locale, "ooh.col.acknowledgedBy"), cell: (p) => p.acknowledgedBy ?? "–" },
              { label: t(locale, "ooh.col.minutes"), numeric: true, cell: (p) => minutes(p.minutesToAcknowledge) },
            ]}
          />
        </>
      )}
    </section>
  );
}
