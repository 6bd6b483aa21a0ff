import { SlaInputError } from "./errors";

/** Local dates are handled as day numbers: whole days since 1970-01-01 (no time zone attached). */
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

export type Day = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
/** Indexed by (dayNumber + 4) mod 7: 1970-01-01 was a Thursday. */
export const WEEKDAYS: readonly Day[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumberFromIsoDate(value: unknown, field: string): number {
  if (typeof value !== "string") throw new SlaInputError(field, `expected a local date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
  const m = ISO_DATE.exec(value);
  if (!m) throw new SlaInputError(field, `"${value}" is not a local date "YYYY-MM-DD"`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new SlaInputError(field, `"${value}" is not a real calendar date`);
  }
  return ms / DAY_MS;
}

export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function weekdayOf(dayNumber: number): Day {
  return WEEKDAYS[weekdayIndex(dayNumber)] as Day;
}

export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}
