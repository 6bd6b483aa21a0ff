"use server";
/** A new agreement version: the form's text becomes numbers here; the use case and lib/sla judge the rest. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createAgreementVersion } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { PRIORITIES } from "@/lib/sla";
import { formAction } from "@/lib/server/http/action";

const TARGET_FIELDS = PRIORITIES.flatMap((p) => [`targets.${p}.minutes`, `targets.${p}.calendarId`]);

const numberOrNull = (text: string | undefined): number | null | undefined => {
  const s = (text ?? "").trim().replace(",", ".");
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

export const submitNewVersion = formAction({
  audience: "provider-admin",
  fields: ["agreementId", "label", "validFrom", "warningPercents", "minWithinTargetPercent", "note", ...TARGET_FIELDS],
  path: (values) => `/admin/agreements/${values.agreementId}`,
  refusal: { kind: "fields", ours: (error) => (error.code === "conflict" ? { validFrom: "admin.new.validFromTaken" } : {}) },
  run: async ({ actor, t, values }) => {
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
    const warningPercents = (values.warningPercents ?? "")
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((s) => Number(s.replace("%", "")));
    if (warningPercents.some((n) => !Number.isFinite(n))) errors.warningPercents = t("admin.new.number");
    const minWithinTargetPercent = numberOrNull(values.minWithinTargetPercent);
    if (minWithinTargetPercent === undefined || minWithinTargetPercent === null) errors.minWithinTargetPercent = t("admin.new.number");
    if (Object.keys(errors).length) return { values, errors, message: t("admin.form.hasErrors") };
    const created = await createAgreementVersion({
      actor,
      input: {
        agreementId: values.agreementId ?? "",
        label: values.label ?? "",
        validFrom: values.validFrom ?? "",
        targets,
        warningPercents,
        minWithinTargetPercent: minWithinTargetPercent ?? 0,
        note: values.note ?? "",
      },
      ctx: defaultContext(),
    });
    revalidatePath(`/admin/agreements/${created.agreementId}`);
    redirect(`/admin/agreements/${created.agreementId}?done=created`);
  },
});
