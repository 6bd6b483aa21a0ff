import type { AgreementVersionSpec, Priority } from "./agreement";
import type { CalendarSpec } from "./calendar";
import type { CreditScheme, NetpowerCreditScheme, SodvinRefundScheme, UptimeTiersCreditScheme } from "./credit";
import type { MaintenanceRule } from "./maintenance";
import { NETPOWER_MAINTENANCE_NOTICE, NETTSOFT_MAINTENANCE_NOTICE, SODVIN_MAINTENANCE_NOTICE, type MaintenanceNoticeRule } from "./maintenance-notice";

/**
 * The seed agreements (shared/seeds 000–004) as data for the database seed.
 *
 * Interpretations:
 * - Versions whose start the seeds do not date are valid from SINCE_EVER (2000-01-01).
 * - Pureservice: 004's change log, version 2.2 "6 Endret responstid fra 4 til 2 timer", valid
 *   from 02.10.2023 (Oslo midnight). Version 2.0 (05.01.2023) is the earliest listed; the 4-hour
 *   version is taken to apply from SINCE_EVER so older tickets still have a version.
 * - Only Netpower states a share-within-target rule (90 %, 000 §10). For the others the report
 *   uses 90 % as its pass mark, with no credit attached (their credits depend on uptime only).
 * - Netpower extended "P4 not covered (ordinary rule applies)": the ordinary P4 target (480 min
 *   office hours) is put in the extended version's P4.
 * - Nettsoft response times are per contract, the same for every priority (002 §2).
 * - Sodvin's agreed uptime O is in its Bilag 1, which is not in the seeds: use sodvinRefund(O).
 *   The Sodvin Azure preset proposes O = 0.995 and, since 001 names no response times (they are
 *   in the service descriptions, not in the seeds), Netpower's ordinary targets on office hours;
 *   the admin reviews both in the form before saving. Its service period is the quarter
 *   (001 §7.2 "TP … kvartalsvis om ikke annet fremgår av Bilagene").
 * - Nettsoft mobile (MBN/BN, 002 §2.6–2.7): 60 minutes on working days 08–16 for every priority.
 */
export interface CalendarPreset {
  key: string;
  name: string;
  spec: CalendarSpec;
}

export interface UptimePreset {
  /** Calendar key of the time the uptime guarantee covers; omitted: all the time. */
  coverageCalendarKey?: string;
  maintenance: MaintenanceRule[];
  maintenanceReducesTotal?: boolean;
  /** When one-off maintenance may be announced (issue 18); omitted: only before it starts. */
  notice?: MaintenanceNoticeRule;
}

export interface AgreementPreset {
  key: string;
  name: string;
  provider: string;
  /** Source in shared/seeds. */
  source: string;
  versions: AgreementVersionSpec[];
  uptime?: UptimePreset;
}

const ZONE = "Europe/Oslo";
const SINCE_EVER = "2000-01-01T00:00:00.000Z";
const WARNINGS = [0.5, 0.75, 0.9];
const weekdays = (from: string, to: string) => ({
  mon: [[from, to]] as Array<[string, string]>,
  tue: [[from, to]] as Array<[string, string]>,
  wed: [[from, to]] as Array<[string, string]>,
  thu: [[from, to]] as Array<[string, string]>,
  fri: [[from, to]] as Array<[string, string]>,
});
const everyDay = (from: string, to: string) => ({
  ...weekdays(from, to),
  sat: [[from, to]] as Array<[string, string]>,
  sun: [[from, to]] as Array<[string, string]>,
});

export const NETPOWER_OFFICE_HOURS: CalendarPreset = {
  key: "netpower-office-hours",
  name: "Netpower office hours (weekdays 08:00–16:00, Norwegian holidays closed)",
  spec: { timeZone: ZONE, weekly: weekdays("08:00", "16:00"), holidays: { country: "NO" } },
};
export const ALWAYS_OPEN: CalendarPreset = {
  key: "always-24-7",
  name: "24/7",
  spec: { timeZone: ZONE, weekly: everyDay("00:00", "24:00") },
};
export const NETPOWER_EXTENDED_08_22: CalendarPreset = {
  key: "netpower-extended-08-22",
  name: "Netpower extended (08:00–22:00 every day, weekends and holidays included)",
  spec: { timeZone: ZONE, weekly: everyDay("08:00", "22:00") },
};
export const PURESERVICE_OFFICE_HOURS: CalendarPreset = {
  key: "pureservice-office-hours",
  name: "Pureservice office hours (weekdays 08:00–16:00, Norwegian holidays closed)",
  spec: { timeZone: ZONE, weekly: weekdays("08:00", "16:00"), holidays: { country: "NO" } },
};
export const NETTSOFT_OFFICE_HOURS: CalendarPreset = {
  key: "nettsoft-office-hours",
  name: "Nettsoft working days 08:00–16:00 (Norwegian holidays closed)",
  spec: { timeZone: ZONE, weekly: weekdays("08:00", "16:00"), holidays: { country: "NO" } },
};
export const NETTSOFT_CORE_TIME: CalendarPreset = {
  key: "nettsoft-core-time",
  name: "Nettsoft core time for uptime (Mon–Fri 07:00–21:00, Sat 09:00–18:00, holidays excluded)",
  spec: { timeZone: ZONE, weekly: { ...weekdays("07:00", "21:00"), sat: [["09:00", "18:00"]] }, holidays: { country: "NO" } },
};

