import { describe, expect, it } from "vitest";
import { checkMaintenanceNotice, latestAnnouncement, NETPOWER_MAINTENANCE_NOTICE, NETTSOFT_MAINTENANCE_NOTICE, parseMaintenanceNoticeRule, SODVIN_MAINTENANCE_NOTICE } from "./maintenance-notice";
import { at } from "./test-helpers";

const check = (
  rule: Parameters<typeof checkMaintenanceNotice>[0]["rule"],
  from: string,
  to: string,
  announcedAt: string,
  extra: { cause?: string; outages?: Array<{ id: string; from: Date; to: Date | null }> } = {},
) => checkMaintenanceNotice({ rule, window: { from: at(from), to: at(to) }, announcedAt: at(announcedAt), cause: extra.cause ?? "Oppgradering av lagringssystemet", outages: extra.outages ?? [] });

describe("Nettsoft 002 §6.3: five days' notice, with the cause, inside Mon–Fri 22–06 or the weekend", () => {
  // Saturday 14 November 2026 22:00–Sunday 02:00 Oslo (CET, UTC+1).
  const from = "2026-11-14T21:00:00Z";
  const to = "2026-11-15T01:00:00Z";
  it("exactly five days ahead is accepted; one second later is refused with the latest instant it could have gone out", () => {
    expect(check(NETTSOFT_MAINTENANCE_NOTICE, from, to, "2026-11-09T21:00:00Z")).toEqual({ accepted: true, flags: [] });
    expect(check(NETTSOFT_MAINTENANCE_NOTICE, from, to, "2026-11-09T21:00:01Z")).toEqual({
      accepted: false,
      refusals: [{ code: "too_short_notice", minNoticeDays: 5, latestAnnouncement: at("2026-11-09T21:00:00Z") }],
    });
  });
  it("four days ahead is refused", () => {
    const verdict = check(NETTSOFT_MAINTENANCE_NOTICE, from, to, "2026-11-10T21:00:00Z");
    expect(verdict.accepted).toBe(false);
    expect(verdict.accepted === false && verdict.refusals.map((r) => r.code)).toEqual(["too_short_notice"]);
  });
  it("five local calendar days across the end of daylight saving (25 October): the same wall time, 121 hours", () => {
    // Thursday 29 October 2026 22:00 CET (21:00Z); five days before at 22:00 is Saturday 24 October 22:00 CEST (20:00Z).
    expect(latestAnnouncement(at("2026-10-29T21:00:00Z"), 5, "Europe/Oslo")).toEqual(at("2026-10-24T20:00:00Z"));
    expect(check(NETTSOFT_MAINTENANCE_NOTICE, "2026-10-29T21:00:00Z", "2026-10-29T23:00:00Z", "2026-10-24T20:00:00Z").accepted).toBe(true);
    // 120 elapsed hours before would be 21:00Z: half an hour after 20:00Z is already too late.
    expect(check(NETTSOFT_MAINTENANCE_NOTICE, "2026-10-29T21:00:00Z", "2026-10-29T23:00:00Z", "2026-10-24T20:30:00Z").accepted).toBe(false);
  });
  it("across the start of daylight saving (29 March): 119 hours", () => {
    // Thursday 2 April 2026 22:00 CEST (20:00Z); Saturday 28 March 22:00 CET is 21:00Z.
    expect(latestAnnouncement(at("2026-04-02T20:00:00Z"), 5, "Europe/Oslo")).toEqual(at("2026-03-28T21:00:00Z"));
  });
  it("weekday windows only 22–06: Tuesday 21:00–23:00 is refused, Tuesday 22:00 to Wednesday 06:00 and Friday 22:00 into Saturday are not", () => {
    const announced = "2026-11-01T10:00:00Z";
    // Tuesday 10 November 2026, CET.
    const early = check(NETTSOFT_MAINTENANCE_NOTICE, "2026-11-10T20:00:00Z", "2026-11-10T22:00:00Z", announced);
    expect(early).toEqual({ accepted: false, refusals: [{ code: "outside_allowed_slots" }] });
    expect(check(NETTSOFT_MAINTENANCE_NOTICE, "2026-11-10T21:00:00Z", "2026-11-11T05:00:00Z", announced).accepted).toBe(true);
    expect(check(NETTSOFT_MAINTENANCE_NOTICE, "2026-11-13T21:00:00Z", "2026-11-14T15:00:00Z", announced).accepted).toBe(true);
    // Wednesday 06:00–06:01 is past the frame.
    expect(check(NETTSOFT_MAINTENANCE_NOTICE, "2026-11-10T21:00:00Z", "2026-11-11T05:01:00Z", announced).accepted).toBe(false);
  });
  it("the notice must give the cause", () => {
    expect(check(NETTSOFT_MAINTENANCE_NOTICE, from, to, "2026-11-01T10:00:00Z", { cause: "  " })).toEqual({ accepted: false, refusals: [{ code: "cause_missing" }] });
  });
});

