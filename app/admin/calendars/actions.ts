"use server";
/** Calendars: create one, edit it, set or remove a closed date / special hours; lib/sla's messages land on the fields. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createCalendar, removeCalendarDate, setCalendarDate, updateCalendar, WEEKDAYS } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { z } from "zod";
import { action, formAction } from "@/lib/server/http/action";

const WEEKLY_FIELDS = WEEKDAYS.map((d) => `weekly.${d}`);

export const submitNewCalendar = formAction({
  audience: "provider-admin",
  fields: ["key", "name", "timeZone", "norwegianHolidays", ...WEEKLY_FIELDS],
  path: () => "/admin/calendars/new",
  refusal: { kind: "fields", ours: (error) => (error.code === "conflict" ? { key: "admin.cal.keyTaken" } : {}) },
  run: async ({ actor, t, values }) => {
    const missing = (["key", "name", "timeZone"] as const).filter((f) => !values[f]?.trim());
    if (missing.length) return { values, errors: Object.fromEntries(missing.map((f) => [f, t("admin.form.required")])), message: t("admin.form.hasErrors") };
    const { id } = await createCalendar({
      actor,
      input: {
        key: values.key ?? "",
        name: values.name ?? "",
        timeZone: values.timeZone ?? "",
        weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, values[`weekly.${d}`] ?? ""])),
        norwegianHolidays: values.norwegianHolidays === "on",
      },
      ctx: defaultContext(),
    });
    revalidatePath("/admin/calendars");
    redirect(`/admin/calendars/${id}?done=created`);
  },
});

export const submitCalendarDate = formAction({
  audience: "provider-admin",
  fields: ["calendarId", "date", "hours", "note"],
  path: (values) => `/admin/calendars/${values.calendarId}`,
  refusal: { kind: "fields" },
  run: async ({ actor, t, values }) => {
    if (!values.date) return { values, errors: { date: t("admin.form.required") }, message: t("admin.form.hasErrors") };
    await setCalendarDate({ actor, input: { calendarId: values.calendarId ?? "", date: values.date, hours: values.hours ?? "", note: values.note ?? "" }, ctx: defaultContext() });
    revalidatePath(`/admin/calendars/${values.calendarId}`);
    redirect(`/admin/calendars/${values.calendarId}?done=date`);
  },
});

export const submitEditCalendar = formAction({
  audience: "provider-admin",
  fields: ["calendarId", "name", ...WEEKLY_FIELDS],
  path: (values) => `/admin/calendars/${values.calendarId}`,
  refusal: { kind: "fields" },
  run: async ({ actor, t, values }) => {
    if (!values.name?.trim()) return { values, errors: { name: t("admin.form.required") }, message: t("admin.form.hasErrors") };
    const { changed } = await updateCalendar({
      actor,
      input: { calendarId: values.calendarId ?? "", name: values.name, weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, values[`weekly.${d}`] ?? ""])) },
      ctx: defaultContext(),
    });
    revalidatePath(`/admin/calendars/${values.calendarId}`);
    redirect(`/admin/calendars/${values.calendarId}?done=${changed ? "edited" : "unchanged"}`);
  },
});

export const submitRemoveCalendarDate = action({
  audience: "provider-admin",
  path: "/admin/calendars",
  fields: ["calendarId", "date"],
  input: z.object({ calendarId: z.uuid(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    await removeCalendarDate({ actor, input, ctx: defaultContext() });
    revalidatePath(`/admin/calendars/${input.calendarId}`);
    redirect(`/admin/calendars/${input.calendarId}?done=removed`);
  },
});
