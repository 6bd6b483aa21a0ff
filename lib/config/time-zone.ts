/**
 * The installation's time zone, and every wall-clock question outside the pure SLA engine asked
 * in it: what a date and time look like, which day, month and year an instant falls in, and the
 * instant of a wall-clock time (month boundaries, the monthly job). One zone for the whole app,
 * from `TIME_ZONE` (an IANA name, default Europe/Oslo), through @date-fns/tz (`TZDate`), so DST
 * and the zone database are the library's job, not ours. lib/sla keeps receiving zones as data
 * (each calendar names its own).
 *
 * Safe in client bundles: there `process.env.TIME_ZONE` is not set and the default applies; the
 * client formats only durations, never wall-clock times.
 */
import { TZDate } from "@date-fns/tz";
import { z } from "zod";

export const DEFAULT_TIME_ZONE = "Europe/Oslo";

/** Whether the platform knows `name` as an IANA time zone. */
export function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z.string().trim().min(1).refine(isIanaZone, "expected an IANA time zone such as Europe/Oslo").default(DEFAULT_TIME_ZONE);

function readTimeZone(): string {
  const value = typeof process === "undefined" ? undefined : process.env.TIME_ZONE;
  const parsed = TimeZoneSchema.safeParse(value === "" ? undefined : value);
  if (!parsed.success) throw new Error(`Invalid configuration: TIME_ZONE: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** The zone people read times in: pages, e-mails, reports, month boundaries, "today". */
export const TIME_ZONE: string = readTimeZone();

type Instant = Date | string | number;

/** An instant seen on the zone's wall clock (a Date whose getters answer in the zone). */
export const zoned = (at: Instant, zone: string = TIME_ZONE): TZDate => new TZDate(new Date(at).getTime(), zone);

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

export function wallClockOf(at: Instant, zone: string = TIME_ZONE): WallClock {
  const d = zoned(at, zone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), weekday: (d.getDay() + 6) % 7 };
}

/** The instant the zone's wall clock shows that date and time (month 1–12; an overflowing month or day rolls over). */
export function instantOfWallClock(year: number, month: number, day: number, hour = 0, minute = 0, zone: string = TIME_ZONE): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, zone).getTime());
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2026-04-07": the zone's date of an instant. */
export function localDate(at: Instant, zone: string = TIME_ZONE): string {
  const c = wallClockOf(at, zone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** "2026-04-07 09:00": the zone's date and time, as spreadsheets read it. */
export function localDateTime(at: Instant, zone: string = TIME_ZONE): string {
  const c = wallClockOf(at, zone);
  return `${localDate(at, zone)} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** A formatter of instants in the zone (for dateStyle/timeStyle texts in a language). */
export const zoneFormat = (languageTag: string, options: Omit<Intl.DateTimeFormatOptions, "timeZone">, zone: string = TIME_ZONE): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(languageTag, { ...options, timeZone: zone });
