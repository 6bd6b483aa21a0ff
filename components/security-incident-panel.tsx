/**
 * The agent's view of a security incident (issue 18): the prompt to flag a P1 whose text suggests a
 * personal-data breach, or the deadline for notifying the customer (003/004 §8.9) and where it stands.
 */
import type { Locale, Translate } from "@/lib/i18n";
import { formatDateTime, formatDuration } from "@/lib/i18n/format";
import type { SecurityPanel } from "@/lib/server/security/get-security-panel";
import { Badge } from "./badge";

export function SecurityIncidentPanel({ panel, now, t }: { panel: SecurityPanel; now: Date; t: Translate & { locale: Locale } }) {
  if (panel.suggestion) {
    return (
      <section role="alert" aria-labelledby="security-prompt" data-testid="security-prompt" className="rounded-lg border border-amber-600 bg-amber-50 p-4">
        <h2 id="security-prompt" className="font-semibold">
          {t("security.prompt.title")}
        </h2>
        <p className="text-sm">{t("security.prompt.text", { terms: panel.suggestion.terms.map((term) => `«${term}»`).join(", ") })}</p>
      </section>
    );
  }
  const c = panel.clock;
  if (!c) return null;
  const when = (iso: string) => formatDateTime(iso, now, t.locale);
  const hours = c.rule.kind === "within_hours" ? c.rule.hours : c.rule.targetHours;
  const status =
    c.notifiedAt !== null
      ? t(c.state === "met" ? "security.clock.met" : "security.clock.metLate", { notifiedAt: when(c.notifiedAt), dueAt: when(c.dueAt) })
      : c.state === "breached"
        ? t("security.clock.breached", { dueAt: when(c.dueAt) })
        : t("security.clock.running", { dueAt: when(c.dueAt), left: formatDuration(Math.ceil(c.leftMinutes), t.locale) });
  const tone = c.state === "breached" ? "border-red-700 bg-red-50" : c.state === "met" ? "border-emerald-700 bg-emerald-50" : "border-amber-600 bg-amber-50";
  return (
    <section aria-labelledby="breach-notice-clock" data-testid="breach-notice-clock" data-state={c.state} className={`flex flex-col gap-1 rounded-lg border p-4 ${tone}`}>
      <h2 id="breach-notice-clock" className="flex flex-wrap items-center gap-2 font-semibold">
        {t("security.clock.title")}
        {c.state === "breached" && <Badge tone="danger">{t("agent.ticket.security")}</Badge>}
      </h2>
      <p data-testid="breach-notice-status">{status}</p>
      <p className="text-sm text-slate-700">{t(`security.clock.rule.${c.rule.kind}`, { hours: String(hours).replace(".", t.locale === "nb" ? "," : ".") })}</p>
      <p className="text-sm text-slate-700">{t("security.clock.wallClock")}</p>
    </section>
  );
}
