/**
 * /status: a customer organisation's service status for its signed-in users (issue 18): open
 * incidents with what the servicedesk told, the incidents resolved this month, coming planned
 * maintenance, and this month's uptime so far (the monthly report's figure, up to now).
 */
import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatDateTime, formatDuration } from "@/lib/i18n/format";
import { withSession } from "@/lib/server/http/session";
import { getOrganizationStatus } from "@/lib/server/incidents";
import { defaultContext } from "@/lib/server/tickets/context";
import { formatPercent } from "@/lib/server/reports/format";
import { Badge } from "@/components/badge";
import { PageHeader } from "@/components/page-header";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "incidents.status.title") };
}

export default async function StatusPage() {
  const { actor, t, found } = await withSession("customer", "/status");
  const status = await found(getOrganizationStatus({ actor, ctx: defaultContext() }));
  const now = status.asOf;
  const when = (d: Date) => formatDateTime(d, now, t.locale);
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <PageHeader title={t("incidents.status.title")} lead={t("incidents.status.lead", { organization: status.organization.name })} />

      <section aria-labelledby="status-open" className="flex flex-col gap-3">
        <h2 id="status-open" className="text-xl font-semibold">
          {t("incidents.status.openIncidents")}
        </h2>
        {status.open.length === 0 && <p data-testid="status-no-incidents">{t("incidents.status.noOpenIncidents")}</p>}
        <ul className="flex flex-col gap-3">
          {status.open.map((i) => (
            <li key={i.id} data-testid="status-incident" className="flex flex-col gap-2 rounded-lg border border-red-300 bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="danger">{i.service}</Badge>
                <span>{t("incidents.status.since", { when: when(i.startedAt) })}</span>
              </div>
              <p>{i.cause}</p>
              {i.updates.some((u) => u.message) && (
                <ul className="flex flex-col gap-1 text-sm" aria-label={t("incidents.status.updates")}>
                  {i.updates
                    .filter((u) => u.message)
                    .map((u, n) => (
                      <li key={n}>
                        <span className="text-slate-600">{when(u.createdAt)}:</span> {u.message}
                      </li>
                    ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="status-uptime" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="status-uptime" className="text-xl font-semibold">
          {t("incidents.status.uptime")}
        </h2>
        <p className="text-2xl font-bold" data-testid="status-uptime-percent">
          {t("incidents.status.uptimePercent", { percent: formatPercent(status.uptime.percent, 3, t.locale) })}
        </p>
        <p data-testid="status-downtime">{t("incidents.status.downtime", { duration: formatDuration(status.uptime.downtimeMinutes, t.locale) })}</p>
        <p className="text-sm text-slate-700">{t("incidents.status.asOf", { when: when(now), from: when(status.uptime.from) })}</p>
      </section>

      <section aria-labelledby="status-maintenance" className="flex flex-col gap-3">
        <h2 id="status-maintenance" className="text-xl font-semibold">
          {t("incidents.status.maintenance")}
        </h2>
        {status.maintenance.length === 0 && <p>{t("incidents.status.noMaintenance")}</p>}
        <ul className="flex flex-col gap-2">
          {status.maintenance.map((w) => (
            <li key={w.id} data-testid="status-maintenance" className="rounded-md border border-slate-300 bg-white p-3">
              <span className="font-medium">{t("incidents.list.period", { from: when(w.startsAt), to: when(w.endsAt) })}</span> — {w.description}
            </li>
          ))}
        </ul>
      </section>

      {status.resolved.length > 0 && (
        <section aria-labelledby="status-resolved" className="flex flex-col gap-3">
          <h2 id="status-resolved" className="text-xl font-semibold">
            {t("incidents.status.recent")}
          </h2>
          <ul className="flex flex-col gap-2">
            {status.resolved.map((i) => (
              <li key={i.id} data-testid="status-resolved" className="rounded-md border border-slate-300 bg-white p-3">
                <span className="font-medium">{i.service}</span>: {t("incidents.list.period", { from: when(i.startedAt), to: i.endedAt ? when(i.endedAt) : "" })} — {i.cause}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
