/** The month's headline figures: within target against the threshold, uptime and credit. */
import { t, type Locale } from "@/lib/i18n";
import type { ReportFigures } from "@/lib/server/reports";
import { creditNoteText, formatKroner, formatPercent, settledLater } from "@/lib/server/reports/format";
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
      <Figure
        label={t(locale, "report.summary.uptime")}
        value={formatPercent(f.uptime.percent, 3, locale)}
        detail={t(locale, "report.summary.uptimeDetail", { coverage: f.uptime.coverage })}
        good={null}
      />
      <Figure
        label={t(locale, "report.summary.credit")}
        value={
          settledLater(f.credit) ? t(locale, "quarter.provider.settledLater") : f.credit.percent === null ? t(locale, "report.summary.creditUndecided") : formatPercent(f.credit.percent, 2, locale)
        }
        detail={
          f.credit.amountOre === null
            ? (creditNoteText(f.credit, locale) ?? "")
            : t(locale, "report.summary.creditDetail", { amount: formatKroner(f.credit.amountOre, locale), fee: formatKroner(f.credit.servicePeriod?.periodFeeOre ?? f.credit.monthlyFeeOre, locale) })
        }
        good={settledLater(f.credit) ? null : f.credit.percent === null ? false : f.credit.percent === 0}
      />
    </dl>
  );
}
