/**
 * The month's time to solution (issue 19, 000 §13) beside the response figures: tickets solved,
 * median and average from registration to solution. Informational: it does not enter the 90 %
 * rule or the credit, and says so.
 */
import { t, type Locale } from "@/lib/i18n";
import type { ResolutionFigures } from "@/lib/server/reports/figures";
import { formatMinutes } from "@/lib/server/reports/format";

export function ReportResolution({ resolution: r, locale }: { resolution: ResolutionFigures | undefined; locale: Locale }) {
  if (!r) return null;
  const duration = (m: number | null) => (m === null ? "–" : formatMinutes(m, locale));
  return (
    <section aria-labelledby="resolution" className="flex flex-col gap-3" data-testid="report-resolution">
      <h2 id="resolution" className="text-xl font-semibold">
        {t(locale, "related.report.resolution.title")}
      </h2>
      <p className="text-sm text-slate-700">{t(locale, "related.report.resolution.help")}</p>
      {r.solved === 0 ? (
        <p>{t(locale, "related.report.resolution.none")}</p>
      ) : (
        <dl className="grid gap-4 sm:grid-cols-3">
          {[
            [t(locale, "related.report.resolution.solved"), String(r.solved), "solved"],
            [t(locale, "related.report.resolution.median"), duration(r.medianMinutes), "median"],
            [t(locale, "related.report.resolution.average"), duration(r.averageMinutes), "average"],
          ].map(([label, value, id]) => (
            <div key={id} className="flex flex-col gap-1 rounded-lg border-l-4 border-slate-300 bg-white p-4 shadow-sm">
              <dt className="text-sm font-medium text-slate-600">{label}</dt>
              <dd className="text-2xl font-bold" data-testid={`resolution-${id}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
