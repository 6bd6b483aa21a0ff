"use server";
/** A new agreement version: the form's text becomes numbers here; the use case and lib/sla judge the rest. */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createAgreement, createAgreementVersion } from "@/lib/server/admin";
import { requestContext } from "@/lib/server/http/request-context";
import { PRIORITIES } from "@/lib/sla";
import { formAction } from "@/lib/server/http/action";

const TARGET_FIELDS = PRIORITIES.flatMap((p) => [`targets.${p}.minutes`, `targets.${p}.calendarId`]);
const RECIPIENTS = ["assignee", "lineLead", "customerAdmin"] as const;
const RECIPIENT_FIELDS = ["warning", "breach"].flatMap((when) => RECIPIENTS.map((r) => `escalation.${when}.${r}`));

/** The escalation checkboxes: who is told at a warning and at a breach, and whether a breach moves line. */
const escalationOf = (values: Record<string, string>) => ({
  warning: RECIPIENTS.filter((r) => values[`escalation.warning.${r}`] === "on"),
  breach: RECIPIENTS.filter((r) => values[`escalation.breach.${r}`] === "on"),
  moveToNextLine: values["escalation.moveToNextLine"] === "on",
});

const numberOrNull = (text: string | undefined): number | null | undefined => {
  const s = (text ?? "").trim().replace(",", ".");
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** A reader of a required number field: one that is empty or not a number is put in `errors` (and read as 0). */
const numberReader =
  (values: Record<string, string>, errors: Record<string, string>, notANumber: string) =>
  (field: string): number => {
    const n = numberOrNull(values[field]);
    if (n === undefined || n === null) errors[field] = notANumber;
    return n ?? 0;
  };

/** What both agreement forms ask: per-priority targets with their calendar, warning thresholds, the least share within target. */
function slaFieldsOfForm(values: Record<string, string>, number: (field: string) => number, errors: Record<string, string>, notANumber: string) {
  const targets = Object.fromEntries(
    PRIORITIES.map((p) => {
      const minutes = numberOrNull(values[`targets.${p}.minutes`]);
      if (minutes === undefined || (minutes !== null && !Number.isInteger(minutes))) errors[`targets.${p}.minutes`] = notANumber;
      return [p, { minutes: minutes ?? null, calendarId: values[`targets.${p}.calendarId`] ?? "" }];
    }),
  ) as Record<(typeof PRIORITIES)[number], { minutes: number | null; calendarId: string }>;
  const warningPercents = (values.warningPercents ?? "")
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((s) => Number(s.replace("%", "")));
  if (warningPercents.some((n) => !Number.isFinite(n))) errors.warningPercents = notANumber;
  return { targets, warningPercents, minWithinTargetPercent: number("minWithinTargetPercent") };
}

const CREDIT_FIELDS = [
  "credit.kind",
  "credit.perBreachPercent",
  "credit.capPercent",
  "credit.minWithinTargetPercent",
  "credit.minUptimePercent",
  "credit.tiers",
  "credit.tiersCap",
  "credit.agreedUptimePercent",
  "credit.servicePeriod",
];

/** The credit fieldset (components/credit-fields) as a CreditInput and its claim rule; a field that is not a number is put in `errors`. */
function creditOfForm(values: Record<string, string>, number: (field: string) => number, errors: Record<string, string>, notANumber: string) {
  const kind = values["credit.kind"] ?? "none";
  const credit =
    kind === "netpower"
      ? {
          kind: "netpower" as const,
          perBreachPercent: number("credit.perBreachPercent"),
          capPercent: number("credit.capPercent"),
          minWithinTargetPercent: number("credit.minWithinTargetPercent"),
          minUptimePercent: number("credit.minUptimePercent"),
        }
      : kind === "uptime_tiers"
        ? { kind: "uptime_tiers" as const, tiers: values["credit.tiers"] ?? "", capPercent: number("credit.tiersCap") }
        : kind === "sodvin_refund"
          ? {
              kind: "sodvin_refund" as const,
              agreedUptimePercent: number("credit.agreedUptimePercent"),
              servicePeriod: values["credit.servicePeriod"] === "month" ? ("month" as const) : ("quarter" as const),
            }
          : { kind: "none" as const };
  const claimWithinDays = numberOrNull(values.claimWithinDays);
  if (claimWithinDays === undefined || (claimWithinDays !== null && !Number.isInteger(claimWithinDays))) errors.claimWithinDays = notANumber;
  return { credit, claimWithinDays: claimWithinDays ?? null };
}

export const submitNewVersion = formAction({
  audience: "provider-admin",
  fields: [
    "agreementId",
    "label",
    "validFrom",
    "warningPercents",
    "minWithinTargetPercent",
    "note",
    "escalation.moveToNextLine",
    "claimWithinDays",
    ...TARGET_FIELDS,
    ...RECIPIENT_FIELDS,
    ...CREDIT_FIELDS,
  ],
  path: (values) => `/admin/agreements/${values.agreementId}`,
  refusal: { kind: "fields", ours: (error) => (error.code === "conflict" ? { validFrom: "admin.new.validFromTaken" } : {}) },
  run: async ({ actor, t, values }) => {
    const errors: Record<string, string> = {};
    if (!values.label?.trim()) errors.label = t("admin.form.required");
    if (!values.validFrom) errors.validFrom = t("admin.form.required");
    const number = numberReader(values, errors, t("admin.new.number"));
    const { targets, warningPercents, minWithinTargetPercent } = slaFieldsOfForm(values, number, errors, t("admin.new.number"));
    const { credit, claimWithinDays } = creditOfForm(values, number, errors, t("admin.new.number"));
    if (Object.keys(errors).length) return { values, errors, message: t("admin.form.hasErrors") };
    const created = await createAgreementVersion({
      actor,
      input: {
        agreementId: values.agreementId ?? "",
        label: values.label ?? "",
        validFrom: values.validFrom ?? "",
        targets,
        warningPercents,
        minWithinTargetPercent,
        escalation: escalationOf(values),
        credit,
        claimWithinDays,
        note: values.note ?? "",
      },
      ctx: await requestContext(),
    });
    revalidatePath(`/admin/agreements/${created.agreementId}`);
    redirect(`/admin/agreements/${created.agreementId}?done=created`);
  },
});

/** A new agreement from the form (filled in from a preset or typed from scratch). */
export const submitNewAgreement = formAction({
  audience: "provider-admin",
  fields: [
    "name",
    "provider",
    "source",
    "warningPercents",
    "minWithinTargetPercent",
    "escalation.moveToNextLine",
    "claimWithinDays",
    "maintenance",
    "uptimeCalendarId",
    "maintenanceReducesTotal",
    ...TARGET_FIELDS,
    ...RECIPIENT_FIELDS,
    ...CREDIT_FIELDS,
  ],
  path: () => "/admin/agreements/new",
  refusal: { kind: "fields" },
  run: async ({ actor, t, values }) => {
    const errors: Record<string, string> = {};
    const required = (field: string) => {
      if (!values[field]?.trim()) errors[field] = t("admin.form.required");
      return values[field]?.trim() ?? "";
    };
    const number = numberReader(values, errors, t("admin.new.number"));
    const name = required("name");
    const provider = required("provider");
    const { targets, warningPercents, minWithinTargetPercent } = slaFieldsOfForm(values, number, errors, t("admin.new.number"));
    const { credit, claimWithinDays } = creditOfForm(values, number, errors, t("admin.new.number"));
    if (Object.keys(errors).length) return { values, errors, message: t("admin.form.hasErrors") };
    const created = await createAgreement({
      actor,
      input: {
        name,
        provider,
        source: values.source ?? "",
        targets,
        warningPercents,
        minWithinTargetPercent,
        escalation: escalationOf(values),
        credit,
        claimWithinDays,
        maintenance: values.maintenance ?? "",
        uptimeCalendarId: values.uptimeCalendarId ?? "",
        maintenanceReducesTotal: values.maintenanceReducesTotal === "on",
      },
      ctx: await requestContext(),
    });
    revalidatePath("/admin/agreements");
    redirect(`/admin/agreements/${created.id}?done=agreementCreated`);
  },
});
