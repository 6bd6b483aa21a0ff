import { describe, expect, it } from "vitest";
import { coverageIntervals, expandPatterns, findGaps, instantOfLocalDateTime, isMonday, mondayOf, startOfLocalDate, withoutHeldPeriods, type RotaPattern } from "./rota-pattern";

const OSLO = "Europe/Oslo";
const d = (iso: string) => new Date(iso);
const span = (s: { startsAt: Date; endsAt: Date }) => `${s.startsAt.toISOString()}/${s.endsAt.toISOString()}`;

// Summer time starts Sunday 29 March 2026 (02:00 CET → 03:00 CEST) and ends Sunday 25 October 2026 (03:00 CEST → 02:00 CET).
const ab: RotaPattern = {
  id: "p1",
  startsOn: "2026-03-23",
  hours: "vakttelefon",
  weeks: [
    { primaryUserId: "vilde", backupUserId: "lise" },
    { primaryUserId: "lise", backupUserId: null },
  ],
};

describe("weeks in Europe/Oslo", () => {
  it("puts an instant in the week of its local date, across the spring-forward night", () => {
    expect(mondayOf(d("2026-03-29T21:30:00Z"), OSLO)).toBe("2026-03-23"); // Sunday 23:30 CEST
    expect(mondayOf(d("2026-03-29T22:00:00Z"), OSLO)).toBe("2026-03-30"); // Monday 00:00 CEST
    expect(mondayOf(d("2026-10-25T22:59:59Z"), OSLO)).toBe("2026-10-19"); // Sunday 23:59:59 CET
    expect(mondayOf(d("2026-10-25T23:00:00Z"), OSLO)).toBe("2026-10-26");
    expect(isMonday("2026-03-23")).toBe(true);
    expect(isMonday("2026-03-24")).toBe(false);
    expect(startOfLocalDate("2026-03-30", OSLO).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfLocalDate("2026-03-23", OSLO).toISOString()).toBe("2026-03-22T23:00:00.000Z");
  });

  it("gives whole local days for 24/7 hours: 23 hours on the spring day, 25 on the autumn day", () => {
    const spring = coverageIntervals("24/7", d("2026-03-29T00:00:00Z"), d("2026-03-29T01:00:00Z"), OSLO);
    expect(spring.map(span)).toEqual(["2026-03-28T23:00:00.000Z/2026-03-29T22:00:00.000Z"]);
    const autumn = coverageIntervals("24/7", d("2026-10-25T12:00:00Z"), d("2026-10-25T12:00:01Z"), OSLO);
    expect(autumn.map(span)).toEqual(["2026-10-24T22:00:00.000Z/2026-10-25T23:00:00.000Z"]);
  });
});

