/** The signed-in person's on-call shifts for the coming days. */
import type { UpcomingShift } from "@/lib/server/oncall";
import { t, type Locale } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";

export function OncallRota({ shifts, days, now, locale }: { shifts: UpcomingShift[]; days: number; now: Date; locale: Locale }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t(locale, "oncall.rota.caption", { days })}</caption>
        <thead className="border-b border-slate-300 text-sm text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t(locale, "oncall.rota.from")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t(locale, "oncall.rota.to")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t(locale, "oncall.rota.position")}
            </th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={s.id} className="border-b border-slate-200 last:border-0">
              <td className="whitespace-nowrap px-4 py-2">
                <time dateTime={s.startsAt.toISOString()}>{formatDateTime(s.startsAt, now, locale)}</time>
              </td>
              <td className="whitespace-nowrap px-4 py-2">
                <time dateTime={s.endsAt.toISOString()}>{formatDateTime(s.endsAt, now, locale)}</time>
              </td>
              <td className="px-4 py-2">{s.position === 0 ? t(locale, "oncall.rota.primary") : t(locale, "oncall.rota.backup", { position: s.position })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
