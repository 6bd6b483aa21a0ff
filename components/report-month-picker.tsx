/** Month picker (a plain GET form, works without JavaScript). */
import { t, type Locale } from "@/lib/i18n";

export function ReportMonthPicker({ month, action, organizationId, locale }: { month: string; action: string; organizationId?: string; locale: Locale }) {
  return (
    <form method="get" action={action} className="flex items-end gap-2">
      {organizationId && <input type="hidden" name="organization" value={organizationId} />}
      <label className="flex flex-col text-sm font-medium text-slate-700">
        {t(locale, "report.picker.month")}
        <input type="month" name="month" defaultValue={month} required className="rounded border border-slate-300 bg-white px-2 py-1 text-base" />
      </label>
      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        {t(locale, "report.picker.show")}
      </button>
    </form>
  );
}
