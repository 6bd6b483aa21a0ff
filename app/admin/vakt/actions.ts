"use server";
/** The rota editor's actions (issue 18): patterns, overrides, swaps, deleting (after confirming), calendar links. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coverPeriod, createPattern, deletePattern, deleteShift, makeCalendarToken, swapShifts, updatePattern, calendarFeedUrl } from "@/lib/server/oncall";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { action, formAction, type FieldMessages, type Values } from "@/lib/server/http/action";
import { instantOfLocalDateTime } from "@/lib/sla/rota-pattern";
import { readEnv } from "@/lib/config/env";
import { TIME_ZONE } from "@/lib/config/time-zone";
import type { FormState } from "@/lib/forms/form-state";
import type { T } from "@/lib/server/http/session";

const PATH = "/admin/vakt";
import { MAX_WEEKS } from "./limits";
const WEEK_FIELDS = Array.from({ length: MAX_WEEKS }, (_, i) => [`week${i}Primary`, `week${i}Backup`]).flat();
const PATTERN_FIELDS = ["patternId", "name", "startsOn", "hours", "weekCount", ...WEEK_FIELDS] as const;

/** A use case's field errors under the form's field names: every "weeks.…" is the weeks' one message. */
function collapsed(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error.fields)) (fields[key.startsWith("weeks") ? "weeks" : key] ??= []).push(...messages);
  return new AppError(error.code, error.message, fields);
}

const ours: FieldMessages = {
  startsOn: "rota.error.monday",
  weeks: "rota.error.weeks",
  name: "admin.form.required",
  userId: "rota.error.person",
  startsAt: "rota.error.period",
  endsAt: "rota.error.period",
  otherShiftId: "rota.error.swap",
  shiftId: "rota.error.swap",
};
const refusal = { kind: "fields" as const, ours: () => ours };

function patternInput(values: Values) {
  const count = Math.min(MAX_WEEKS, Math.max(1, Number.parseInt(values.weekCount ?? "1", 10) || 1));
  return {
    name: values.name ?? "",
    startsOn: values.startsOn ?? "",
    hours: values.hours === "ALWAYS" ? ("ALWAYS" as const) : ("VAKTTELEFON" as const),
    weeks: Array.from({ length: count }, (_, i) => ({ primaryUserId: values[`week${i}Primary`] ?? "", backupUserId: values[`week${i}Backup`] || null })),
  };
}

async function savePattern(values: Values, t: T, run: () => Promise<string>): Promise<FormState> {
  try {
    const done = await run();
    revalidatePath(PATH);
    redirect(`${PATH}?done=${done}${values.startsOn ? `&fra=${values.startsOn}` : ""}`);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return { values, errors: { startsOn: t("rota.patterns.taken") }, message: t("rota.patterns.taken") };
    throw collapsed(error);
  }
}

export const submitNewPattern = formAction({
  audience: "provider-admin",
  fields: PATTERN_FIELDS,
  path: () => PATH,
  refusal,
  run: async ({ actor, t, values }) =>
    savePattern(values, t, async () => {
      await createPattern({ actor, input: patternInput(values), ctx: defaultContext() });
      return "created";
    }),
});

export const submitEditPattern = formAction({
  audience: "provider-admin",
  fields: PATTERN_FIELDS,
  path: () => PATH,
  refusal,
  run: async ({ actor, t, values }) =>
    savePattern(values, t, async () => {
      const { changed } = await updatePattern({ actor, input: { ...patternInput(values), patternId: values.patternId ?? "" }, ctx: defaultContext() });
      return changed ? "saved" : "unchanged";
    }),
});

export const submitDeletePattern = action({
  audience: "provider-admin",
  path: PATH,
  fields: ["patternId"],
  input: z.object({ patternId: z.uuid() }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    await deletePattern({ actor, input, ctx: defaultContext() });
    revalidatePath(PATH);
    redirect(`${PATH}?done=pattern-deleted`);
  },
});

export const submitOverride = formAction({
  audience: "provider-admin",
  fields: ["userId", "startsAt", "endsAt", "position", "fra"],
  path: () => PATH,
  refusal,
  run: async ({ actor, t, values }) => {
    const startsAt = instantOfLocalDateTime(values.startsAt ?? "", TIME_ZONE);
    const endsAt = instantOfLocalDateTime(values.endsAt ?? "", TIME_ZONE);
    const errors: Record<string, string> = {};
    if (!values.userId) errors.userId = t("rota.error.person");
    if (!startsAt) errors.startsAt = t("admin.form.required");
    if (!endsAt) errors.endsAt = t("admin.form.required");
    if (!startsAt || !endsAt || !values.userId) return { values, errors, message: t("admin.form.hasErrors") };
    await coverPeriod({ actor, input: { userId: values.userId, startsAt, endsAt, position: values.position === "1" ? 1 : 0 }, ctx: defaultContext() });
    revalidatePath(PATH);
    redirect(`${PATH}?done=override${values.fra ? `&fra=${values.fra}` : ""}`);
  },
});

export const submitSwap = formAction({
  audience: "provider-admin",
  fields: ["shiftId", "otherShiftId", "fra"],
  path: () => PATH,
  refusal,
  run: async ({ actor, t, values }) => {
    if (!values.shiftId || !values.otherShiftId) return { values, errors: { otherShiftId: t("rota.error.swap") }, message: t("admin.form.hasErrors") };
    await swapShifts({ actor, input: { shiftId: values.shiftId, otherShiftId: values.otherShiftId }, ctx: defaultContext() });
    revalidatePath(PATH);
    redirect(`${PATH}?done=swapped${values.fra ? `&fra=${values.fra}` : ""}`);
  },
});

export const submitDeleteShift = action({
  audience: "provider-admin",
  path: PATH,
  fields: ["shiftId", "fra"],
  input: z.object({ shiftId: z.uuid(), fra: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/) }),
  invalid: "not-found",
  run: async ({ actor, input }) => {
    const back = input.fra ? `&fra=${input.fra}` : "";
    try {
      await deleteShift({ actor, input: { shiftId: input.shiftId }, ctx: defaultContext() });
    } catch (error) {
      if (error instanceof AppError && error.code === "unprocessable") redirect(`${PATH}?feil=pattern-shift${back}`);
      throw error;
    }
    revalidatePath(PATH);
    redirect(`${PATH}?done=shift-deleted${back}`);
  },
});

/** A new calendar link for a person (the admin page) or for oneself (/vakt): shown once, in `result`. */
export const submitCalendarLink = formAction({
  audience: "staff",
  fields: ["userId"],
  path: () => "/vakt",
  refusal: { kind: "fields", ours: () => ({ userId: "rota.error.person" }) },
  run: async ({ actor, values }) => {
    const { token } = await makeCalendarToken({ actor, input: { userId: values.userId || actor.userId }, ctx: defaultContext() });
    return { values: {}, errors: {}, message: null, result: calendarFeedUrl(readEnv().APP_URL, token) };
  },
});