export const CALENDAR_PRESETS: CalendarPreset[] = [NETPOWER_OFFICE_HOURS, ALWAYS_OPEN, NETPOWER_EXTENDED_08_22, PURESERVICE_OFFICE_HOURS, NETTSOFT_OFFICE_HOURS, NETTSOFT_CORE_TIME];

export const NETPOWER_CREDIT: NetpowerCreditScheme = { kind: "netpower", perBreachPercent: 5, capPercent: 15, minWithinTargetPercent: 90, minUptimePercent: 99.8 };
export const PURESERVICE_CREDIT: UptimeTiersCreditScheme = {
  kind: "uptime_tiers",
  capPercent: 100,
  claimWithinDays: 28,
  tiers: [
    { minUptimePercent: 99.5, percent: 0 },
    { minUptimePercent: 99, belowUptimePercent: 99.5, percent: 25 },
    { minUptimePercent: 95, belowUptimePercent: 99, percent: 50 },
    { belowUptimePercent: 95, percent: 100 },
  ],
};
/** 002 §6.6: 95 ≤ uptime < 96 % is in no tier: reported as an undefined gap. */
export const NETTSOFT_CREDIT: UptimeTiersCreditScheme = {
  kind: "uptime_tiers",
  capPercent: 100,
  tiers: [
    { minUptimePercent: 99.5, percent: 0 },
    { minUptimePercent: 98, belowUptimePercent: 99.5, percent: 10 },
    { minUptimePercent: 97, belowUptimePercent: 98, percent: 20 },
    { minUptimePercent: 96, belowUptimePercent: 97, percent: 30 },
    { belowUptimePercent: 95, percent: 40 },
  ],
};
export function sodvinRefund(agreedUptime: number, servicePeriod?: SodvinRefundScheme["servicePeriod"]): SodvinRefundScheme {
  return servicePeriod ? { kind: "sodvin_refund", agreedUptime, servicePeriod } : { kind: "sodvin_refund", agreedUptime };
}
/** 001 §7.2: refund over the quarterly service period; O proposed as 99.5 % (Bilag 1 is not in the seeds). */
export const SODVIN_AZURE_CREDIT: SodvinRefundScheme = sodvinRefund(0.995, "quarter");

/** 000 §8: "Primært onsdag 23:59–05:59. Det er ikke automatikk i nedetid i dette intervallet": maintenance only when announced. */
export const NETPOWER_MAINTENANCE: MaintenanceRule = { kind: "weekly", timeZone: ZONE, day: "wed", start: "23:59", end: "05:59", announcedOnly: true };
export const NETTSOFT_MAINTENANCE: MaintenanceRule = { kind: "daily", timeZone: ZONE, start: "01:00", end: "06:00" };
export const SODVIN_MAINTENANCE: MaintenanceRule = { kind: "monthly_nth_weekday", timeZone: ZONE, nth: 3, day: "tue", start: "00:00", end: "06:00" };

const all = (minutes: number, calendar: CalendarSpec): Record<Priority, { minutes: number; calendar: CalendarSpec }> => ({
  P1: { minutes, calendar },
  P2: { minutes, calendar },
  P3: { minutes, calendar },
  P4: { minutes, calendar },
});

function version(agreementId: string, id: string, validFrom: string, targets: AgreementVersionSpec["targets"], credit: CreditScheme, minWithinTargetPercent = 90): AgreementVersionSpec {
  return { id, agreementId, validFrom, targets, warningThresholds: WARNINGS, compliance: { minWithinTargetPercent }, credit };
}

