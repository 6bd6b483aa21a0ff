import { describe, expect, it } from "vitest";
import type { AgreementVersionSpec } from "./agreement";
import { computeResponseClock, computeResponseClockForAgreement, nextClockInstants, type ClockEvent } from "./clock";
import { SlaInputError } from "./errors";
import { NETPOWER_EXTENDED, NETPOWER_ORDINARY, PURESERVICE } from "./presets";
import { at, iso } from "./test-helpers";

const ordinary = NETPOWER_ORDINARY.versions[0]!; // P1 60, P2 120, P3 240, P4 480 on office hours
const extended = NETPOWER_EXTENDED.versions[0]!;
const reg = (when: string, priority: "P1" | "P2" | "P3" | "P4" = "P3"): ClockEvent => ({ type: "registered", at: when, priority });
const clock = (events: ClockEvent[], now: string, version: AgreementVersionSpec = ordinary) => computeResponseClock({ version, events, now: at(now) });
const warningsOf = (c: ReturnType<typeof clock>) => c.warnings.map((w) => [w.threshold, iso(w.at)]);

// January 2026: Oslo is UTC+1. Wednesday 14 January 09:00 local = 08:00Z.
describe("computeResponseClock", () => {
  it("running: used, left, due and warning instants for 50/75/90 %", () => {
    const c = clock([reg("2026-01-14T08:00:00Z")], "2026-01-14T09:00:00Z");
    expect(c.state).toBe("running");
    expect(c.targetMinutes).toBe(240);
    expect(c.usedMinutes).toBe(60);
    expect(c.leftMinutes).toBe(180);
    expect(iso(c.dueAt)).toBe("2026-01-14T12:00:00.000Z");
    expect(warningsOf(c)).toEqual([
      [0.5, "2026-01-14T10:00:00.000Z"],
      [0.75, "2026-01-14T11:00:00.000Z"],
      [0.9, "2026-01-14T11:36:00.000Z"],
    ]);
    expect(nextClockInstants(c).map((i) => [i.kind, i.threshold ?? null, iso(i.at)])).toEqual([
      ["warning", 0.5, "2026-01-14T10:00:00.000Z"],
      ["warning", 0.75, "2026-01-14T11:00:00.000Z"],
      ["warning", 0.9, "2026-01-14T11:36:00.000Z"],
      ["breach", null, "2026-01-14T12:00:00.000Z"],
    ]);
  });

  it("a P3 registered Friday 15:00 is due Monday 11:00, warnings cross the weekend", () => {
    const c = clock([reg("2026-01-16T14:00:00Z")], "2026-01-16T14:30:00Z");
    expect(iso(c.dueAt)).toBe("2026-01-19T10:00:00.000Z");
    expect(warningsOf(c)).toEqual([
      [0.5, "2026-01-19T08:00:00.000Z"],
      [0.75, "2026-01-19T09:00:00.000Z"],
      [0.9, "2026-01-19T09:36:00.000Z"],
    ]);
  });

  it("pause inside hours, then resume: paused time does not count", () => {
    const events: ClockEvent[] = [reg("2026-01-14T08:00:00Z"), { type: "paused", at: "2026-01-14T09:00:00Z", reason: "waiting for customer" }, { type: "resumed", at: "2026-01-14T11:00:00Z" }];
    const whilePaused = clock(events, "2026-01-14T10:00:00Z");
    expect(whilePaused.state).toBe("paused");
    expect(whilePaused.usedMinutes).toBe(60);
    expect(whilePaused.leftMinutes).toBe(180);
    expect(whilePaused.dueAt).toBeNull();
    expect(warningsOf(whilePaused)).toEqual([
      [0.5, null],
      [0.75, null],
      [0.9, null],
    ]);
    expect(whilePaused.pauses).toEqual([{ from: at("2026-01-14T09:00:00Z"), to: null, reason: "waiting for customer" }]);
    expect(nextClockInstants(whilePaused)).toEqual([]);

    const after = clock(events, "2026-01-14T11:30:00Z");
    expect(after.state).toBe("running");
    expect(after.usedMinutes).toBe(90);
    expect(iso(after.dueAt)).toBe("2026-01-14T14:00:00.000Z");
    expect(warningsOf(after)).toEqual([
      [0.5, "2026-01-14T12:00:00.000Z"],
      [0.75, "2026-01-14T13:00:00.000Z"],
      [0.9, "2026-01-14T13:36:00.000Z"],
    ]);
    expect(after.pauses).toEqual([{ from: at("2026-01-14T09:00:00Z"), to: at("2026-01-14T11:00:00Z"), reason: "waiting for customer" }]);
  });

  it("the due instant does not depend on when it is computed: at the resume instant itself, and later", () => {
    const events: ClockEvent[] = [reg("2026-01-14T08:00:00Z"), { type: "paused", at: "2026-01-14T09:00:00Z", reason: "waiting for customer" }, { type: "resumed", at: "2026-01-14T11:00:00Z" }];
    for (const now of ["2026-01-14T11:00:00Z", "2026-01-14T11:00:00.001Z", "2026-01-14T13:59:59Z"]) {
      const c = clock(events, now);
      expect(c.state).toBe("running");
      expect(iso(c.dueAt)).toBe("2026-01-14T14:00:00.000Z");
      expect(warningsOf(c)).toEqual([
        [0.5, "2026-01-14T12:00:00.000Z"],
        [0.75, "2026-01-14T13:00:00.000Z"],
        [0.9, "2026-01-14T13:36:00.000Z"],
      ]);
    }
  });

  it("a warning crossed before a pause keeps its instant while paused", () => {
    const c = clock([reg("2026-01-14T08:00:00Z"), { type: "paused", at: "2026-01-14T10:30:00Z", reason: "waiting for access" }], "2026-01-14T11:00:00Z");
    expect(warningsOf(c)).toEqual([
      [0.5, "2026-01-14T10:00:00.000Z"],
      [0.75, null],
      [0.9, null],
    ]);
  });

  it("pause from Friday 15:30 to Monday 07:00 (before opening)", () => {
    const c = clock(
      [
        reg("2026-01-16T12:00:00Z"), // Friday 13:00 local
        { type: "paused", at: "2026-01-16T14:30:00Z", reason: "waiting for customer" }, // 15:30
        { type: "resumed", at: "2026-01-19T06:00:00Z" }, // Monday 07:00
      ],
      "2026-01-19T07:00:00Z", // Monday 08:00
    );
    expect(c.state).toBe("running");
    expect(c.usedMinutes).toBe(150);
    expect(iso(c.dueAt)).toBe("2026-01-19T08:30:00.000Z"); // 09:30 local; without the pause it would be 09:00
  });

  it("priority change P3 → P1 after 30 minutes recomputes from registration", () => {
    const events: ClockEvent[] = [reg("2026-01-14T08:00:00Z"), { type: "priority_changed", at: "2026-01-14T08:30:00Z", priority: "P1" }];
    const c = clock(events, "2026-01-14T08:45:00Z");
    expect(c.priority).toBe("P1");
    expect(c.targetMinutes).toBe(60);
    expect(c.usedMinutes).toBe(45);
    expect(iso(c.dueAt)).toBe("2026-01-14T09:00:00.000Z");
  });

  it("priority change P3 → P1 after 90 minutes is breached at once", () => {
    const c = clock([reg("2026-01-14T08:00:00Z"), { type: "priority_changed", at: "2026-01-14T09:30:00Z", priority: "P1" }], "2026-01-14T09:30:00Z");
    expect(c.state).toBe("breached");
    expect(iso(c.breachedAt)).toBe("2026-01-14T09:00:00.000Z");
    expect(iso(c.dueAt)).toBe("2026-01-14T09:00:00.000Z");
    expect(c.usedMinutes).toBe(90);
    expect(c.leftMinutes).toBe(0);
    expect(c.lateMinutes).toBe(30);
    expect(nextClockInstants(c)).toEqual([]);
  });

  it("troubleshooting started before, exactly at and after the due instant", () => {
    const base = [reg("2026-01-14T08:00:00Z")];
    const before = clock([...base, { type: "troubleshooting_started", at: "2026-01-14T10:00:00Z" }], "2026-01-15T12:00:00Z");
    expect(before).toMatchObject({ state: "met", usedMinutes: 120, leftMinutes: 120, dueAt: null, stoppedAt: at("2026-01-14T10:00:00Z") });
    expect(before.breachedAt).toBeUndefined();
    expect(warningsOf(before)).toEqual([
      [0.5, "2026-01-14T10:00:00.000Z"],
      [0.75, null],
      [0.9, null],
    ]);

    const exactly = clock([...base, { type: "troubleshooting_started", at: "2026-01-14T12:00:00Z" }], "2026-01-15T12:00:00Z");
    expect(exactly.state).toBe("met");

    const after = clock([...base, { type: "troubleshooting_started", at: "2026-01-14T12:20:00Z" }], "2026-01-15T12:00:00Z");
    expect(after).toMatchObject({ state: "breached", usedMinutes: 260, lateMinutes: 20, lateWallClockMinutes: 20, dueAt: null });
    expect(iso(after.breachedAt)).toBe("2026-01-14T12:00:00.000Z");
  });

  it("due at closing time: troubleshooting the next morning is breached", () => {
    // Registered 12:00 local (11:00Z), 240 min → due 16:00 local (15:00Z), started 07:30 next morning.
    const c = clock([reg("2026-01-14T11:00:00Z"), { type: "troubleshooting_started", at: "2026-01-15T06:30:00Z" }], "2026-01-15T12:00:00Z");
    expect(c.state).toBe("breached");
    expect(iso(c.breachedAt)).toBe("2026-01-14T15:00:00.000Z");
    expect(c.lateMinutes).toBe(0);
    expect(c.lateWallClockMinutes).toBe(15.5 * 60);
  });

  it("reclassified out of SLA measurement", () => {
    const c = clock([reg("2026-01-14T08:00:00Z"), { type: "reclassified", at: "2026-01-14T08:30:00Z", reason: "SCIM/AD sync fault in the customer's identity environment" }], "2026-01-14T15:00:00Z");
    expect(c).toMatchObject({ state: "excluded", usedMinutes: 30, dueAt: null, excludedReason: "SCIM/AD sync fault in the customer's identity environment" });
    expect(nextClockInstants(c)).toEqual([]);
  });

  it("not covered: a version without the priority", () => {
    const noP4: AgreementVersionSpec = { ...ordinary, targets: { P1: ordinary.targets.P1! } };
    const c = clock([reg("2026-01-14T08:00:00Z", "P4")], "2026-01-14T09:00:00Z", noP4);
    expect(c).toMatchObject({ state: "not_covered", targetMinutes: null, dueAt: null, warnings: [] });
  });

  it("extended agreement: P1 on 24/7 and P3 on 08–22 every day", () => {
    const p1 = clock([reg("2026-01-17T02:00:00Z", "P1")], "2026-01-17T02:00:00Z", extended); // Saturday 03:00 local
    expect(iso(p1.dueAt)).toBe("2026-01-17T02:30:00.000Z");
    const p3 = clock([reg("2026-01-17T20:00:00Z", "P3")], "2026-01-17T20:00:00Z", extended); // Saturday 21:00 local
    expect(iso(p3.dueAt)).toBe("2026-01-18T10:00:00.000Z"); // 60 on Saturday, 180 on Sunday from 08:00 → 11:00 local
  });

  it("events after now are ignored and replaying (even in another order) gives the identical result", () => {
    const events: ClockEvent[] = [
      reg("2026-01-14T08:00:00Z"),
      { type: "paused", at: "2026-01-14T09:00:00Z", reason: "waiting for customer" },
      { type: "resumed", at: "2026-01-14T11:00:00Z" },
      { type: "troubleshooting_started", at: "2026-01-14T13:00:00Z" },
    ];
    const now = "2026-01-14T12:00:00Z";
    const first = clock(events, now);
    expect(clock(events, now)).toEqual(first);
    expect(clock([...events].reverse(), now)).toEqual(first);
    expect(clock(events.slice(0, 3), now)).toEqual(first);
    expect(first.state).toBe("running");
  });

  it("the agreement version is chosen by registration time, at the boundary instant", () => {
    const change = "2023-10-01T22:00:00.000Z"; // 02.10.2023 00:00 Oslo (UTC+2)
    const onBoundary = computeResponseClockForAgreement({ versions: PURESERVICE.versions, events: [reg(change)], now: at(change) });
    expect(onBoundary).toMatchObject({ agreementVersionId: "pureservice-2h", targetMinutes: 120 });
    const justBefore = computeResponseClockForAgreement({ versions: PURESERVICE.versions, events: [reg("2023-10-01T21:59:59.999Z")], now: at(change) });
    expect(justBefore).toMatchObject({ agreementVersionId: "pureservice-4h", targetMinutes: 240 });
  });

  it("re-applying a changed calendar to the same events gives the new deadline", () => {
    const events = [reg("2026-01-14T14:00:00Z")]; // 15:00 local
    const longer: AgreementVersionSpec = {
      ...ordinary,
      targets: { P3: { minutes: 240, calendar: { ...ordinary.targets.P3!.calendar, weekly: { wed: [["08:00", "18:00"]], thu: [["08:00", "16:00"]] } } } },
    };
    expect(iso(clock(events, "2026-01-14T14:00:00Z").dueAt)).toBe("2026-01-15T10:00:00.000Z");
    expect(iso(clock(events, "2026-01-14T14:00:00Z", longer).dueAt)).toBe("2026-01-15T08:00:00.000Z");
  });

  it("rejects bad event lists with a clear error", () => {
    expect(() => clock([{ type: "paused", at: "2026-01-14T08:00:00Z", reason: "x" }], "2026-01-14T09:00:00Z")).toThrow(/first event must be "registered"/);
    expect(() => clock([reg("2026-01-14T08:00:00Z"), { type: "paused", at: "2026-01-14T08:10:00Z", reason: " " }], "2026-01-14T09:00:00Z")).toThrow(/events\[1\]\.reason/);
    expect(() => clock([{ type: "registered", at: "2026-01-14T08:00:00Z", priority: "P9" as "P1" }], "2026-01-14T09:00:00Z")).toThrow(/events\[0\]\.priority: expected P1–P4/);
    expect(() => clock([{ type: "closed", at: "2026-01-14T08:00:00Z" } as unknown as ClockEvent], "2026-01-14T09:00:00Z")).toThrow(SlaInputError);
    expect(() => clock([reg("not a date")], "2026-01-14T09:00:00Z")).toThrow(/events\[0\]\.at/);
    expect(() => clock([reg("2026-01-14T08:00:00Z")], "nope")).toThrow(/now: expected a valid instant/);
    expect(() => clock([reg("2026-01-14T10:00:00Z")], "2026-01-14T09:00:00Z")).toThrow(/no "registered" event at or before now/);
    expect(() => clock([reg("2026-01-14T08:00:00Z"), reg("2026-01-14T08:05:00Z")], "2026-01-14T09:00:00Z")).toThrow(/registered only once/);
    expect(() => clock([reg("2026-01-14T08:00:00Z")], "2026-01-14T09:00:00Z", { ...ordinary, warningThresholds: [75] })).toThrow(/version.warningThresholds/);
  });
});
