/** Status and priority filters for the organisation's tickets (a plain GET form). */
import type { Translate } from "@/lib/i18n";
import { PrioritySchema, TicketStatusSchema } from "@/lib/server/tickets/schemas";
import { Button } from "@/components/button";
import { Select } from "@/components/select";

export function TicketFilters({ status, priority, q, t }: { status?: string; priority?: string; q?: string; t: Translate }) {
  const any = { value: "", label: t("portal.list.filterAny") };
  return (
    <form method="get" action="/saker" className="flex flex-wrap items-end gap-3" aria-label={t("portal.list.filters")}>
      {q && <input type="hidden" name="q" value={q} />}
      <div className="w-48">
        <Select
          id="status"
          name="status"
          label={t("portal.list.filterStatus")}
          defaultValue={status ?? ""}
          options={[any, ...TicketStatusSchema.options.map((s) => ({ value: s, label: t(`common.status.${s}`) }))]}
        />
      </div>
      <div className="w-48">
        <Select
          id="priority"
          name="priority"
          label={t("portal.list.filterPriority")}
          defaultValue={priority ?? ""}
          options={[any, ...PrioritySchema.options.map((p) => ({ value: p, label: `${p} ${t(`common.priority.${p}`)}` }))]}
        />
      </div>
      <Button type="submit" tone="secondary">
        {t("portal.list.filterApply")}
      </Button>
    </form>
  );
}
