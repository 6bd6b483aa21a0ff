/** /admin/calendars: every business-hours calendar, with its zone, holidays and use. */
import type { Metadata } from "next";
import Link from "next/link";
import { listCalendars } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { ButtonLink } from "@/components/button-link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../back-link";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.cal.title") };
}

export default async function CalendarsPage() {
  const { actor, t } = await withSession("provider-admin", "/admin/calendars");
  const calendars = await listCalendars({ actor, ctx: defaultContext() });
  const newButton = <ButtonLink tone="primary" href="/admin/calendars/new">{t("admin.cal.new")}</ButtonLink>;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin" label={t("admin.nav.back")} />
      <PageHeader title={t("admin.cal.title")} lead={t("admin.cal.intro")} actions={newButton} />
      {calendars.length === 0 ? (
        <EmptyState title={t("admin.cal.empty")} action={newButton} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("admin.cal.caption")}</caption>
            <thead className="border-b border-slate-300 text-sm text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">{t("admin.cal.name")}</th>
                <th scope="col" className="px-4 py-2">{t("admin.cal.timeZone")}</th>
                <th scope="col" className="px-4 py-2">{t("admin.cal.holidays")}</th>
                <th scope="col" className="px-4 py-2 text-right">{t("admin.cal.exceptions")}</th>
                <th scope="col" className="px-4 py-2 text-right">{t("admin.cal.usedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {calendars.map((c) => (
                <tr key={c.id} className="border-b border-slate-200 last:border-0">
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link href={`/admin/calendars/${c.id}`} className="font-medium text-blue-800 underline underline-offset-2">{c.name}</Link>
                    <span className="block font-mono text-sm text-slate-700">{c.key}</span>
                  </th>
                  <td className="px-4 py-3">{c.timeZone}</td>
                  <td className="px-4 py-3">{t(c.norwegianHolidays ? "admin.cal.holidaysYes" : "admin.cal.holidaysNo")}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{c.datedExceptions}</td>
                  <td className="px-4 py-3 text-right">{t("admin.cal.targetsCount", { count: c.targets })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
