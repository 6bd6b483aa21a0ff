import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar";
import { isOnCallCase, onCallPageDecision, type OnCallOption } from "./oncall";
import { ALWAYS_OPEN, NETPOWER_EXTENDED_08_22, NETPOWER_OFFICE_HOURS } from "./presets";
import type { Priority } from "./agreement";

const at = (iso: string) => new Date(iso);
const EXTENDED_P1_P2 = calendarFor(ALWAYS_OPEN.spec);
const EXTENDED_P3 = calendarFor(NETPOWER_EXTENDED_08_22.spec);
const ORDINARY = calendarFor(NETPOWER_OFFICE_HOURS.spec);

const decide = (iso: string, priority: Priority, target: typeof ORDINARY | null, option: OnCallOption | null) => onCallPageDecision(at(iso), { priority, target, option });
const NOW = { kind: "now" };
const NEVER = { kind: "never" };
const AT = (iso: string) => ({ kind: "at", at: at(iso) });

describe("onCallPageDecision: who is paged follows the agreement's calendar", () => {
  it("an extended P2 (1 h, 24/7) registered at 02:00 pages at once, whatever option was bought", () => {
    expect(decide("2026-11-24T01:00:00Z", "P2", EXTENDED_P1_P2, null)).toEqual(NOW); // Tuesday 02:00 Oslo
    expect(decide("2026-11-24T01:00:00Z", "P2", EXTENDED_P1_P2, "vakttelefon")).toEqual(NOW);
  });

  it("an extended P3 (08–22 every day) pages on a Saturday at 10:00, and from 08:00 when registered at 07:00", () => {
    expect(decide("2026-11-21T09:00:00Z", "P3", EXTENDED_P3, "vakttelefon")).toEqual(NOW);
    expect(decide("2026-11-21T06:00:00Z", "P3", EXTENDED_P3, "vakttelefon")).toEqual(AT("2026-11-21T07:00:00Z"));
    // 22:30 on a Saturday: next open 08:00 Sunday
    expect(decide("2026-11-21T21:30:00Z", "P3", EXTENDED_P3, null)).toEqual(AT("2026-11-22T07:00:00Z"));
  });

  it("a ticket registered in office hours is the on-call person's when the office closes (15:55 → 16:00)", () => {
    expect(decide("2026-11-24T14:55:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(AT("2026-11-24T15:00:00Z"));
    expect(decide("2026-11-24T14:55:00Z", "P1", EXTENDED_P1_P2, null)).toEqual(AT("2026-11-24T15:00:00Z"));
    expect(decide("2026-11-24T14:55:00Z", "P2", EXTENDED_P1_P2, null)).toEqual(AT("2026-11-24T15:00:00Z"));
    // an extended P3 on a Friday afternoon: its calendar is open at 16:00
    expect(decide("2026-11-27T14:55:00Z", "P3", EXTENDED_P3, null)).toEqual(AT("2026-11-27T15:00:00Z"));
    // exactly at 16:00 it is paged at once; at 15:59:59.999 not yet
    expect(decide("2026-11-24T15:00:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(NOW);
    expect(isOnCallCase(at("2026-11-24T14:59:59.999Z"), { office: ORDINARY, target: ORDINARY, priority: "P1", option: "vakttelefon" })).toBe(false);
  });

  it("a customer without the on-call option is never paged outside its agreement", () => {
    for (const iso of ["2026-11-24T19:00:00Z", "2026-11-24T01:00:00Z", "2026-11-21T09:00:00Z", "2026-11-24T14:55:00Z"]) {
      expect(decide(iso, "P1", ORDINARY, null)).toEqual(NEVER);
      expect(decide(iso, "P2", ORDINARY, null)).toEqual(NEVER);
    }
  });

  it("the vakttelefon option covers P1 only, in its hours; 24/7 covers every hour the office is closed", () => {
    expect(decide("2026-11-24T19:00:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(NOW); // 20:00
    expect(decide("2026-11-24T19:00:00Z", "P2", ORDINARY, "vakttelefon")).toEqual(NEVER);
    expect(decide("2026-11-24T22:00:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(AT("2026-11-25T15:00:00Z")); // 23:00 → 16:00 the next day
    expect(decide("2026-11-24T22:00:00Z", "P1", ORDINARY, "24/7")).toEqual(NOW);
    expect(decide("2026-11-24T09:00:00Z", "P4", ORDINARY, "24/7")).toEqual(NEVER); // P4 on extended: the ordinary rule
    expect(decide("2026-11-24T09:00:00Z", "P2", null, "24/7")).toEqual(NEVER); // a priority the version does not cover
  });

  it("across daylight saving: the office closes at 16:00 local time, CET and CEST", () => {
    // Friday 27 March 2026 (CET, UTC+1) and Monday 30 March 2026 (CEST, UTC+2)
    expect(decide("2026-03-27T14:55:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(AT("2026-03-27T15:00:00Z"));
    expect(decide("2026-03-30T13:55:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(AT("2026-03-30T14:00:00Z"));
    // Sunday 29 March 2026, the night the clocks go forward: an extended P3 at 07:30 CEST waits for 08:00 CEST
    expect(decide("2026-03-29T05:30:00Z", "P3", EXTENDED_P3, null)).toEqual(AT("2026-03-29T06:00:00Z"));
    // Sunday 25 October 2026, the clocks go back: 02:30 happens twice, an extended P2 pages both times
    expect(decide("2026-10-25T00:30:00Z", "P2", EXTENDED_P1_P2, null)).toEqual(NOW);
    expect(decide("2026-10-25T01:30:00Z", "P2", EXTENDED_P1_P2, null)).toEqual(NOW);
  });

  it("on a public holiday the office is closed all day: 17 May, Christmas Day", () => {
    // Monday 17 May 2027 10:00 CEST: office closed, vakttelefon in its holiday hours (09–22)
    expect(decide("2027-05-17T08:00:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(NOW);
    expect(decide("2027-05-17T06:30:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(AT("2027-05-17T07:00:00Z")); // 08:30 → 09:00
    expect(decide("2027-05-17T08:00:00Z", "P3", EXTENDED_P3, null)).toEqual(NOW);
    expect(decide("2027-05-17T08:00:00Z", "P2", ORDINARY, "vakttelefon")).toEqual(NEVER);
    // Friday 25 December 2026, 12:00
    expect(decide("2026-12-25T11:00:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(NOW);
    // Thursday 24 December 2026 is an ordinary weekday for the office: a P1 at 15:55 waits for 16:00
    expect(decide("2026-12-24T14:55:00Z", "P1", ORDINARY, "vakttelefon")).toEqual(AT("2026-12-24T15:00:00Z"));
  });
});
