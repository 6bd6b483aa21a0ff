import { describe, expect, it } from "vitest";
import { TimeZoneSchema, instantOfWallClock, localDate, localDateTime, wallClockOf } from "./time-zone";

describe("the time zone module", () => {
  it("reads an instant on the zone's wall clock, across daylight saving", () => {
    expect(wallClockOf("2026-03-29T00:30:00Z", "Europe/Oslo")).toMatchObject({ year: 2026, month: 3, day: 29, hour: 1, minute: 30, weekday: 6 }); // Sunday, CET
    expect(wallClockOf("2026-03-29T01:30:00Z", "Europe/Oslo")).toMatchObject({ hour: 3, minute: 30 }); // CEST from 01:00Z
    expect(localDateTime("2026-10-25T01:30:00Z", "Europe/Oslo")).toBe("2026-10-25 02:30"); // back to CET at 01:00Z
  });

  it("gives the local date, not UTC's, around midnight", () => {
    expect(localDate("2026-04-30T22:30:00Z", "Europe/Oslo")).toBe("2026-05-01");
    expect(localDate("2026-04-30T22:30:00Z", "UTC")).toBe("2026-04-30");
  });

  it("finds the instant of a local wall-clock time, rolling an overflowing month into the next year", () => {
    expect(instantOfWallClock(2026, 4, 1, 0, 0, "Europe/Oslo").toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(instantOfWallClock(2026, 13, 1, 6, 0, "Europe/Oslo").toISOString()).toBe("2027-01-01T05:00:00.000Z");
    expect(instantOfWallClock(2026, 1, 1, 0, 0, "America/New_York").toISOString()).toBe("2026-01-01T05:00:00.000Z");
  });

  it("accepts IANA zones only, Europe/Oslo when unset", () => {
    expect(TimeZoneSchema.parse(undefined)).toBe("Europe/Oslo");
    expect(TimeZoneSchema.parse("America/New_York")).toBe("America/New_York");
    expect(TimeZoneSchema.safeParse("Oslo/Norway").success).toBe(false);
  });
});
