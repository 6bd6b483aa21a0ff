import "server-only";
/** Norwegian (nb-NO) formatting of report figures for the pages, the CSV and the PDF. */
import { REPORT_TIME_ZONE, type Month } from "./month";

const number2 = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 2 });
const number3 = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 3 });
const money = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat("nb-NO", { timeZone: REPORT_TIME_ZONE, dateStyle: "short", timeStyle: "short" });
const monthName = new Intl.DateTimeFormat("nb-NO", { timeZone: "UTC", month: "long", year: "numeric" });

/** "90 %", "99,7 %" (Norwegian style: a space before %). */
export const formatPercent = (p: number | null, digits: 2 | 3 = 2): string => (p === null ? "–" : `${(digits === 3 ? number3 : number2).format(p)} %`);
/** Øre as kroner: "1 250,00 kr". */
export const formatKroner = (ore: number | null): string => (ore === null ? "–" : `${money.format(ore / 100)} kr`);
export const formatNumber = (x: number): string => number2.format(x);
/** Minutes as "2 t 5 min" (or "45 min"). */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return h > 0 ? `${number2.format(h)} t ${m} min` : `${m} min`;
}
export const formatDateTime = (iso: string | null): string => (iso ? dateTime.format(new Date(iso)) : "–");
/** "april 2026". */
export const formatMonth = (month: Month): string => monthName.format(new Date(`${month}-01T00:00:00Z`));
export const formatMonthShort = (month: Month): string => `${month.slice(5, 7)}.${month.slice(2, 4)}`;

export const CREDIT_SCHEME_NAMES: Record<string, string> = {
  netpower: "Netpower: 5 % per brudd, maks 15 %",
  uptime_tiers: "Trinn etter oppetid",
  sodvin_refund: "Sodvin: R = V · (1 − (D − N) / D / O)",
  none: "Ingen kreditt i avtalen",
};

export const EXCLUSION_REASON_NAMES: Record<string, string> = {
  customer_caused: "forårsaket av kunden",
  force_majeure: "force majeure",
  planned_maintenance: "planlagt vedlikehold",
  third_party_outside_control: "tredjepart utenfor leverandørens kontroll",
  other: "annet unntak",
};
