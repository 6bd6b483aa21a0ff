"use server";
/** A new agreement version: the form's text becomes numbers here; the use case and lib/sla judge the rest. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createAgreementVersion } from "@/lib/server/admin";
import { AppError } from "@/lib/server/errors";
import { defaultContext } from "@/lib/server/tickets/context";
import { PRIORITIES } from "@/lib/sla";
import { getT } from "@/lib/i18n/server";
import { requireProviderAdmin } from "../access";
import { formFailure, formValues } from "../form-errors";
import type { AdminFormState } from "../form-state";

const TARGET_FIELDS = PRIORITIES.flatMap((p) => [`targets.${p}.minutes`, `targets.${p}.calendarId`]);

const numberOrNull = (text: string | undefined): number | null | undefined => {
  const s = (text ?? "").trim().replace(",", ".");
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

export async function submitNewVersion(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const t = await getT();
  const values = formValues(form, ["agreementId", "label", "validFrom", "warningPercents", "minWithinTargetPercent", "note", ...TARGET_FIELDS]);
  const actor = await requireProviderAdmin(`/admin/agreements/${values.agreementId}`);
  const errors: Record<string, string> = {};
  if (!values.label?.trim()) errors.label = t("admin.form.required");
  if (!values.validFrom) errors.validFrom = t("admin.form.required");
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => {
      const minutes = numberOrNull(values[`targets.${p}.minutes`]);
      if (minutes === undefined || (minutes !== null && !Number.isInteger(minutes))) errors[`targets.${p}.minutes`] = t("admin.new.number");
      return [p, { minutes: minutes ?? null, calendarId: values[`targets.${p}.calendarId`] ?? "" }];
    }),
  ) as Record<(typeof PRIORITIES)[number], { minutes: number | null; calendarId: string }>;
  const warningPercents = (values.warningPercents ?? "").split(/[,;\s]+/).filter(Boolean).map((s) => Number(s.replace("%", "")));
  if (warningPercents.some((n) => !Number.isFinite(n))) errors.warningPercents = t("admin.new.number");
  const minWithinTargetPercent = numberOrNull(values.minWithinTargetPercent);
  if (minWithinTargetPercent === undefined || minWithinTargetPercent === null) errors.minWithinTargetPercent = t("admin.new.number");
  if (Object.keys(errors).length) return { values, errors, message: t("admin.form.hasErrors") };
  let created: { id: string; agreementId: string };
  try {
    created = await createAgreementVersion({
      actor,
      input: { agreementId: values.agreementId ?? "", label: values.label ?? "", validFrom: values.validFrom ?? "", targets, warningPercents, minWithinTargetPercent: minWithinTargetPercent ?? 0, note: values.note ?? "" },
      ctx: defaultContext(),
    });
  } catch (error) {
    return formFailure(error, t, values, error instanceof AppError && error.code === "conflict" ? { validFrom: "admin.new.validFromTaken" } : {});
  }
  revalidatePath(`/admin/agreements/${created.agreementId}`);
  redirect(`/admin/agreements/${created.agreementId}?done=created`);
}
