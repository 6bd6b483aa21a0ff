/** /admin/agreements/[id]/versions/new: a new dated version, prefilled from the latest one. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BLANK_CREDIT_VALUES, creditFormValues, CREDIT_KINDS, getAgreement, listCalendars, RECIPIENTS } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { PRIORITIES, type VersionTerms } from "@/lib/sla";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { PageHeader } from "@/components/page-header";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../../../back-link";
import { NewVersionForm } from "./new-version-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "admin.agr.newVersion") };
}

export default async function NewVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, t, found } = await withSession("provider-admin", `/admin/agreements/${id}/versions/new`);
  const ctx = defaultContext();
  const [agreement, calendars] = await Promise.all([found(getAgreement({ actor, input: { agreementId: id }, ctx })), listCalendars({ actor, ctx })]);
  const latest = agreement.latest;
  if (!latest) notFound();
  const defaults: Record<string, string> = {
    ...creditFormValues(latest.credit, BLANK_CREDIT_VALUES),
    warningPercents: latest.warningThresholds.map((w) => String(Math.round(w * 1000) / 10)).join(", "),
    minWithinTargetPercent: String(latest.minWithinTargetPercent),
  };
  const calendarName = new Map(calendars.map((c) => [c.id, c.name]));
  const recipients = RECIPIENTS.map((r) => ({ value: r, label: t(`agreements.create.recipient.${r}`) }));
  const recipientLabel = new Map(recipients.map((r) => [r.value as string, r.label]));
  for (const when of ["warning", "breach"] as const) for (const r of latest.escalation[when]) defaults[`escalation.${when}.${r}`] = "on";
  if (latest.escalation.moveToNextLine) defaults["escalation.moveToNextLine"] = "on";
  const current: VersionTerms = {
    targets: Object.fromEntries(
      PRIORITIES.map((p) => {
        const target = latest.targets[p];
        return [p, target.minutes === null ? null : { minutes: target.minutes, calendar: calendarName.get(target.calendarId ?? "") ?? target.calendarId ?? "" }];
      }),
    ),
    warningPercents: latest.warningThresholds.map((w) => Math.round(w * 1000) / 10),
    minWithinTargetPercent: latest.minWithinTargetPercent,
    credit: latest.credit,
    escalation: {
      warning: latest.escalation.warning.map((r) => recipientLabel.get(r) ?? r),
      breach: latest.escalation.breach.map((r) => recipientLabel.get(r) ?? r),
      moveToNextLine: latest.escalation.moveToNextLine,
    },
  };
  const diffText = {
    yes: t("agreements.diff.yes"),
    no: t("agreements.diff.no"),
    title: t("agreements.diff.title"),
    none: t("agreements.diff.none"),
    notCovered: t("agreements.diff.notCovered"),
    field: t("agreements.diff.field"),
    before: t("agreements.diff.before"),
    after: t("agreements.diff.after"),
    unchangedTickets: t("agreements.diff.unchangedTickets"),
    labels: {
      ...Object.fromEntries(
        PRIORITIES.flatMap((p) => [
          [`targets.${p}.minutes`, t("agreements.diff.targetMinutes", { priority: p })],
          [`targets.${p}.calendar`, t("agreements.diff.targetCalendar", { priority: p })],
        ]),
      ),
      warningPercents: t("agreements.diff.warningPercents"),
      minWithinTargetPercent: t("agreements.diff.minWithinTargetPercent"),
      credit: t("agreements.diff.credit"),
      "credit.claimWithinDays": t("versions.diff.claimWithinDays"),
      "escalation.warning": t("agreements.diff.escalationWarning"),
      "escalation.breach": t("agreements.diff.escalationBreach"),
      "escalation.moveToNextLine": t("agreements.diff.escalationMove"),
    },
  };
  for (const p of PRIORITIES) {
    defaults[`targets.${p}.minutes`] = latest.targets[p].minutes === null ? "" : String(latest.targets[p].minutes);
    defaults[`targets.${p}.calendarId`] = latest.targets[p].calendarId ?? latest.targets.P1.calendarId ?? calendars[0]?.id ?? "";
  }
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href={`/admin/agreements/${agreement.id}`} label={agreement.name} />
      <PageHeader title={t("admin.new.title", { name: agreement.name })} lead={t("admin.new.intro")} />
      <NewVersionForm
        agreementId={agreement.id}
        defaults={defaults}
        calendars={calendars.map((c) => ({ value: c.id, label: c.name }))}
        current={current}
        diffText={diffText}
        recipients={recipients}
        escalationText={{
          legend: t("agreements.create.escalation"),
          help: t("agreements.create.escalationHelp"),
          warning: t("agreements.create.warningNotify"),
          breach: t("agreements.create.breachNotify"),
          moveToNextLine: t("agreements.create.moveToNextLine"),
        }}
        creditKinds={CREDIT_KINDS.map((k) => ({ value: k, label: t(`agreements.create.creditKind.${k}`) }))}
        servicePeriods={(["quarter", "month"] as const).map((p) => ({ value: p, label: t(`agreements.create.servicePeriod.${p}`) }))}
        creditText={{
          legend: t("agreements.create.credit"),
          help: t("versions.creditHelp"),
          kind: t("agreements.create.creditKind"),
          claimWithinDays: t("agreements.create.claimWithinDays"),
          claimWithinDaysHelp: t("agreements.create.claimWithinDaysHelp"),
          perBreachPercent: t("agreements.create.perBreachPercent"),
          capPercent: t("agreements.create.capPercent"),
          minWithinTargetPercent: t("agreements.create.minWithinTargetPercent"),
          minUptimePercent: t("agreements.create.minUptimePercent"),
          tiers: t("agreements.create.tiers"),
          tiersHelp: t("agreements.create.tiersHelp"),
          tiersCap: t("agreements.create.tiersCap"),
          agreedUptime: t("agreements.create.agreedUptime"),
          servicePeriod: t("agreements.create.servicePeriod"),
        }}
        text={{
          label: t("admin.new.label"),
          labelHelp: t("admin.new.labelHelp"),
          validFrom: t("admin.new.validFrom"),
          minutes: t("admin.new.minutes"),
          minutesHelp: t("admin.new.minutesHelp"),
          calendar: t("admin.new.calendar"),
          warnings: t("admin.new.warnings"),
          warningsHelp: t("admin.new.warningsHelp"),
          compliance: t("admin.new.compliance"),
          note: t("admin.new.note"),
          submit: t("admin.new.submit"),
          pending: t("admin.new.pending"),
          legends: Object.fromEntries(PRIORITIES.map((p) => [p, t("admin.new.targetsLegend", { priority: `${p} ${t(`common.priority.${p}`)}` })])),
        }}
      />
    </main>
  );
}
