import "server-only";
/**
 * The new-agreement form's values as text: blank, or filled in from a lib/sla preset so the admin
 * reviews them before saving. A preset's calendar is the calendar with the preset's key, or
 * "preset:<key>" when it is not in the database yet (created when the agreement is saved).
 */
import { AGREEMENT_PRESETS, CALENDAR_PRESETS, formatMaintenanceRules, PRIORITIES, type AgreementPreset, type CalendarSpec } from "../../sla";
import { PRESET_CALENDAR_PREFIX } from "./create-agreement";
import { BLANK_CREDIT_VALUES, creditFormValues } from "./credit-input";

export const RECIPIENTS = ["assignee", "lineLead", "customerAdmin"] as const;
export const CREDIT_KINDS = ["none", "netpower", "uptime_tiers", "sodvin_refund"] as const;

export interface CalendarChoice {
  value: string;
  name: string;
  /** A preset calendar that saving will create. */
  willCreate: boolean;
}

/** The calendars a target can use: those in the database, then the preset calendars not yet there. */
export function calendarChoices(calendars: ReadonlyArray<{ id: string; key: string; name: string }>): CalendarChoice[] {
  const keys = new Set(calendars.map((c) => c.key));
  return [
    ...calendars.map((c) => ({ value: c.id, name: c.name, willCreate: false })),
    ...CALENDAR_PRESETS.filter((p) => !keys.has(p.key)).map((p) => ({ value: `${PRESET_CALENDAR_PREFIX}${p.key}`, name: p.name, willCreate: true })),
  ];
}

export function findAgreementPreset(key: string | undefined): AgreementPreset | null {
  return AGREEMENT_PRESETS.find((p) => p.key === key) ?? null;
}

const same = (a: CalendarSpec, b: CalendarSpec) => JSON.stringify(a) === JSON.stringify(b);
const pct = (fraction: number) => String(Math.round(fraction * 100_000) / 1000);

export function agreementFormDefaults(preset: AgreementPreset | null, calendars: ReadonlyArray<{ id: string; key: string }>): Record<string, string> {
  const calendarValue = (spec: CalendarSpec): string => {
    // Identity first: presets with the same hours (Netpower, Pureservice, Nettsoft office hours) keep their own calendar.
    const key = (CALENDAR_PRESETS.find((c) => c.spec === spec) ?? CALENDAR_PRESETS.find((c) => same(c.spec, spec)))?.key;
    if (!key) return "";
    return calendars.find((c) => c.key === key)?.id ?? `${PRESET_CALENDAR_PREFIX}${key}`;
  };
  const values: Record<string, string> = {
    name: "",
    provider: "",
    source: "",
    warningPercents: "50, 75, 90",
    minWithinTargetPercent: "90",
    "escalation.warning.assignee": "on",
    "escalation.breach.assignee": "on",
    "escalation.breach.lineLead": "on",
    ...BLANK_CREDIT_VALUES,
    maintenance: "",
    uptimeCalendarId: "",
    maintenanceReducesTotal: "",
  };
  for (const p of PRIORITIES) {
    values[`targets.${p}.minutes`] = "";
    values[`targets.${p}.calendarId`] = calendars[0]?.id ?? "";
  }
  if (!preset) return values;
  const v = preset.versions.at(-1)!;
  values.name = preset.name;
  values.provider = preset.provider;
  values.source = preset.source;
  values.warningPercents = v.warningThresholds.map(pct).join(", ");
  values.minWithinTargetPercent = String(v.compliance.minWithinTargetPercent);
  for (const p of PRIORITIES) {
    const target = v.targets[p];
    values[`targets.${p}.minutes`] = target ? String(target.minutes) : "";
    if (target) values[`targets.${p}.calendarId`] = calendarValue(target.calendar) || values[`targets.${p}.calendarId`]!;
  }
  Object.assign(values, creditFormValues(v.credit, values));
  values.maintenance = formatMaintenanceRules(preset.uptime?.maintenance ?? []);
  const coverage = preset.uptime?.coverageCalendarKey;
  values.uptimeCalendarId = coverage ? (calendars.find((cal) => cal.key === coverage)?.id ?? `${PRESET_CALENDAR_PREFIX}${coverage}`) : "";
  values.maintenanceReducesTotal = preset.uptime?.maintenanceReducesTotal ? "on" : "";
  return values;
}