const office = NETPOWER_OFFICE_HOURS.spec;
/** 000 §6 on office hours; also what the Sodvin Azure preset proposes (001 names no response times). */
const NETPOWER_ORDINARY_TARGETS: AgreementVersionSpec["targets"] = {
  P1: { minutes: 60, calendar: office },
  P2: { minutes: 120, calendar: office },
  P3: { minutes: 240, calendar: office },
  P4: { minutes: 480, calendar: office },
};
export const NETPOWER_ORDINARY: AgreementPreset = {
  key: "netpower-ordinary",
  name: "Netpower Workplace Safety SLA (ordinary)",
  provider: "Netpower",
  source: "000 §6, §7, §8, §10",
  versions: [version("netpower-ordinary", "netpower-ordinary-v1", SINCE_EVER, NETPOWER_ORDINARY_TARGETS, NETPOWER_CREDIT)],
  uptime: { maintenance: [NETPOWER_MAINTENANCE], notice: NETPOWER_MAINTENANCE_NOTICE },
};
export const NETPOWER_EXTENDED: AgreementPreset = {
  key: "netpower-extended",
  name: "Netpower Workplace Safety SLA (extended, with on-call phone)",
  provider: "Netpower",
  source: "000 §6, §19",
  versions: [
    version(
      "netpower-extended",
      "netpower-extended-v1",
      SINCE_EVER,
      {
        P1: { minutes: 30, calendar: ALWAYS_OPEN.spec },
        P2: { minutes: 60, calendar: ALWAYS_OPEN.spec },
        P3: { minutes: 240, calendar: NETPOWER_EXTENDED_08_22.spec },
        P4: { minutes: 480, calendar: office },
      },
      NETPOWER_CREDIT,
    ),
  ],
  uptime: { maintenance: [NETPOWER_MAINTENANCE], notice: NETPOWER_MAINTENANCE_NOTICE },
};
/** 004 change log v2.2: response time changed from 4 to 2 hours, valid from 02.10.2023. */
export const PURESERVICE_RESPONSE_CHANGE = "2023-10-02T00:00:00+02:00";
export const PURESERVICE: AgreementPreset = {
  key: "pureservice",
  name: "Pureservice service agreement",
  provider: "Pureservice",
  source: "003/004 §4.3–4.5, §6; 004 change log",
  versions: [
    version("pureservice", "pureservice-4h", SINCE_EVER, all(240, PURESERVICE_OFFICE_HOURS.spec), PURESERVICE_CREDIT),
    version("pureservice", "pureservice-2h", PURESERVICE_RESPONSE_CHANGE, all(120, PURESERVICE_OFFICE_HOURS.spec), PURESERVICE_CREDIT),
  ],
};
const nettsoftUptime: UptimePreset = { coverageCalendarKey: NETTSOFT_CORE_TIME.key, maintenance: [NETTSOFT_MAINTENANCE], maintenanceReducesTotal: true, notice: NETTSOFT_MAINTENANCE_NOTICE };
function nettsoft(key: string, name: string, minutes: number): AgreementPreset {
  return {
    key,
    name,
    provider: "Nettsoft",
    source: "002 §2, §6.2–6.6",
    versions: [version(key, `${key}-v1`, SINCE_EVER, all(minutes, NETTSOFT_OFFICE_HOURS.spec), NETTSOFT_CREDIT)],
    uptime: nettsoftUptime,
  };
}
export const NETTSOFT_MS365_BEDRIFT = nettsoft("nettsoft-ms365-bedrift", "Nettsoft MS365 Bedrift", 120);
export const NETTSOFT_MS365_BRUKER = nettsoft("nettsoft-ms365-bruker", "Nettsoft MS365 Bruker", 240);
export const NETTSOFT_SERVERS = nettsoft("nettsoft-servers-vps", "Nettsoft servers/VPS", 60);
export const NETTSOFT_TEAMS = nettsoft("nettsoft-teams", "Nettsoft Teams", 240);
/** 002 §2.6 (Telenor MBN) and §2.7 (Unifon BN): "påbegynt feilretting … innen 60 minutter alle virkedager (kl. 08-16)". */
export const NETTSOFT_MOBILE = nettsoft("nettsoft-mobile", "Nettsoft mobile (MBN/BN)", 60);

/** 001 §7.2 and Bilag 1: Azure Managed Cloud, 24/7 with maintenance the night to the 3rd Tuesday 00:00–06:00. */
export const SODVIN_AZURE: AgreementPreset = {
  key: "sodvin-azure",
  name: "Sodvin Azure Managed Cloud",
  provider: "Sodvin",
  source: "001 §7.2, Bilag 1",
  versions: [version("sodvin-azure", "sodvin-azure-v1", SINCE_EVER, NETPOWER_ORDINARY_TARGETS, SODVIN_AZURE_CREDIT)],
  uptime: { maintenance: [SODVIN_MAINTENANCE], notice: SODVIN_MAINTENANCE_NOTICE },
};

export const AGREEMENT_PRESETS: AgreementPreset[] = [
  NETPOWER_ORDINARY,
  NETPOWER_EXTENDED,
  PURESERVICE,
  NETTSOFT_MS365_BEDRIFT,
  NETTSOFT_MS365_BRUKER,
  NETTSOFT_SERVERS,
  NETTSOFT_TEAMS,
  NETTSOFT_MOBILE,
  SODVIN_AZURE,
];
