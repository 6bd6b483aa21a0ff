import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, nextOpenInstant } from "./business-time";
import { compileCalendar } from "./calendar";
import { SlaHorizonError, SlaInputError } from "./errors";
import { addBusinessMinutesSimpleWalk } from "./simple-walk";
import { ALWAYS, at, iso, OSLO_OFFICE } from "./test-helpers";

const office = compileCalendar(OSLO_OFFICE);
const always = compileCalendar(ALWAYS);
const due = (cal = office, start: string, minutes: number) => iso(addBusinessMinutes(cal, at(start), minutes));

describe("addBusinessMinutes on Oslo office hours (08–16 weekdays, NO holidays)", () => {
  it("P3 registered Friday 15:00 is due Monday 11:00", () => {
    // 2026-01-16 is a Friday, no holidays around; Oslo is UTC+1 in winter.
    expect(due(office, "2026-01-16T14:00:00Z", 240)).toBe("2026-01-19T10:00:00.000Z");
  });
  it("a target that runs out exactly at 16:00 is due at 16:00 the same day", () => {
    expect(due(office, "2026-01-14T13:00:00Z", 120)).toBe("2026-01-14T15:00:00.000Z");
    expect(due(office, "2026-01-14T07:00:00Z", 480)).toBe("2026-01-14T15:00:00.000Z");
  });
  it("registration outside hours starts counting at the next opening", () => {
    expect(due(office, "2026-01-17T10:00:00Z", 60)).toBe("2026-01-19T08:00:00.000Z"); // Saturday 11:00
    expect(due(office, "2026-01-14T05:00:00Z", 60)).toBe("2026-01-14T08:00:00.000Z"); // Wednesday 06:00
    expect(due(office, "2026-01-14T16:00:00Z", 60)).toBe("2026-01-15T08:00:00.000Z"); // Wednesday 17:00
    expect(iso(nextOpenInstant(office, at("2026-01-14T16:00:00Z")))).toBe("2026-01-15T07:00:00.000Z");
  });
  it("n = 0 returns start, even outside hours", () => {
    expect(due(office, "2026-01-17T10:00:00Z", 0)).toBe("2026-01-17T10:00:00.000Z");
  });
  it("skips Easter 2026 (Maundy Thursday 2 April to Easter Monday 6 April)", () => {
    // Wednesday 1 April 15:00 local (UTC+2), 120 minutes: 1 h on Wednesday, 1 h on Tuesday 7 April.
    expect(due(office, "2026-04-01T13:00:00Z", 120)).toBe("2026-04-07T07:00:00.000Z");
    expect(businessMinutesBetween(office, at("2026-04-01T06:00:00Z"), at("2026-04-07T14:00:00Z"))).toBe(480 + 480);
  });
  it("17 May on a weekend (2026: Sunday) closes nothing extra; 2027-05-17 Monday is closed", () => {
    expect(due(office, "2026-05-15T13:00:00Z", 120)).toBe("2026-05-18T07:00:00.000Z");
    // Friday 14 May 2027 15:00 → Monday 17 May closed → Tuesday 18 May 09:00
    expect(due(office, "2027-05-14T13:00:00Z", 120)).toBe("2027-05-18T07:00:00.000Z");
  });
  it("Christmas with closedDates 24 Dec and specialHours 08–12 on 31 Dec", () => {
    const xmas = compileCalendar({
      ...OSLO_OFFICE,
      closedDates: ["2026-12-24"],
      specialHours: { "2026-12-31": [["08:00", "12:00"]] },
    });
    // Wed 23 Dec 15:00 + 120 min: 60 on the 23rd, 24/25/26 closed, 27 Sunday, Mon 28 Dec 09:00.
    expect(due(xmas, "2026-12-23T14:00:00Z", 120)).toBe("2026-12-28T08:00:00.000Z");
    // Thu 31 Dec 11:00 + 120 min: 60 on 31 Dec (closes 12:00), 1 Jan holiday, Sat/Sun, Mon 4 Jan 09:00.
    expect(due(xmas, "2026-12-31T10:00:00Z", 120)).toBe("2027-01-04T08:00:00.000Z");
    expect(businessMinutesBetween(xmas, at("2026-12-21T00:00:00Z"), at("2027-01-04T00:00:00Z"))).toBe(
      6 * 480 + 240, // 21–23 and 28–30 full days, 31 Dec half a day
    );
  });
  it("special hours win over a holiday and over a closed date", () => {
    const cal = compileCalendar({
      ...OSLO_OFFICE,
      closedDates: ["2026-04-03"],
      specialHours: { "2026-04-03": [["10:00", "11:00"]], "2026-04-04": [["09:00", "10:00"]] },
    });
    expect(businessMinutesBetween(cal, at("2026-04-02T00:00:00Z"), at("2026-04-06T00:00:00Z"))).toBe(120);
  });
  it("split shifts", () => {
    const split = compileCalendar({
      timeZone: "Europe/Oslo",
      weekly: {
        mon: [
          ["08:00", "11:00"],
          ["12:00", "16:00"],
        ],
      },
    });
    // 10:00 local + 60 → 11:00 local (the shift's end, not after lunch); + 61 → 12:01 local
    expect(due(split, "2026-01-12T09:00:00Z", 60)).toBe("2026-01-12T10:00:00.000Z");
    expect(due(split, "2026-01-12T09:00:00Z", 61)).toBe("2026-01-12T11:01:00.000Z");
    expect(businessMinutesBetween(split, at("2026-01-12T00:00:00Z"), at("2026-01-13T00:00:00Z"))).toBe(420);
  });
  it("fractional minutes are exact to the millisecond", () => {
    expect(due(office, "2026-01-14T07:00:00Z", 0.5)).toBe("2026-01-14T07:00:30.000Z");
    expect(businessMinutesBetween(office, at("2026-01-14T07:00:00Z"), at("2026-01-14T07:00:00.030Z"))).toBe(0.0005);
  });
});

