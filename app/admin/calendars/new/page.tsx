/** /admin/calendars/new: create a business-hours calendar, checked by the SLA engine. */
import type { Metadata } from "next";
import { WEEKDAYS } from "@/lib/server/admin";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { NewCalendarForm } from "./new-calendar-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.cal.new") };
}

export default async function NewCalendarPage() {
  const { t } = await withSession("provider-admin", "/admin/calendars/new");
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/calendars" label={t("admin.cal.title")} />
      <PageHeader title={t("admin.cal.new")} lead={t("admin.cal.intro")} />
      <NewCalendarForm
        days={WEEKDAYS.map((d) => ({ key: d, label: t(`admin.cal.day.${d}`) }))}
        text={{
          key: t("admin.cal.key"),
          keyHelp: t("admin.cal.keyHelp"),
          name: t("admin.cal.name"),
          timeZone: t("admin.cal.timeZone"),
          timeZoneHelp: t("admin.cal.timeZoneHelp"),
          weekly: t("admin.cal.weekly"),
          weeklyHelp: t("admin.cal.weeklyHelp"),
          holidays: t("admin.cal.holidaysLabel"),
          submit: t("admin.cal.create"),
          pending: t("admin.cal.creating"),
        }}
      />
    </main>
  );
}
