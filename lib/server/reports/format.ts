import "server-only";
/**
 * Report figures in the reader's language for the pages, the CSV and the PDF: numbers, money,
 * durations, dates and months ("99,7 %", "1 250,00 kr", "2 t 5 min" in Norwegian; "99.7 %",
 * "NOK 1,250.00", "2 h 5 min" in English), dates and times in the configured zone
 * (lib/config/time-zone.ts). The words are the `report` catalogue.
 */
import { zoneFormat } from "../../config/time-zone";
import { LANGUAGE_TAGS, t, type Locale } from "../../i18n";
import type { CreditFigures, CreditLineFigure, ExcludedTicket, ServicePeriodFigure } from "./figures";
import type { CreditLineReason } from "../../sla";
import type { Month } from "./month";

interface Formatters {
  number2: Intl.NumberFormat;
  number3: Intl.NumberFormat;
  money: Intl.NumberFormat;
  dateTime: Intl.DateTimeFormat;
  monthName: Intl.DateTimeFormat;
}
const cache = new Map<Locale, Formatters>();
function formatters(locale: Locale): Formatters {
  let f = cache.get(locale);
  if (!f) {
    const tag = LANGUAGE_TAGS[locale];
    f = {
      number2: new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }),
      number3: new Intl.NumberFormat(tag, { maximumFractionDigits: 3 }),
      money: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      dateTime: zoneFormat(tag, { dateStyle: "short", timeStyle: "short" }),
      monthName: new Intl.DateTimeFormat(tag, { timeZone: "UTC", month: "long", year: "numeric" }),
    };
    cache.set(locale, f);
  }
  return f;
}

/** "90 %", "99,7 %" / "99.7 %" (a space before %, as SI and Norwegian write it, in both languages). */
export const formatPercent = (p: number | null, digits: 2 | 3 = 2, locale: Locale = "nb"): string => {
  if (p === null) return "–";
  const f = formatters(locale);
  return `${(digits === 3 ? f.number3 : f.number2).format(p)} %`;
};
/** Øre as kroner: "1 250,00 kr" / "NOK 1,250.00". */
export const formatKroner = (ore: number | null, locale: Locale = "nb"): string => {
  if (ore === null) return "–";
  const n = formatters(locale).money.format(ore / 100);
  return locale === "nb" ? `${n} kr` : `NOK ${n}`;
};
export const formatNumber = (x: number, locale: Locale = "nb"): string => formatters(locale).number2.format(x);
/** Minutes as "2 t 5 min" / "2 h 5 min" (or "45 min"). */
export function formatMinutes(minutes: number, locale: Locale = "nb"): string {
  const rounded = Math.round(minutes);
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return h > 0 ? `${formatters(locale).number2.format(h)} ${locale === "nb" ? "t" : "h"} ${m} min` : `${m} min`;
}
export const formatDateTime = (iso: string | null, locale: Locale = "nb"): string => (iso ? formatters(locale).dateTime.format(new Date(iso)) : "–");
/** "april 2026" / "April 2026". */
export const formatMonth = (month: Month, locale: Locale = "nb"): string => formatters(locale).monthName.format(new Date(`${month}-01T00:00:00Z`));
export const formatMonthShort = (month: Month): string => `${month.slice(5, 7)}.${month.slice(2, 4)}`;

/** The credit scheme's name. */
export const creditSchemeName = (scheme: string, locale: Locale): string =>
  ["netpower", "uptime_tiers", "sodvin_refund", "none"].includes(scheme) ? t(locale, `report.credit.scheme.${scheme as "none"}`) : scheme;

/** Why an incident does not count (Incident.exclusionReason). */
export const incidentReasonName = (reason: string | null, locale: Locale): string =>
  reason && ["customer_caused", "force_majeure", "planned_maintenance", "third_party_outside_control", "other"].includes(reason)
    ? t(locale, `report.incidentReason.${reason as "other"}`)
    : (reason ?? t(locale, "report.uptime.exception"));

function tierText(r: Extract<CreditLineReason, { code: "tier" }>, locale: Locale): string {
  const pct = (p: number) => formatPercent(p, 3, locale);
  const vars = { min: r.min === null ? "" : pct(r.min), below: r.below === null ? "" : pct(r.below), percent: pct(r.tierPercent) };
  if (r.min !== null && r.below !== null) return t(locale, "report.credit.tier.range", vars);
  if (r.min !== null) return t(locale, "report.credit.tier.from", vars);
  if (r.below !== null) return t(locale, "report.credit.tier.below", vars);
  return t(locale, "report.credit.tier.any", vars);
}

