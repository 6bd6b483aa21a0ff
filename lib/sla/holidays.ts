import { SlaInputError } from "./errors";
import { dayNumberOf, isoDateOf } from "./local-date";

/**
 * The twelve official Norwegian public holidays (SLA-RULES.md §2), computed from Easter
 * (Gregorian computus), valid for any year of the Gregorian calendar. Checked against the
 * `date-holidays` package in holidays.test.ts.
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new SlaInputError("year", `expected a Gregorian year 1583–9999, got ${String(year)}`);
  }
}

/** Day numbers of the holidays, with names. */
export function norwegianHolidayDays(year: number): Array<{ day: number; name: string }> {
  assertYear(year);
  const easter = easterSunday(year);
  return [
    { day: dayNumberOf(year, 1, 1), name: "Første nyttårsdag" },
    { day: easter - 3, name: "Skjærtorsdag" },
    { day: easter - 2, name: "Langfredag" },
    { day: easter, name: "Første påskedag" },
    { day: easter + 1, name: "Andre påskedag" },
    { day: dayNumberOf(year, 5, 1), name: "Arbeidernes dag" },
    { day: dayNumberOf(year, 5, 17), name: "Grunnlovsdagen" },
    { day: easter + 39, name: "Kristi himmelfartsdag" },
    { day: easter + 49, name: "Første pinsedag" },
    { day: easter + 50, name: "Andre pinsedag" },
    { day: dayNumberOf(year, 12, 25), name: "Første juledag" },
    { day: dayNumberOf(year, 12, 26), name: "Andre juledag" },
  ].sort((x, y) => x.day - y.day);
}

/** The twelve Norwegian public holidays of `year`, sorted by date ("YYYY-MM-DD"). */
export function norwegianPublicHolidays(year: number): Array<{ date: string; name: string }> {
  return norwegianHolidayDays(year).map((h) => ({ date: isoDateOf(h.day), name: h.name }));
}

const holidaySets = new Map<number, ReadonlySet<number>>();

/** Cached set of holiday day numbers of a year. */
export function isNorwegianHoliday(dayNumber: number, year: number): boolean {
  let set = holidaySets.get(year);
  if (!set) {
    set = new Set(norwegianHolidayDays(year).map((h) => h.day));
    holidaySets.set(year, set);
  }
  return set.has(dayNumber);
}
