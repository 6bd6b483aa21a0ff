/** The customers' search of their own tickets (issue 19): a plain GET form that keeps the list's filters. */
import type { Translate } from "@/lib/i18n";
import { Button } from "@/components/button";
import { ButtonLink } from "@/components/button-link";
import { TextField } from "@/components/text-field";

export function TicketSearch({ q, keep, t }: { q?: string; keep: Record<string, string>; t: Translate }) {
  return (
    <form method="get" action="/saker" role="search" aria-label={t("search.portal.label")} className="flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="w-full sm:w-96">
        <TextField id="ticket-search" name="q" type="search" label={t("search.portal.search")} help={t("search.portal.help")} defaultValue={q ?? ""} maxLength={200} />
      </div>
      <Button type="submit" tone="secondary">
        {t("search.portal.apply")}
      </Button>
      {q && <ButtonLink href="/saker">{t("search.portal.clear")}</ButtonLink>}
    </form>
  );
}