describe("every agreement: announced before it starts, and never over an outage after the fact", () => {
  it("Netpower (000 §8) has no notice period: an hour ahead is accepted, a minute late is refused", () => {
    expect(check(NETPOWER_MAINTENANCE_NOTICE, "2026-11-11T22:59:00Z", "2026-11-12T04:59:00Z", "2026-11-11T21:59:00Z")).toEqual({ accepted: true, flags: [] });
    expect(check(NETPOWER_MAINTENANCE_NOTICE, "2026-11-11T22:59:00Z", "2026-11-12T04:59:00Z", "2026-11-11T23:00:00Z")).toEqual({ accepted: false, refusals: [{ code: "starts_before_announcement" }] });
  });
  it("a back-dated window over recorded downtime names the outage; downtime after the announcement is not named", () => {
    const outages = [
      { id: "before", from: at("2026-11-11T23:10:00Z"), to: at("2026-11-11T23:40:00Z") },
      { id: "still-open", from: at("2026-11-11T23:50:00Z"), to: null },
      { id: "elsewhere", from: at("2026-11-10T10:00:00Z"), to: at("2026-11-10T11:00:00Z") },
    ];
    expect(check(null, "2026-11-11T22:59:00Z", "2026-11-12T04:59:00Z", "2026-11-12T00:00:00Z", { outages })).toEqual({
      accepted: false,
      refusals: [{ code: "starts_before_announcement" }, { code: "covers_outage", incidentIds: ["before", "still-open"] }],
    });
  });
  it("Sodvin's reasonable notice: shorter is accepted but flagged", () => {
    expect(check(SODVIN_MAINTENANCE_NOTICE, "2026-11-17T23:00:00Z", "2026-11-18T05:00:00Z", "2026-11-16T23:00:00Z")).toEqual({
      accepted: true,
      flags: [{ code: "short_notice", reasonableNoticeHours: 72, noticeHours: 24 }],
    });
    expect(check(SODVIN_MAINTENANCE_NOTICE, "2026-11-17T23:00:00Z", "2026-11-18T05:00:00Z", "2026-11-14T23:00:00Z")).toEqual({ accepted: true, flags: [] });
  });
  it("stored rules are read back and checked", () => {
    expect(parseMaintenanceNoticeRule(JSON.parse(JSON.stringify(NETTSOFT_MAINTENANCE_NOTICE)))).toEqual(NETTSOFT_MAINTENANCE_NOTICE);
    expect(parseMaintenanceNoticeRule(null)).toBeNull();
    expect(() => parseMaintenanceNoticeRule({ source: "x", timeZone: "Mars/Olympus" })).toThrow(/timeZone/);
    expect(() => check(null, "2026-11-12T04:59:00Z", "2026-11-11T22:59:00Z", "2026-11-01T00:00:00Z")).toThrow(/window.to/);
  });
});
