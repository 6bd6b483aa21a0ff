/**
 * Whether the month is still running (its figures will change), open (provisional figures) or
 * closed (frozen figures) and, if a re-run of a closed month differs, what changed since.
 */
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import type { ReportView } from "@/lib/server/reports";
import { formatDateTime, formatMonth } from "@/lib/server/reports/format";

const FIELDS = ["tickets.percent", "tickets.measured", "tickets.breached", "uptime.percent", "uptime.downtimeMinutes", "credit.percent", "credit.amountOre"];

function show(v: unknown, locale: Locale): string {
  if (typeof v === "number") {
    const n = String(Number(v.toFixed(4)));
    return locale === "nb" ? n.replace(".", ",") : n;
  }
  if (v === null) return "–";
  return typeof v === "object" ? t(locale, "report.status.changed") : String(v);
}

/** Whether the report was computed before its month ended (the month shown is still running). */
export const monthStillRunning = (view: ReportView): boolean => new Date(view.figures.computedAt) < new Date(view.figures.period.to);

export function ReportStatus({ view, locale }: { view: ReportView; locale: Locale }) {
  if (view.status === "DRAFT") {
    const text = monthStillRunning(view)
      ? t(locale, "report.status.running", { month: formatMonth(view.figures.month, locale), at: formatDateTime(view.figures.computedAt, locale) })
      : t(locale, "report.status.draft", { at: formatDateTime(view.figures.computedAt, locale) });
    return (
      <p className="text-sm text-slate-600" data-testid="report-status">
        {text}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-700">{t(locale, "report.status.closed", { at: formatDateTime(view.closedAt, locale) })}</p>
      {view.differences.length > 0 && (
        <div className="rounded bg-amber-50 p-3 text-amber-900">
          <p className="font-medium">{t(locale, "report.status.differs")}</p>
          <ul className="list-disc pl-5">
            {view.differences.map((d) => (
              <li key={d.field}>
                {FIELDS.includes(d.field) ? t(locale, `report.field.${d.field}` as MessageKey) : d.field}: {show(d.frozen, locale)} → {show(d.fresh, locale)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
