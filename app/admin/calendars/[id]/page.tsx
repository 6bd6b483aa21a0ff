/** /admin/calendars/[id]: weekly hours, a preview of the next open hours and coming closed days, dated exceptions. */
import type { Metadata } from "next";
import { getCalendar, WEEKDAYS } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { formatDate } from "@/lib/i18n/format";
import { PageHeader } from "@/components/page-header";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { submitRemoveCalendarDate } from "../actions";
import { CalendarDateForm } from "./calendar-date-form";
import { EditCalendarForm } from "./edit-calendar-form";
import { CalendarPreview } from "./calendar-preview";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.cal.title") };
}

export default async function CalendarPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const { id } = await params;
  const { actor, t, found } = await withSession("provider-admin", `/admin/calendars/${id}`);
  const [search, calendar] = await Promise.all([searchParams, found(getCalendar({ actor, input: { calendarId: id }, ctx: defaultContext() }))]);
  const now = new Date();
  const DONE: Record<string, string> = {
    created: t("admin.cal.created"),
    date: t("admin.cal.dateSaved"),
    edited: t("orgs.cal.saved"),
    unchanged: t("orgs.cal.unchanged"),
    removed: t("orgs.cal.dateRemoved"),
  };
  const done = search.done ? (DONE[search.done] ?? null) : null;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/calendars" label={t("admin.cal.title")} />
      <PageHeader
        title={calendar.name}
        lead={
          <span>
            <span className="font-mono">{calendar.key}</span> · {calendar.timeZone} · {t(calendar.norwegianHolidays ? "admin.cal.holidaysYes" : "admin.cal.holidaysNo")}
          </span>
        }
      />
      {done && <StatusMessage message={done} />}
      <CalendarPreview calendar={calendar} now={now} t={t} />
      <section aria-labelledby="weekly" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="weekly" className="text-xl font-semibold">
          {t("admin.cal.weekly")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          {WEEKDAYS.map((d) => (
            <div key={d} className="contents">
              <dt className="font-medium">{t(`admin.cal.day.${d}`)}</dt>
              <dd className="tabular-nums">{calendar.weekly[d] || t("admin.cal.closed")}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="edit-calendar" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="edit-calendar" className="text-xl font-semibold">
          {t("orgs.cal.edit")}
        </h2>
        <EditCalendarForm
          calendarId={calendar.id}
          initial={{ name: calendar.name, ...Object.fromEntries(WEEKDAYS.map((d) => [`weekly.${d}`, calendar.weekly[d]])) }}
          days={WEEKDAYS.map((d) => ({ key: d, label: t(`admin.cal.day.${d}`) }))}
          text={{ name: t("admin.cal.name"), weekly: t("admin.cal.weekly"), weeklyHelp: t("orgs.cal.editHelp"), submit: t("orgs.cal.save"), pending: t("admin.form.saving") }}
        />
      </section>
      <section aria-labelledby="dates" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="dates" className="text-xl font-semibold">
          {t("admin.cal.dates")}
        </h2>
        {calendar.dates.length === 0 ? (
          <p className="text-slate-700">{t("admin.cal.noDates")}</p>
        ) : (
          <ul className="flex flex-col gap-1" data-testid="dates">
            {calendar.dates.map((d) => (
              <li key={d.date} className="flex flex-wrap items-center justify-between gap-3" data-testid={`date-${d.date}`}>
                <span>
                  <span className="font-medium">{formatDate(new Date(`${d.date}T12:00:00Z`), now, t.locale)}</span>: {d.hours ?? t("admin.cal.closed")}
                  {d.note && <span className="text-slate-700"> ({d.note})</span>}
                </span>
                <ConfirmDialog
                  action={submitRemoveCalendarDate}
                  hidden={{ calendarId: calendar.id, date: d.date }}
                  label={t("orgs.cal.removeDate")}
                  ariaLabel={t("orgs.cal.removeDateLabel", { date: d.date })}
                  title={t("orgs.cal.removeTitle", { date: d.date })}
                  body={t("orgs.cal.removeBody")}
                  confirm={t("orgs.cal.removeConfirm")}
                  cancel={t("orgs.cancel")}
                />
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-2 text-lg font-semibold">{t("admin.cal.addDate")}</h3>
        <CalendarDateForm
          calendarId={calendar.id}
          text={{
            date: t("admin.cal.date"),
            hours: t("admin.cal.dateHours"),
            hoursHelp: t("admin.cal.dateHoursHelp"),
            note: t("admin.cal.note"),
            noteHelp: t("admin.cal.noteHelp"),
            submit: t("admin.cal.saveDate"),
            pending: t("admin.form.saving"),
          }}
        />
      </section>
    </main>
  );
}