describe("the rota's zone is data", () => {
  it("lays a 24/7 cycle over New York's days: shifts from its midnights, the handover at its Monday 00:00, its own DST date (8 March 2026, not Oslo's 29th)", () => {
    const shifts = expandPatterns([{ ...ab, startsOn: "2026-03-02", hours: "24/7" }], d("2026-03-07T12:00:00Z"), d("2026-03-09T12:00:00Z"), "America/New_York");
    expect(shifts.filter((s) => s.position === 0).map((s) => `${s.userId} ${span(s)}`)).toEqual([
      "vilde 2026-03-07T05:00:00.000Z/2026-03-08T05:00:00.000Z", // Saturday 00:00 EST
      "vilde 2026-03-08T05:00:00.000Z/2026-03-09T04:00:00.000Z", // Sunday: 23 hours, EST → EDT
      "lise 2026-03-09T04:00:00.000Z/2026-03-10T04:00:00.000Z", // Monday 00:00 EDT: week B
    ]);
  });

  it("reads weeks, dates and typed times on Tokyo's wall clock", () => {
    const tokyo = "Asia/Tokyo";
    expect(mondayOf(d("2026-03-29T15:00:00Z"), tokyo)).toBe("2026-03-30"); // Monday 00:00 in Tokyo
    expect(mondayOf(d("2026-03-29T15:00:00Z"), OSLO)).toBe("2026-03-23"); // still Sunday 17:00 in Oslo
    expect(startOfLocalDate("2026-03-30", tokyo).toISOString()).toBe("2026-03-29T15:00:00.000Z");
    expect(instantOfLocalDateTime("2026-03-30T16:00", tokyo)?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });
});

describe("expanding a weekly cycle into shifts", () => {
  it("cycles week A and B over the vakttelefon hours, at local times on both sides of the spring change", () => {
    const shifts = expandPatterns([ab], d("2026-03-27T00:00:00Z"), d("2026-03-31T00:00:00Z"), OSLO);
    expect(shifts.map((s) => `${s.userId}@${s.position} ${span(s)}`)).toEqual([
      // Friday 27 March 16–22 CET, week A
      "vilde@0 2026-03-27T15:00:00.000Z/2026-03-27T21:00:00.000Z",
      "lise@1 2026-03-27T15:00:00.000Z/2026-03-27T21:00:00.000Z",
      // Saturday 09–22 CET
      "vilde@0 2026-03-28T08:00:00.000Z/2026-03-28T21:00:00.000Z",
      "lise@1 2026-03-28T08:00:00.000Z/2026-03-28T21:00:00.000Z",
      // Sunday 09–22 CEST: an hour earlier in UTC
      "vilde@0 2026-03-29T07:00:00.000Z/2026-03-29T20:00:00.000Z",
      "lise@1 2026-03-29T07:00:00.000Z/2026-03-29T20:00:00.000Z",
      // Monday 30 March 16–22 CEST: week B, Lise alone
      "lise@0 2026-03-30T14:00:00.000Z/2026-03-30T20:00:00.000Z",
    ]);
    expect(shifts.at(-1)?.weekIndex).toBe(1);
  });

  it("hands over at Monday 00:00 local time in the autumn change week, and keeps cycling", () => {
    // 2026-10-19 is 30 weeks after 2026-03-23: week A; 2026-10-26 week B
    const shifts = expandPatterns([{ ...ab, hours: "24/7" }], d("2026-10-25T12:00:00Z"), d("2026-10-26T12:00:00Z"), OSLO).filter((s) => s.position === 0);
    expect(shifts.map((s) => `${s.userId} ${span(s)}`)).toEqual(["vilde 2026-10-24T22:00:00.000Z/2026-10-25T23:00:00.000Z", "lise 2026-10-25T23:00:00.000Z/2026-10-26T23:00:00.000Z"]);
  });

  it("uses the pattern in force each week: a later pattern supersedes from its first Monday, and nothing before the first", () => {
    const later: RotaPattern = { id: "p2", startsOn: "2026-04-06", hours: "vakttelefon", weeks: [{ primaryUserId: "jonas", backupUserId: null }] };
    const mondays = (from: string, to: string) => expandPatterns([later, ab], d(from), d(to), OSLO).filter((s) => s.position === 0);
    expect(mondays("2026-03-16T00:00:00Z", "2026-03-23T00:00:00Z")).toEqual([]);
    const primaries = mondays("2026-03-23T00:00:00Z", "2026-04-14T00:00:00Z")
      .filter((s) => s.startsAt.getUTCDay() === 1)
      .map((s) => `${s.startsAt.toISOString().slice(0, 10)} ${s.userId} ${s.patternId}`);
    expect(primaries).toEqual(["2026-03-23 vilde p1", "2026-03-30 lise p1", "2026-04-06 jonas p2", "2026-04-13 jonas p2"]);
  });

  it("counts weeks from the pattern's first Monday for a three-week cycle a year later", () => {
    const three: RotaPattern = { id: "p", startsOn: "2026-01-05", hours: "vakttelefon", weeks: ["a", "b", "c"].map((u) => ({ primaryUserId: u, backupUserId: null })) };
    // 2027-01-04 is 52 weeks later: 52 mod 3 = 1 → b
    const [first] = expandPatterns([three], d("2027-01-04T12:00:00Z"), d("2027-01-04T22:00:00Z"), OSLO);
    expect(first).toMatchObject({ userId: "b", weekIndex: 1, startsAt: d("2027-01-04T15:00:00Z") });
  });
});

describe("periods held by other shifts", () => {
  it("cuts an override out of the pattern's shift at the same position only", () => {
    const planned = expandPatterns([ab], d("2026-03-27T00:00:00Z"), d("2026-03-27T23:00:00Z"), OSLO);
    const held = [{ startsAt: d("2026-03-27T16:00:00Z"), endsAt: d("2026-03-27T18:00:00Z"), position: 0 }];
    const left = withoutHeldPeriods(planned, held);
    expect(left.map((s) => `${s.userId}@${s.position} ${span(s)}`)).toEqual([
      "vilde@0 2026-03-27T15:00:00.000Z/2026-03-27T16:00:00.000Z",
      "vilde@0 2026-03-27T18:00:00.000Z/2026-03-27T21:00:00.000Z",
      "lise@1 2026-03-27T15:00:00.000Z/2026-03-27T21:00:00.000Z",
    ]);
    expect(withoutHeldPeriods(planned, [{ startsAt: d("2026-03-27T00:00:00Z"), endsAt: d("2026-03-28T00:00:00Z"), position: 1 }]).map((s) => s.userId)).toEqual(["vilde"]);
  });
});

describe("gaps", () => {
  it("finds the required hours without a primary, clipped to the window; a backup alone is a gap", () => {
    const shifts = [
      { startsAt: d("2026-03-30T14:00:00Z"), endsAt: d("2026-03-30T20:00:00Z"), position: 0 },
      { startsAt: d("2026-03-31T14:00:00Z"), endsAt: d("2026-03-31T20:00:00Z"), position: 1 },
      { startsAt: d("2026-04-01T14:00:00Z"), endsAt: d("2026-04-01T17:00:00Z"), position: 0 },
    ];
    const gaps = findGaps({ required: "vakttelefon", shifts, from: d("2026-03-30T15:00:00Z"), to: d("2026-04-01T19:00:00Z"), zone: OSLO });
    expect(gaps.map(span)).toEqual(["2026-03-31T14:00:00.000Z/2026-03-31T20:00:00.000Z", "2026-04-01T17:00:00.000Z/2026-04-01T19:00:00.000Z"]);
    expect(findGaps({ required: null, shifts: [], from: d("2026-03-30T00:00:00Z"), to: d("2026-04-30T00:00:00Z"), zone: OSLO })).toEqual([]);
  });

  it("merges a 24/7 gap across midnight into one period, 23 hours on the spring day", () => {
    const gaps = findGaps({ required: "24/7", shifts: [], from: d("2026-03-28T23:00:00Z"), to: d("2026-03-29T22:00:00Z"), zone: OSLO });
    expect(gaps.map(span)).toEqual(["2026-03-28T23:00:00.000Z/2026-03-29T22:00:00.000Z"]);
    const two = findGaps({ required: "24/7", shifts: [], from: d("2026-03-28T12:00:00Z"), to: d("2026-03-29T12:00:00Z"), zone: OSLO });
    expect(two.map(span)).toEqual(["2026-03-28T12:00:00.000Z/2026-03-29T12:00:00.000Z"]);
  });
});

describe("times typed in the editor", () => {
  it("reads a datetime-local value as Oslo wall-clock time on both sides of a DST change, and refuses what is not one", () => {
    expect(instantOfLocalDateTime("2026-03-28T16:00", OSLO)?.toISOString()).toBe("2026-03-28T15:00:00.000Z");
    expect(instantOfLocalDateTime("2026-03-30T16:00", OSLO)?.toISOString()).toBe("2026-03-30T14:00:00.000Z");
    expect(instantOfLocalDateTime("2026-03-29T02:30", OSLO)?.toISOString()).toBe("2026-03-29T01:00:00.000Z"); // inside the skipped hour: its end
    expect(instantOfLocalDateTime("2026-02-30T10:00", OSLO)).toBeNull();
    expect(instantOfLocalDateTime("2026-03-30 16:00", OSLO)).toBeNull();
    expect(instantOfLocalDateTime("2026-03-30T24:00", OSLO)).toBeNull();
  });
});
