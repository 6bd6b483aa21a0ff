import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar";
import { computeResponseClock, type ClockEvent } from "./clock";
import { clockStatusAt, firstOverdueInstant, isOverdue, type ClockFacts } from "./clock-status";
import { NETPOWER_ORDINARY } from "./presets";
import { at, OSLO_OFFICE } from "./test-helpers";

const office = calendarFor(OSLO_OFFICE);
const ordinary = NETPOWER_ORDINARY.versions[0]!; // P4 480 business minutes on office hours
const MS = (iso: string) => Date.parse(iso);

// March 2026: Oslo is UTC+1 until the 29th. Monday 2 March 09:00 local = 08:00Z.
const registered = "2026-03-02T08:00:00Z";
const p4: ClockEvent[] = [{ type: "registered", at: registered, priority: "P4" }];
/** The P4 is due Tuesday 3 March 09:00 Oslo (480 business minutes of 08–16). */
const due = "2026-03-03T08:00:00.000Z";
const running: ClockFacts = { state: "running", targetMinutes: 480, usedMinutes: 0, dueAt: due, breachedAt: null, stoppedAt: null, pauses: [] };

describe("isOverdue and firstOverdueInstant: breached only strictly after the due instant", () => {
  it("is not overdue at the due instant, overdue 1 ms after", () => {
    expect(isOverdue(MS(due), MS(due))).toBe(false);
    expect(isOverdue(MS(due), MS(due) - 1)).toBe(false);
    expect(isOverdue(MS(due), MS(due) + 1)).toBe(true);
    expect(isOverdue(new Date(due), new Date(MS(due) + 1))).toBe(true);
  });

  it("the first overdue instant is the due instant plus one millisecond", () => {
    expect(firstOverdueInstant(MS(due))).toBe(MS(due) + 1);
    expect(isOverdue(MS(due), firstOverdueInstant(MS(due)))).toBe(true);
    expect(isOverdue(MS(due), firstOverdueInstant(MS(due)) - 1)).toBe(false);
  });
});

describe("clockStatusAt", () => {
  it("at exactly the due instant a running clock is running with 0 minutes left, not breached", () => {
    const s = clockStatusAt(running, at(due), office);
    expect(s).toMatchObject({ state: "running", usedMinutes: 480, leftMinutes: 0, lateMinutes: 0, breachedAt: null, open: true });
    expect(s.dueAt?.toISOString()).toBe(due);
  });

  it("1 ms after the due instant it is breached, 0 minutes late, breached at the due instant", () => {
    // 08:00:00.001Z is 09:00:00.001 Oslo: open time, so one business millisecond has passed.
    const s = clockStatusAt(running, new Date(MS(due) + 1), office);
    expect(s).toMatchObject({ state: "breached", leftMinutes: 0, dueAt: null, open: true });
    expect(s.breachedAt?.toISOString()).toBe(due);
    expect(Math.round(s.lateMinutes)).toBe(0);
    expect(s.lateMinutes).toBeCloseTo(1 / 60_000, 12);
  });

  it("an open breach read a month later is late by the business minutes up to that instant", () => {
    // Read on Wednesday 1 April 2026 10:00 Oslo (08:00Z, CEST). Business days from Tue 3 March 09:00
    // Oslo: 3 March 420 min, 4–31 March 20 weekdays × 480, 1 April 08–10 120 min = 10 140; no
    // Norwegian public holiday falls in between (Maundy Thursday is 2 April 2026).
    const s = clockStatusAt(running, at("2026-04-01T08:00:00Z"), office);
    expect(s.state).toBe("breached");
    expect(s.lateMinutes).toBe(10_140);
    expect(s.usedMinutes).toBe(480 + 10_140);
  });

  it("an open breach does not count time paused after the breach", () => {
    const breached: ClockFacts = {
      state: "breached",
      targetMinutes: 480,
      usedMinutes: 480,
      dueAt: null,
      breachedAt: due,
      stoppedAt: null,
      // Paused Wednesday 4 March 09:00–12:00 Oslo, then paused again from Thursday 09:00 Oslo.
      pauses: [
        { from: "2026-03-04T08:00:00Z", to: "2026-03-04T11:00:00Z" },
        { from: "2026-03-05T08:00:00Z", to: null },
      ],
    };
    // Tue 09–16 (420) + Wed 08–09 and 12–16 (300) + Thu 08–09 (60) = 780.
    const s = clockStatusAt(breached, at("2026-03-06T12:00:00Z"), office);
    expect(s).toMatchObject({ state: "breached", lateMinutes: 780, usedMinutes: 1260, open: true });
  });

  it("a stopped breach and a met clock read as stored at any instant", () => {
    const stopped: ClockFacts = { state: "breached", targetMinutes: 120, usedMinutes: 135, dueAt: null, breachedAt: "2026-03-02T10:00:00Z", stoppedAt: "2026-03-02T10:15:00Z" };
    expect(clockStatusAt(stopped, at("2026-12-01T00:00:00Z"), office)).toMatchObject({ state: "breached", usedMinutes: 135, lateMinutes: 15, open: false });
    const met: ClockFacts = { state: "met", targetMinutes: 120, usedMinutes: 120, dueAt: null, stoppedAt: "2026-03-02T10:00:00Z" };
    expect(clockStatusAt(met, at("2026-12-01T00:00:00Z"), office)).toMatchObject({ state: "met", usedMinutes: 120, leftMinutes: 0, lateMinutes: 0 });
  });

  it("a paused clock keeps its stored minutes", () => {
    const paused: ClockFacts = { state: "paused", targetMinutes: 480, usedMinutes: 200, dueAt: null, pauses: [{ from: registered, to: null }] };
    expect(clockStatusAt(paused, at("2026-05-01T00:00:00Z"), office)).toMatchObject({ state: "paused", usedMinutes: 200, leftMinutes: 280, lateMinutes: 0 });
  });

  it("agrees with the engine's replay of the events at the due instant, 1 ms after and a month later", () => {
    for (const when of [due, new Date(MS(due) + 1).toISOString(), "2026-04-01T08:00:00Z"]) {
      const engine = computeResponseClock({ version: ordinary, events: p4, now: at(when) });
      const s = clockStatusAt(running, at(when), office);
      expect(s.state).toBe(engine.state);
      expect(s.usedMinutes).toBeCloseTo(engine.usedMinutes, 9);
      expect(s.lateMinutes).toBeCloseTo(engine.lateMinutes ?? 0, 9);
    }
  });
});
