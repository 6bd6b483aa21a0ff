/** Month picker (a plain GET form, works without JavaScript). */
export function ReportMonthPicker({ month, action, organizationId }: { month: string; action: string; organizationId?: string }) {
  return (
    <form method="get" action={action} className="flex items-end gap-2">
      {organizationId && <input type="hidden" name="organization" value={organizationId} />}
      <label className="flex flex-col text-sm font-medium text-slate-700">
        Måned
        <input type="month" name="month" defaultValue={month} required className="rounded border border-slate-300 bg-white px-2 py-1 text-base" />
      </label>
      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        Vis
      </button>
    </form>
  );
}
