/** The next open periods and the coming holidays and exceptions of a calendar, as the SLA engine sees them. */
import type { CalendarDetail } from "@/lib/server/admin";
import type { Locale, Translate } from "@/lib/i18n";
import { formatDate, formatDateTime, formatTime } from "@/lib/i18n/format";
import { Badge } from "@/components/badge";

const localDate = (date: string) => new Date(`${date}T12:00:00Z`);

export function CalendarPreview({ calendar, now, t }: { calendar: CalendarDetail; now: Date; t: Translate & { locale: Locale } }) {
  const sameDay = (a: Date, b: Date) => formatDate(a, now, t.locale) === formatDate(b, now, t.locale);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="next-open" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="next-open" className="text-xl font-semibold">
          {t("admin.cal.nextOpen")}
        </h2>
        <p className="text-sm text-slate-700">{t("admin.cal.nextOpenHelp")}</p>
        {calendar.nextOpen.length === 0 ? (
          <p>{t("admin.cal.noOpen")}</p>
        ) : (
          <ol className="flex flex-col gap-1" data-testid="next-open">
            {calendar.nextOpen.map((p) => (
              <li key={p.start.toISOString()} className="tabular-nums">
                {sameDay(p.start, p.end)
                  ? t("admin.cal.period", { day: formatDate(p.start, now, t.locale), from: formatTime(p.start), to: formatTime(p.end) })
                  : `${formatDateTime(p.start, now, t.locale)} – ${formatDateTime(p.end, now, t.locale)}`}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="coming" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="coming" className="text-xl font-semibold">
          {t("admin.cal.coming")}
        </h2>
        {calendar.coming.length === 0 ? (
          <p>{t("admin.cal.noComing")}</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="coming">
            {calendar.coming.map((d) => (
              <li key={`${d.date}-${d.kind}`} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{formatDate(localDate(d.date), now, t.locale)}</span>
                <Badge tone={d.kind === "special" ? "info" : d.kind === "closed" ? "warning" : "neutral"}>{t(`admin.cal.kind.${d.kind}`)}</Badge>
                {d.label && <span className="text-slate-700">{d.label}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
