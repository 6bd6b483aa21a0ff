import { describe, expect, it } from "vitest";
import { compileCalendar, type CalendarSpec } from "./calendar";
import { SlaInputError } from "./errors";
import { OSLO_OFFICE } from "./test-helpers";

const spec = (over: Partial<CalendarSpec>): CalendarSpec => ({ ...OSLO_OFFICE, ...over });

function rejects(s: unknown, field: string, message: RegExp): void {
  let error: unknown;
  try {
    compileCalendar(s as CalendarSpec);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SlaInputError);
  expect((error as SlaInputError).field).toBe(field);
  expect((error as SlaInputError).message).toMatch(message);
}

describe("compileCalendar validation", () => {
  it("accepts the Oslo office calendar", () => {
    expect(compileCalendar(OSLO_OFFICE).timeZone).toBe("Europe/Oslo");
  });
  it("rejects an unknown time zone", () => {
    rejects(spec({ timeZone: "Europe/Atlantis" }), "timeZone", /unknown time zone "Europe\/Atlantis"/);
  });
  it("rejects 25:00", () => {
    rejects(spec({ weekly: { mon: [["08:00", "25:00"]] } }), "weekly.mon[0][1]", /"25:00" is not a wall-clock time/);
  });
  it("rejects 24:00 as a start", () => {
    rejects(spec({ weekly: { mon: [["24:00", "24:00"]] } }), "weekly.mon[0][0]", /not a wall-clock time/);
  });
  it("rejects an end before its start", () => {
    rejects(spec({ weekly: { tue: [["16:00", "08:00"]] } }), "weekly.tue[0]", /end 08:00 is not after start 16:00/);
  });
  it("rejects overlapping hours", () => {
    rejects(
      spec({
        weekly: {
          wed: [
            ["08:00", "12:00"],
            ["11:00", "16:00"],
          ],
        },
      }),
      "weekly.wed",
      /overlap \(08:00–12:00 and 11:00–16:00\)/,
    );
  });
  it("rejects a calendar with no open time at all", () => {
    rejects(spec({ weekly: {} }), "weekly", /no open time at all/);
    rejects(spec({ weekly: { mon: [] }, specialHours: { "2026-01-05": [] } }), "weekly", /no open time at all/);
  });
  it("rejects unknown weekdays, bad dates and unsupported holiday countries", () => {
    rejects(spec({ weekly: { monday: [["08:00", "16:00"]] } as never }), "weekly.monday", /unknown weekday/);
    rejects(spec({ closedDates: ["2026-02-30"] }), "closedDates[0]", /not a real calendar date/);
    rejects(spec({ closedDates: ["24.12.2026"] }), "closedDates[0]", /not a local date/);
    rejects(spec({ specialHours: { "2026-12-31": [["12:00", "08:00"]] } }), 'specialHours["2026-12-31"][0]', /not after start/);
    rejects(spec({ holidays: { country: "SE" as "NO" } }), "holidays.country", /only "NO"/);
  });
  it("accepts touching ranges and merges them", () => {
    const cal = compileCalendar(
      spec({
        weekly: {
          mon: [
            ["12:00", "16:00"],
            ["08:00", "12:00"],
          ],
        },
      }),
    );
    const day = cal.day(cal.dayNumberOf(Date.parse("2026-01-05T10:00:00Z")));
    expect(day.open).toEqual([Date.parse("2026-01-05T07:00:00Z"), Date.parse("2026-01-05T15:00:00Z")]);
    expect(day.total).toBe(8 * 3_600_000);
  });
});
