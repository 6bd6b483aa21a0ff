import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { addBusinessMinutes } from "./business-time";
import { compileCalendar } from "./calendar";
import { norwegianPublicHolidays } from "./holidays";
import { at, iso, OSLO_OFFICE } from "./test-helpers";

describe("norwegianPublicHolidays", () => {
  it("lists the twelve holidays of 2026", () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      { date: "2026-01-01", name: "Første nyttårsdag" },
      { date: "2026-04-02", name: "Skjærtorsdag" },
      { date: "2026-04-03", name: "Langfredag" },
      { date: "2026-04-05", name: "Første påskedag" },
      { date: "2026-04-06", name: "Andre påskedag" },
      { date: "2026-05-01", name: "Arbeidernes dag" },
      { date: "2026-05-14", name: "Kristi himmelfartsdag" },
      { date: "2026-05-17", name: "Grunnlovsdagen" },
      { date: "2026-05-24", name: "Første pinsedag" },
      { date: "2026-05-25", name: "Andre pinsedag" },
      { date: "2026-12-25", name: "Første juledag" },
      { date: "2026-12-26", name: "Andre juledag" },
    ]);
  });
  it("matches date-holidays' public NO holidays for 1990–2080", () => {
    const hd = new Holidays("NO");
    for (let year = 1990; year <= 2080; year++) {
      const theirs = hd
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10))
        .sort();
      expect(norwegianPublicHolidays(year).map((h) => h.date)).toEqual(theirs);
    }
  });
  it("rejects a non-integer year", () => {
    expect(() => norwegianPublicHolidays(2026.5)).toThrow(/year: expected a Gregorian year/);
  });
});

describe("every Norwegian holiday of 2025–2027 is closed on the office calendar", () => {
  const office = compileCalendar(OSLO_OFFICE);
  const plain = compileCalendar({ ...OSLO_OFFICE, holidays: undefined });
  for (const year of [2025, 2026, 2027]) {
    for (const { date, name } of norwegianPublicHolidays(year)) {
      it(`${date} ${name}`, () => {
        // 09:00 local on the holiday, 1 minute: never due on that date with holidays,
        // due on that date at 09:01 without (when it is a weekday).
        const start = new Date(`${date}T00:00:00Z`);
        const due = iso(addBusinessMinutes(office, at(`${date}T08:00:00Z`), 1))!;
        expect(due.slice(0, 10) > date).toBe(true);
        const weekday = start.getUTCDay() >= 1 && start.getUTCDay() <= 5;
        const plainDue = iso(addBusinessMinutes(plain, at(`${date}T08:00:00Z`), 1))!;
        expect(plainDue.slice(0, 10) === date).toBe(weekday);
      });
    }
  }
});
