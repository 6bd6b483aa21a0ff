/** /admin/calendars: every business-hours calendar, with its zone, holidays and use. */
import type { Metadata } from "next";
import Link from "next/link";
import { listCalendars } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { ButtonLink } from "@/components/button-link";
import { EmptyState } from "@/components/empty-state";
import { DataTable } from "@/components/data-table";
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
  const newButton = (
    <ButtonLink tone="primary" href="/admin/calendars/new">
      {t("admin.cal.new")}
    </ButtonLink>
  );
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin" label={t("admin.nav.back")} />
      <PageHeader title={t("admin.cal.title")} lead={t("admin.cal.intro")} actions={newButton} />
      {calendars.length === 0 ? (
        <EmptyState title={t("admin.cal.empty")} action={newButton} />
      ) : (
        <DataTable
          caption={t("admin.cal.caption")}
          rows={calendars}
          rowKey={(c) => c.id}
          columns={[
            {
              label: t("admin.cal.name"),
              cell: (c) => (
                <>
                  <Link href={`/admin/calendars/${c.id}`} className="font-medium text-blue-800 underline underline-offset-2">
                    {c.name}
                  </Link>
                  <span className="block font-mono text-sm text-slate-700">{c.key}</span>
                </>
              ),
            },
            { label: t("admin.cal.timeZone"), cell: (c) => c.timeZone },
            { label: t("admin.cal.holidays"), cell: (c) => t(c.norwegianHolidays ? "admin.cal.holidaysYes" : "admin.cal.holidaysNo") },
            { label: t("admin.cal.exceptions"), numeric: true, className: "tabular-nums", cell: (c) => c.datedExceptions },
            { label: t("admin.cal.usedBy"), numeric: true, cell: (c) => t("admin.cal.targetsCount", { count: c.targets }) },
          ]}
        />
      )}
    </main>
  );
}