/** A credit line in the reader's language (lib/sla's reason); a line frozen before reasons existed keeps its label. */
export function creditLineText(line: CreditLineFigure, locale: Locale): string {
  const r = line.reason;
  if (!r) return line.label;
  const pct = (p: number) => formatPercent(p, 3, locale);
  switch (r.code) {
    case "none":
    case "sodvin_no_refund":
      return t(locale, `report.credit.line.${r.code}`);
    case "response_below":
    case "response_ok":
      return t(locale, `report.credit.line.${r.code}`, { within: pct(r.within), required: pct(r.required) });
    case "uptime_below":
    case "uptime_ok":
      return t(locale, `report.credit.line.${r.code}`, { uptime: pct(r.uptime), required: pct(r.required) });
    case "cap_month":
    case "cap_fee":
      return t(locale, `report.credit.line.${r.code}`, { cap: pct(r.cap) });
    case "tiers_gap":
      return t(locale, "report.credit.line.tiers_gap", { uptime: pct(r.uptime), from: formatNumber(r.from, locale), to: pct(r.to) });
    case "tier":
      return t(locale, "report.credit.line.tier", { uptime: pct(r.uptime), tier: tierText(r, locale) });
    case "sodvin_formula":
      return t(locale, "report.credit.line.sodvin_formula", { detail: r.detail, agreed: formatNumber(r.agreed, locale) });
  }
}

/** A service period's months by name: "april 2026, mai 2026, juni 2026". */
const monthList = (months: string[], locale: Locale): string => months.map((m) => formatMonth(m, locale)).join(", ");

/** The note of a refund settled per quarter (Sodvin 001 §7.2): the quarter so far, or the quarter's refund. */
function servicePeriodNoteText(p: ServicePeriodFigure, locale: Locale): string {
  const hours = (h: number) => formatNumber(h, locale);
  if (!p.settles) {
    return t(locale, "quarter.note.soFar", { months: monthList(p.months, locale), soFar: monthList(p.monthsSoFar, locale), operating: hours(p.operatingHours), downtime: hours(p.downtimeHours) });
  }
  return t(locale, "quarter.note.settled", { months: monthList(p.months, locale), fee: formatKroner(p.periodFeeOre, locale), operating: hours(p.operatingHours), downtime: hours(p.downtimeHours) });
}

/** Quarterly refund, not yet settled: the month has no credit line of its own. */
export const settledLater = (credit: CreditFigures): boolean => credit.servicePeriod !== undefined && !credit.servicePeriod.settles;

/** The note under a credit: decided by hand (a gap in the tiers), or shown in percent only (no fee), or settled per quarter. */
export function creditNoteText(credit: CreditFigures, locale: Locale): string | null {
  if (credit.servicePeriod) {
    const quarter = servicePeriodNoteText(credit.servicePeriod, locale);
    return credit.monthlyFeeOre === null ? `${quarter} ${t(locale, "report.credit.noteNoFee")}` : quarter;
  }
  if (credit.undefinedGap) return t(locale, "report.credit.noteGap");
  if (credit.monthlyFeeOre === null) return t(locale, "report.credit.noteNoFee");
  return null;
}

const STANDARD_EXCLUSION_REASONS = ["report.exclusion.customer", "report.exclusion.excluded", "report.exclusion.notCovered"] as const;
export type StandardExclusionReason = (typeof STANDARD_EXCLUSION_REASONS)[number];

/**
 * The stored text of a standard exclusion reason: the figures keep it in Norwegian (as stored
 * and frozen before there were languages); `exclusionReasonText` turns it into the reader's.
 */
export const storedExclusionReason = (key: StandardExclusionReason): string => t("nb", key);

/** An exclusion's reason in the reader's language; an agent's own words (staff only) stay as written. */
export function exclusionReasonText(e: Pick<ExcludedTicket, "reason">, locale: Locale): string {
  const key = STANDARD_EXCLUSION_REASONS.find((k) => t("nb", k) === e.reason);
  return key ? t(locale, key) : e.reason;
}
