/**
 * Dates, times and durations as people read them, in the configured zone (TIME_ZONE, default
 * Europe/Oslo; lib/config/time-zone.ts) whatever the server's zone:
 * "i dag 14:05", "i går 09:10", "fre. 21. nov." (with the year when it is not this year),
 * "om 2 t 15 min", "1 t 30 min arbeidstid". Pure: every function takes `now` where it matters.
 */
import { wallClockOf } from "../config/time-zone";
import type { Locale } from "./locales";

type Instant = Date | string;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
  weekday: number;
}

/** The configured zone's wall clock (lib/config/time-zone.ts), with hours and minutes as "09". */
function localParts(at: Instant): LocalParts {
  const c = wallClockOf(at);
  return { year: c.year, month: c.month, day: c.day, hour: String(c.hour).padStart(2, "0"), minute: String(c.minute).padStart(2, "0"), weekday: c.weekday };
}

const WEEKDAYS: Record<Locale, string[]> = {
  nb: ["man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn."],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};
const MONTHS: Record<Locale, string[]> = {
  nb: ["jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
const RELATIVE_DAYS: Record<Locale, Record<number, string>> = {
  nb: { [-1]: "i går", 0: "i dag", 1: "i morgen" },
  en: { [-1]: "yesterday", 0: "today", 1: "tomorrow" },
};
const UNITS: Record<Locale, { h: string; min: string; business: string; in: string; ago: string; now: string }> = {
  nb: { h: "t", min: "min", business: "arbeidstid", in: "om {d}", ago: "for {d} siden", now: "nå" },
  en: { h: "h", min: "min", business: "business time", in: "in {d}", ago: "{d} ago", now: "now" },
};

/** Whole calendar days from now's Oslo date to at's Oslo date (negative in the past). */
function dayOffset(at: LocalParts, now: LocalParts): number {
  return Math.round((Date.UTC(at.year, at.month - 1, at.day) - Date.UTC(now.year, now.month - 1, now.day)) / 86_400_000);
}

/** "14:05" */
export function formatTime(at: Instant): string {
  const p = localParts(at);
  return `${p.hour}:${p.minute}`;
}

/** "fre. 21. nov." / "Fri 21 Nov", with the year when it is not now's year. */
export function formatDate(at: Instant, now: Date, locale: Locale): string {
  const p = localParts(at);
  const year = p.year === localParts(now).year ? "" : ` ${p.year}`;
  const weekday = WEEKDAYS[locale][p.weekday];
  const month = MONTHS[locale][p.month - 1];
  return locale === "nb" ? `${weekday} ${p.day}. ${month}${year}` : `${weekday} ${p.day} ${month}${year}`;
}

/** "i dag", "i går", "i morgen", else the date. */
export function formatDay(at: Instant, now: Date, locale: Locale): string {
  const offset = dayOffset(localParts(at), localParts(now));
  return RELATIVE_DAYS[locale][offset] ?? formatDate(at, now, locale);
}

/** Always with the time: "i dag 14:05", "fre. 21. nov. 14:05". */
export function formatDateTime(at: Instant, now: Date, locale: Locale): string {
  return `${formatDay(at, now, locale)} ${formatTime(at)}`;
}

/** For lists: the time for yesterday, today and tomorrow ("i går 09:10"), the date otherwise ("fre. 21. nov."). */
export function formatWhen(at: Instant, now: Date, locale: Locale): string {
  const offset = dayOffset(localParts(at), localParts(now));
  return Math.abs(offset) <= 1 ? formatDateTime(at, now, locale) : formatDate(at, now, locale);
}

/** "2 t 15 min" / "2 h 15 min", "45 min", "3 t"; whole minutes, never negative. */
export function formatDuration(minutes: number, locale: Locale): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const u = UNITS[locale];
  if (hours === 0) return `${rest} ${u.min}`;
  return rest === 0 ? `${hours} ${u.h}` : `${hours} ${u.h} ${rest} ${u.min}`;
}

/** "1 t 30 min arbeidstid" / "1 h 30 min business time". */
export function formatBusinessDuration(minutes: number, locale: Locale): string {
  return `${formatDuration(minutes, locale)} ${UNITS[locale].business}`;
}

/** Wall-clock distance from now: "om 2 t 15 min", "for 5 min siden", "nå" (within a minute). */
export function formatRelative(at: Instant, now: Date, locale: Locale): string {
  const minutes = Math.round((new Date(at).getTime() - now.getTime()) / 60_000);
  const u = UNITS[locale];
  if (minutes === 0) return u.now;
  const d = formatDuration(Math.abs(minutes), locale);
  return (minutes > 0 ? u.in : u.ago).replace("{d}", d);
}
