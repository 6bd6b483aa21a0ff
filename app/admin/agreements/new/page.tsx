/** /admin/agreements/new: a new agreement, filled in from a preset (?preset=<key>) for review, or from scratch. */
import type { Metadata } from "next";
import { agreementFormDefaults, calendarChoices, CREDIT_KINDS, findAgreementPreset, listCalendars, RECIPIENTS } from "@/lib/server/admin";
import { defaultContext } from "@/lib/server/tickets/context";
import { AGREEMENT_PRESETS, PRIORITIES } from "@/lib/sla";
import { getLocale } from "@/lib/i18n/server";
import { t as translate } from "@/lib/i18n";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { Select } from "@/components/select";
import { StatusMessage } from "@/components/status-message";
import { withSession } from "@/lib/server/http/session";
import { BackLink } from "../../back-link";
import { NewAgreementForm } from "./new-agreement-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await getLocale(), "agreements.create.title") };
}

export default async function NewAgreementPage({ searchParams }: { searchParams: Promise<{ preset?: string }> }) {
  const { actor, t } = await withSession("provider-admin", "/admin/agreements/new");
  const [{ preset: presetKey }, calendars] = await Promise.all([searchParams, listCalendars({ actor, ctx: defaultContext() })]);
  const preset = findAgreementPreset(presetKey);
  const defaults = agreementFormDefaults(preset, calendars);
  const choices = calendarChoices(calendars).map((c) => ({ value: c.value, label: c.willCreate ? t("agreements.create.presetCalendar", { name: c.name }) : c.name }));
  const keys = [
    "name",
    "provider",
    "targets",
    "escalation",
    "escalationHelp",
    "warningNotify",
    "breachNotify",
    "moveToNextLine",
    "credit",
    "creditKind",
    "creditHelp",
    "perBreachPercent",
    "capPercent",
    "minWithinTargetPercent",
    "minUptimePercent",
    "tiers",
    "tiersHelp",
    "tiersCap",
    "agreedUptime",
    "servicePeriod",
    "claimWithinDays",
    "claimWithinDaysHelp",
    "uptime",
    "uptimeCalendar",
    "uptimeAllTime",
    "maintenanceReducesTotal",
    "maintenance",
    "maintenanceHelp",
    "submit",
    "pending",
  ] as const;
  const text = {
    ...Object.fromEntries(keys.map((k) => [k, t(`agreements.create.${k}`)])),
    minutes: t("admin.new.minutes"),
    minutesHelp: t("admin.new.minutesHelp"),
    calendar: t("admin.new.calendar"),
    warnings: t("admin.new.warnings"),
    warningsHelp: t("admin.new.warningsHelp"),
    compliance: t("admin.new.compliance"),
  };
  const legends = Object.fromEntries(PRIORITIES.map((p) => [p, `${p} ${t(`common.priority.${p}`)}`]));
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <BackLink href="/admin/agreements" label={t("admin.agr.title")} />
      <PageHeader title={t("agreements.create.title")} lead={t("agreements.create.intro")} />
      <form method="get" action="/admin/agreements/new" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="agreement-preset-form">
        <div className="min-w-64 flex-1">
          <Select
            id="agreement-preset"
            name="preset"
            label={t("agreements.create.preset")}
            options={[{ value: "", label: t("agreements.create.presetNone") }, ...AGREEMENT_PRESETS.map((p) => ({ value: p.key, label: `${p.name} (${p.source})` }))]}
            defaultValue={preset?.key ?? ""}
          />
        </div>
        <Button type="submit" tone="secondary" data-testid="agreement-preset-apply">
          {t("agreements.create.presetApply")}
        </Button>
      </form>
      {preset && <StatusMessage message={t("agreements.create.presetFilled", { name: preset.name, source: preset.source })} />}
      <NewAgreementForm
        key={preset?.key ?? "blank"}
        defaults={defaults}
        calendars={choices}
        creditKinds={CREDIT_KINDS.map((k) => ({ value: k, label: t(`agreements.create.creditKind.${k}`) }))}
        servicePeriods={(["quarter", "month"] as const).map((p) => ({ value: p, label: t(`agreements.create.servicePeriod.${p}`) }))}
        recipients={RECIPIENTS.map((r) => ({ value: r, label: t(`agreements.create.recipient.${r}`) }))}
        legends={legends}
        text={text}
      />
    </main>
  );
}
