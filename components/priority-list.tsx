/** The four priorities with their response targets (business time). */
import { t, type Locale } from "@/lib/i18n";

export interface PriorityTarget {
  code: "P1" | "P2" | "P3" | "P4";
  /** Response target in business minutes. */
  minutes: number;
}

const TONES = {
  P1: "bg-red-100 text-red-900",
  P2: "bg-orange-100 text-orange-900",
  P3: "bg-amber-100 text-amber-900",
  P4: "bg-slate-200 text-slate-800",
} as const;

function duration(minutes: number, locale: Locale): string {
  if (minutes % 60 !== 0) return t(locale, "common.duration.minutes", { n: minutes });
  const hours = minutes / 60;
  return hours === 1 ? t(locale, "common.duration.hour") : t(locale, "common.duration.hours", { n: hours });
}

export function PriorityList({ targets, locale }: { targets: PriorityTarget[]; locale: Locale }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label={t(locale, "common.home.prioritiesLabel")}>
      {targets.map((target) => (
        <li key={target.code} className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <span className={`rounded px-2 py-1 text-sm font-semibold ${TONES[target.code]}`}>{target.code}</span>
          <span className="font-medium">{t(locale, `common.priority.${target.code}`)}</span>
          <span className="ml-auto text-sm text-slate-700">{t(locale, "common.home.targetWithin", { duration: duration(target.minutes, locale) })}</span>
        </li>
      ))}
    </ul>
  );
}
