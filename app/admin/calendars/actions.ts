"use server";
/** Calendars: create one, or set a closed date / special hours; lib/sla's messages land on the fields. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createCalendar, setCalendarDate, WEEKDAYS } from "@/lib/server/admin";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { getT } from "@/lib/i18n/server";
import { requireProviderAdmin } from "../access";
import { formFailure, formValues } from "../form-errors";
import type { AdminFormState } from "../form-state";

const WEEKLY_FIELDS = WEEKDAYS.map((d) => `weekly.${d}`);

export async function submitNewCalendar(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireProviderAdmin("/admin/calendars/new");
  const t = await getT();
  const values = formValues(form, ["key", "name", "timeZone", "norwegianHolidays", ...WEEKLY_FIELDS]);
  const missing = (["key", "name", "timeZone"] as const).filter((f) => !values[f]?.trim());
  if (missing.length) return { values, errors: Object.fromEntries(missing.map((f) => [f, t("admin.form.required")])), message: t("admin.form.hasErrors") };
  let id: string;
  try {
    id = (
      await createCalendar({
        actor,
        input: {
          key: values.key ?? "",
          name: values.name ?? "",
          timeZone: values.timeZone ?? "",
          weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, values[`weekly.${d}`] ?? ""])),
          norwegianHolidays: values.norwegianHolidays === "on",
        },
        ctx: defaultContext(),
      })
    ).id;
  } catch (error) {
    return formFailure(error, t, values, error instanceof AppError && error.code === "conflict" ? { key: "admin.cal.keyTaken" } : {});
  }
  revalidatePath("/admin/calendars");
  redirect(`/admin/calendars/${id}?done=created`);
}

export async function submitCalendarDate(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const t = await getT();
  const values = formValues(form, ["calendarId", "date", "hours", "note"]);
  const actor = await requireProviderAdmin(`/admin/calendars/${values.calendarId}`);
  if (!values.date) return { values, errors: { date: t("admin.form.required") }, message: t("admin.form.hasErrors") };
  try {
    await setCalendarDate({ actor, input: { calendarId: values.calendarId ?? "", date: values.date, hours: values.hours ?? "", note: values.note ?? "" }, ctx: defaultContext() });
  } catch (error) {
    return formFailure(error, t, values);
  }
  revalidatePath(`/admin/calendars/${values.calendarId}`);
  redirect(`/admin/calendars/${values.calendarId}?done=date`);
}
