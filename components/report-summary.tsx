/** The month's headline figures: within target against the threshold, uptime and credit. */
import type { Locale } from "@/lib/i18n";
import type { ReportFigures } from "@/lib/server/reports";
import { formatKroner, formatPercent } from "@/lib/server/reports/format";
import { withinTargetText } from "@/lib/server/reports/within-target-text";

function Figure({ label, value, detail, good }: { label: string; value: string; detail: string; good: boolean | null }) {
  const tone = good === null ? "border-slate-300" : good ? "border-emerald-600" : "border-rose-600";
  return (
    <div className={`flex flex-col gap-1 rounded-lg border-l-4 bg-white p-4 shadow-sm ${tone}`}>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-2xl font-bold">{value}</dd>
      <dd className="text-sm text-slate-600">{detail}</dd>
    </div>
  );
}

export function ReportSummary({ figures: f, locale }: { figures: ReportFigures; locale: Locale }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      <Figure {...withinTargetText(f, locale)} />
      <Figure label="Oppetid" value={formatPercent(f.uptime.percent, 3)} detail={`Målt over ${f.uptime.coverage}`} good={null} />
      <Figure
        label="Kreditt"
        value={f.credit.percent === null ? "Må avgjøres" : formatPercent(f.credit.percent)}
        detail={f.credit.amountOre === null ? (f.credit.note ?? "") : `${formatKroner(f.credit.amountOre)} av ${formatKroner(f.credit.monthlyFeeOre)}`}
        good={f.credit.percent === null ? false : f.credit.percent === 0}
      />
    </dl>
  );
}
