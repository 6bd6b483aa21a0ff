/** Bar chart (inline SVG) of the share of tickets within target over the last 12 months, with the threshold line. */
import { t, type Locale } from "@/lib/i18n";
import type { ComplianceHistoryPoint } from "@/lib/server/reports";
import { formatMonthShort, formatPercent } from "@/lib/server/reports/format";

const W = 640;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

export function ReportChart({ points, thresholdPercent, locale }: { points: ComplianceHistoryPoint[]; thresholdPercent: number; locale: Locale }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (p: number) => PAD.top + plotH - (p / 100) * plotH;
  const slot = plotW / points.length;
  const pct = (p: number) => formatPercent(p, 2, locale);
  const summary = points.map((p) => `${p.month}: ${p.percent === null ? t(locale, "report.chart.noMeasured") : pct(p.percent)}`).join("; ");
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t(locale, "report.chart.label", { threshold: pct(thresholdPercent), summary })} className="w-full max-w-2xl">
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="stroke-slate-200" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="fill-slate-500 text-[11px]">
              {pct(v)}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = PAD.left + i * slot + slot * 0.15;
          const width = slot * 0.7;
          const pass = p.percent !== null && p.percent >= thresholdPercent;
          return (
            <g key={p.month}>
              {p.percent !== null && (
                <rect x={x} y={y(p.percent)} width={width} height={plotH - (y(p.percent) - PAD.top)} className={pass ? "fill-emerald-600" : "fill-rose-600"}>
                  <title>{t(locale, "report.chart.bar", { month: p.month, percent: pct(p.percent), met: p.met, measured: p.measured })}</title>
                </rect>
              )}
              <text x={x + width / 2} y={H - 10} textAnchor="middle" className="fill-slate-600 text-[10px]">
                {formatMonthShort(p.month)}
              </text>
            </g>
          );
        })}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(thresholdPercent)} y2={y(thresholdPercent)} strokeDasharray="6 4" className="stroke-slate-900" strokeWidth={1.5} />
        <text x={W - PAD.right} y={y(thresholdPercent) - 4} textAnchor="end" className="fill-slate-900 text-[11px]">
          {t(locale, "report.chart.required", { threshold: pct(thresholdPercent) })}
        </text>
      </svg>
      <figcaption className="text-sm text-slate-600">{t(locale, "report.chart.caption")}</figcaption>
    </figure>
  );
}
