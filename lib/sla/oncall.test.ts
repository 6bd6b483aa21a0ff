import { describe, expect, it } from "vitest";
import { isOfficeHours, isOnCallCovered, needsOnCallPage, vakttelefonIntervals } from "./oncall";

const at = (iso: string) => new Date(iso);
const covered = (iso: string) => isOnCallCovered(at(iso), { option: "vakttelefon" });
const pageP1 = (iso: string, option: "vakttelefon" | "24/7" = "vakttelefon") => needsOnCallPage({ priority: "P1", at: at(iso), option });

describe("vakttelefon coverage (000 §19), Europe/Oslo", () => {
  // Friday 20 November 2026, CET (UTC+1)
  it("Friday: office hours until 16:00, on-call from 16:00 until 22:00", () => {
    expect(isOfficeHours(at("2026-11-20T14:59:00Z"))).toBe(true); // 15:59
    expect(covered("2026-11-20T14:59:00Z")).toBe(false);
    expect(pageP1("2026-11-20T14:59:00Z")).toBe(false);

    expect(isOfficeHours(at("2026-11-20T15:00:00Z"))).toBe(false); // 16:00
    expect(covered("2026-11-20T15:00:00Z")).toBe(true);
    expect(pageP1("2026-11-20T15:00:00Z")).toBe(true);

    expect(pageP1("2026-11-20T20:59:00Z")).toBe(true); // 21:59
    expect(covered("2026-11-20T21:00:00Z")).toBe(false); // 22:00
    expect(pageP1("2026-11-20T21:00:00Z")).toBe(false);
  });

  it("Saturday: on-call from 09:00", () => {
    expect(covered("2026-11-21T07:59:00Z")).toBe(false); // 08:59
    expect(pageP1("2026-11-21T07:59:00Z")).toBe(false);
    expect(covered("2026-11-21T08:00:00Z")).toBe(true); // 09:00
    expect(pageP1("2026-11-21T08:00:00Z")).toBe(true);
    expect(pageP1("2026-11-21T20:59:59.999Z")).toBe(true); // 21:59:59.999
    expect(pageP1("2026-11-21T21:00:00Z")).toBe(false); // 22:00
  });

  it("17 May on a weekday (Monday 2027): no office hours, on-call 09:00–22:00 (CEST)", () => {
    expect(isOfficeHours(at("2027-05-17T08:00:00Z"))).toBe(false); // 10:00
    expect(covered("2027-05-17T08:00:00Z")).toBe(true);
    expect(pageP1("2027-05-17T08:00:00Z")).toBe(true);
    expect(covered("2027-05-17T06:59:00Z")).toBe(false); // 08:59
    expect(covered("2027-05-17T14:30:00Z")).toBe(true); // 16:30
    // an ordinary Monday at 10:00 is office hours
    expect(pageP1("2027-05-10T08:00:00Z")).toBe(false);
  });

  it("Ascension Day (Thursday 14 May 2026) and New Year's Day 2027 (Friday) have weekend hours", () => {
    expect(pageP1("2026-05-14T07:00:00Z")).toBe(true); // 09:00 CEST
    expect(pageP1("2026-05-14T06:59:00Z")).toBe(false); // 08:59
    expect(pageP1("2026-12-31T23:30:00Z")).toBe(false); // 00:30 on 1 January
    expect(pageP1("2027-01-01T08:00:00Z")).toBe(true); // 09:00 on 1 January
    expect(pageP1("2027-01-01T07:59:00Z")).toBe(false);
  });

  it("DST days: 09:00 local is 07:00Z on 29 March and 08:00Z on 25 October 2026 (Sundays)", () => {
    expect(covered("2026-03-29T06:59:00Z")).toBe(false); // 08:59 CEST
    expect(covered("2026-03-29T07:00:00Z")).toBe(true); // 09:00 CEST
    expect(covered("2026-03-29T19:59:00Z")).toBe(true); // 21:59 CEST
    expect(covered("2026-03-29T20:00:00Z")).toBe(false); // 22:00 CEST
    expect(covered("2026-10-25T07:30:00Z")).toBe(false); // 08:30 CET
    expect(covered("2026-10-25T08:00:00Z")).toBe(true); // 09:00 CET
    expect(covered("2026-10-25T20:59:00Z")).toBe(true); // 21:59 CET
    expect(covered("2026-10-25T21:00:00Z")).toBe(false); // 22:00 CET
  });

  it("only P1 pages; the 24/7 option pages at any time outside office hours", () => {
    expect(needsOnCallPage({ priority: "P2", at: at("2026-11-21T10:00:00Z"), option: "vakttelefon" })).toBe(false);
    expect(needsOnCallPage({ priority: "P2", at: at("2026-11-21T02:00:00Z"), option: "24/7" })).toBe(false);
    expect(pageP1("2026-11-20T02:00:00Z")).toBe(false); // Friday 03:00, vakttelefon closed
    expect(pageP1("2026-11-20T02:00:00Z", "24/7")).toBe(true);
    expect(pageP1("2026-11-20T22:30:00Z", "24/7")).toBe(true); // Friday 23:30
    expect(pageP1("2026-11-20T09:00:00Z", "24/7")).toBe(false); // Friday 10:00, office hours
    expect(isOnCallCovered(at("2026-11-20T09:00:00Z"), { option: "24/7" })).toBe(true);
  });
});

describe("vakttelefonIntervals", () => {
  it("lists each covered interval of a week with a holiday and a DST change, clipped to none", () => {
    // Wednesday 25 March 2026 12:00 Oslo to Wednesday 1 April 12:00 (CEST from Sunday 29 March)
    const list = vakttelefonIntervals(at("2026-03-25T11:00:00Z"), at("2026-04-01T10:00:00Z")).map((i) => [i.startsAt.toISOString(), i.endsAt.toISOString()]);
    expect(list).toEqual([
      ["2026-03-25T15:00:00.000Z", "2026-03-25T21:00:00.000Z"], // Wed 16–22 CET
      ["2026-03-26T15:00:00.000Z", "2026-03-26T21:00:00.000Z"], // Thu
      ["2026-03-27T15:00:00.000Z", "2026-03-27T21:00:00.000Z"], // Fri
      ["2026-03-28T08:00:00.000Z", "2026-03-28T21:00:00.000Z"], // Sat 09–22 CET
      ["2026-03-29T07:00:00.000Z", "2026-03-29T20:00:00.000Z"], // Sun 09–22 CEST
      ["2026-03-30T14:00:00.000Z", "2026-03-30T20:00:00.000Z"], // Mon 16–22 CEST
      ["2026-03-31T14:00:00.000Z", "2026-03-31T20:00:00.000Z"], // Tue
    ]);
  });

  it("includes an interval already running at the start; Maundy Thursday 2 April 2026 has holiday hours", () => {
    const list = vakttelefonIntervals(at("2026-04-01T18:00:00Z"), at("2026-04-02T23:00:00Z")).map((i) => [i.startsAt.toISOString(), i.endsAt.toISOString()]);
    expect(list).toEqual([
      ["2026-04-01T14:00:00.000Z", "2026-04-01T20:00:00.000Z"],
      ["2026-04-02T07:00:00.000Z", "2026-04-02T20:00:00.000Z"],
    ]);
  });
});