describe("daylight-saving changes", () => {
  it("24/7: 24 business hours over spring forward 2026-03-29 is 23 wall-clock hours", () => {
    // Saturday 28 March 12:00 local (UTC+1) + 24 h of instants = Sunday 29 March 13:00 local (UTC+2)
    expect(due(always, "2026-03-28T11:00:00Z", 1440)).toBe("2026-03-29T11:00:00.000Z");
    expect(businessMinutesBetween(always, at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"))).toBe(1380);
  });
  it("24/7: the fall-back day 2026-10-25 has 25 hours", () => {
    expect(businessMinutesBetween(always, at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"))).toBe(1500);
    expect(due(always, "2026-10-24T10:00:00Z", 1440)).toBe("2026-10-25T10:00:00.000Z"); // 12:00 CEST → 11:00 CET
  });
  it("hours 01:00–04:00 on the spring-forward day are 2 hours (02:00–03:00 does not exist)", () => {
    const night = compileCalendar({ timeZone: "Europe/Oslo", weekly: { sun: [["01:00", "04:00"]] } });
    expect(businessMinutesBetween(night, at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"))).toBe(120);
    // 01:00 CET = 00:00Z; 60 minutes → 02:00 CET = 03:00 CEST = 01:00Z
    expect(due(night, "2026-03-28T12:00:00Z", 60)).toBe("2026-03-29T01:00:00.000Z");
    expect(due(night, "2026-03-28T12:00:00Z", 120)).toBe("2026-03-29T02:00:00.000Z");
  });
  it("02:00–03:00 on the spring-forward day is 0 minutes; on the fall-back day 120 minutes", () => {
    const twoToThree = compileCalendar({ timeZone: "Europe/Oslo", weekly: { sun: [["02:00", "03:00"]] } });
    expect(businessMinutesBetween(twoToThree, at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"))).toBe(0);
    expect(businessMinutesBetween(twoToThree, at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(120);
    // Both occurrences: 02:00 CEST (00:00Z) … 03:00 CEST = 02:00 CET (01:00Z) … 03:00 CET (02:00Z)
    expect(due(twoToThree, "2026-10-24T12:00:00Z", 90)).toBe("2026-10-25T01:30:00.000Z");
    expect(due(twoToThree, "2026-10-24T12:00:00Z", 120)).toBe("2026-10-25T02:00:00.000Z");
    // 30 March 2026 start: next is 5 April (normal Sunday, CEST) 02:00 = 00:00Z
    expect(due(twoToThree, "2026-03-28T12:00:00Z", 30)).toBe("2026-04-05T00:30:00.000Z");
  });
  it("America/New_York spring forward 2026-03-08: a 24/7 day has 23 hours", () => {
    const ny = compileCalendar({ ...ALWAYS, timeZone: "America/New_York" });
    expect(businessMinutesBetween(ny, at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"))).toBe(1380);
  });
});

describe("bad input and exhausted calendars", () => {
  it("rejects negative, infinite and NaN minutes and invalid dates", () => {
    expect(() => addBusinessMinutes(office, at("2026-01-14T07:00:00Z"), -1)).toThrow(SlaInputError);
    expect(() => addBusinessMinutes(office, at("2026-01-14T07:00:00Z"), Infinity)).toThrow(/minutes: expected a finite number/);
    expect(() => addBusinessMinutes(office, at("2026-01-14T07:00:00Z"), NaN)).toThrow(/minutes/);
    expect(() => addBusinessMinutes(office, new Date("nope"), 10)).toThrow(/start: expected a valid instant/);
    expect(() => businessMinutesBetween(office, at("2026-01-14T07:00:00Z"), at("2026-01-13T07:00:00Z"))).toThrow(/to: .* is before from/);
  });
  it("a calendar whose only open time is special dates in the past throws instead of running forever", () => {
    const past = compileCalendar({ timeZone: "Europe/Oslo", weekly: {}, specialHours: { "2020-01-02": [["08:00", "09:00"]] } });
    expect(due(past, "2020-01-02T07:00:00Z", 60)).toBe("2020-01-02T08:00:00.000Z");
    expect(() => addBusinessMinutes(past, at("2020-01-02T07:00:00Z"), 61)).toThrow(SlaHorizonError);
    expect(() => addBusinessMinutes(past, at("2026-01-01T00:00:00Z"), 1)).toThrow(/no open time left after 2026-01-01/);
  });
  it("a target beyond 100 years of walking is rejected", () => {
    expect(() => addBusinessMinutes(office, at("2026-01-01T00:00:00Z"), 1e9)).toThrow(/minutes: 1000000000 business minutes reach beyond 36600 days/);
  });
  it("a calendar open only on a date closed for 10+ years throws after the bounded horizon", () => {
    const rare = compileCalendar({ timeZone: "UTC", weekly: {}, specialHours: { "2040-03-01": [["08:00", "09:00"]] } });
    expect(() => addBusinessMinutes(rare, at("2026-01-01T00:00:00Z"), 1)).toThrow(SlaHorizonError);
  });
});

describe("the simple day-by-day walk (bench reference) agrees", () => {
  it("on Oslo office hours over holidays and DST", () => {
    for (const [start, minutes] of [
      ["2026-03-27T14:00:00Z", 2400],
      ["2026-04-01T13:00:00Z", 120],
      ["2026-10-23T10:00:00Z", 10_000],
      ["2026-12-23T14:00:00Z", 480.25],
    ] as const) {
      expect(iso(addBusinessMinutesSimpleWalk(office, at(start), minutes))).toBe(due(office, start, minutes));
    }
  });
});
