import { describe, expect, it } from "vitest";
import {
  BREACH_NOTICE_WARNING_THRESHOLDS,
  DEFAULT_BREACH_NOTICE_RULE,
  breachNoticeRuleOf,
  computeBreachNoticeClock,
  nextBreachNoticeInstants,
  parseBreachNoticeRule,
  type BreachNoticeRule,
} from "./breach-notice";
import { clockStatusAt, firstOverdueInstant, isOverdue } from "./clock-status";
import { SlaInputError } from "./errors";
import { PURESERVICE } from "./presets";
import { at, iso } from "./test-helpers";

const H24: BreachNoticeRule = { kind: "within_hours", hours: 24 };
const UNDUE: BreachNoticeRule = { kind: "without_undue_delay", targetHours: 12 };
const clock = (flaggedAt: string, now: string | number, notifiedAt?: string | number, rule: BreachNoticeRule = H24) =>
  computeBreachNoticeClock({ rule, flaggedAt, now: new Date(now), ...(notifiedAt !== undefined ? { notifiedAt: new Date(notifiedAt) } : {}) });

describe("the breach-notice deadline per agreement version (003/004 §8.9)", () => {
  it("003 (pureservice-4h) gives 24 hours, 004 (pureservice-2h) 'uten ugrunnet opphold' with a 12-hour internal target, others the default", () => {
    const [v003, v004] = PURESERVICE.versions;
    expect(breachNoticeRuleOf({ label: v003!.id })).toEqual(H24);
    expect(breachNoticeRuleOf({ label: v004!.id })).toEqual(UNDUE);
    expect(breachNoticeRuleOf({ label: "netpower-ordinary" })).toEqual(DEFAULT_BREACH_NOTICE_RULE);
    expect(breachNoticeRuleOf(null)).toEqual(DEFAULT_BREACH_NOTICE_RULE);
    // A version's own rule wins over its preset's.
    expect(breachNoticeRuleOf({ label: v003!.id, breachNotice: { kind: "within_hours", hours: 6 } })).toEqual({ kind: "within_hours", hours: 6 });
  });

  it("a stored rule that does not fit is refused with the field named", () => {
    expect(() => parseBreachNoticeRule({ kind: "within_hours", hours: 0 })).toThrow(SlaInputError);
    expect(() => parseBreachNoticeRule({ kind: "soon" })).toThrow(/breachNotice/);
    expect(parseBreachNoticeRule(null)).toBeNull();
  });
});

// Wednesday 14 January 2026 10:00 Oslo = 09:00Z.
describe("computeBreachNoticeClock", () => {
  it("runs on wall-clock time: 24 hours over a night are 24 hours, warnings at 50 and 75 %", () => {
    const c = clock("2026-01-14T09:00:00Z", "2026-01-14T15:00:00Z");
    expect(c.state).toBe("running");
    expect(c.targetMinutes).toBe(1440);
    expect(c.usedMinutes).toBe(360);
    expect(iso(c.dueAt)).toBe("2026-01-15T09:00:00.000Z");
    expect(c.warnings.map((w) => [w.threshold, iso(w.at)])).toEqual([
      [0.5, "2026-01-14T21:00:00.000Z"],
      [0.75, "2026-01-15T03:00:00.000Z"],
    ]);
    expect(BREACH_NOTICE_WARNING_THRESHOLDS).toEqual([0.5, 0.75]);
    expect(nextBreachNoticeInstants(c).map((i) => [i.kind, i.threshold ?? null, iso(i.at)])).toEqual([
      ["warning", 0.5, "2026-01-14T21:00:00.000Z"],
      ["warning", 0.75, "2026-01-15T03:00:00.000Z"],
      ["breach", null, "2026-01-15T09:00:00.000Z"],
    ]);
  });

  it("weekends and public holidays count: flagged Friday 17:00 is due Saturday 17:00; flagged 24 Dec due 25 Dec", () => {
    expect(iso(clock("2026-01-16T16:00:00Z", "2026-01-16T16:00:00Z").dueAt)).toBe("2026-01-17T16:00:00.000Z");
    expect(iso(clock("2026-12-24T11:00:00Z", "2026-12-24T11:00:00Z").dueAt)).toBe("2026-12-25T11:00:00.000Z");
  });

  it("'without undue delay' is worked to its 12-hour internal target", () => {
    const c = clock("2026-01-14T09:00:00Z", "2026-01-14T09:00:00Z", undefined, UNDUE);
    expect(c.targetMinutes).toBe(720);
    expect(iso(c.dueAt)).toBe("2026-01-14T21:00:00.000Z");
  });

  it("exactly at the due instant it is still running; one millisecond later it is breached", () => {
    const due = at("2026-01-15T09:00:00Z").getTime();
    const atDue = clock("2026-01-14T09:00:00Z", due);
    expect(atDue.state).toBe("running");
    expect(atDue.breachedAt).toBeNull();
    expect(nextBreachNoticeInstants(atDue).map((i) => i.kind)).toEqual(["breach"]);
    const after = clock("2026-01-14T09:00:00Z", due + 1);
    expect(after.state).toBe("breached");
    expect(after.breachedAt?.getTime()).toBe(due);
    expect(after.stoppedAt).toBeUndefined();
    // The one rule of clock-status.ts decides, and the breach timer waits for its first overdue instant.
    expect(isOverdue(atDue.dueAt, due)).toBe(false);
    expect(firstOverdueInstant(atDue.dueAt)).toBe(due + 1);
  });

  it("the customer notified exactly at the due instant is met; one millisecond after, breached and stopped", () => {
    const due = at("2026-01-15T09:00:00Z").getTime();
    const met = clock("2026-01-14T09:00:00Z", due + 3_600_000, due);
    expect(met.state).toBe("met");
    expect(met.stoppedAt?.getTime()).toBe(due);
    expect(met.usedMinutes).toBe(1440);
    expect(nextBreachNoticeInstants(met)).toEqual([]);
    const late = clock("2026-01-14T09:00:00Z", due + 3_600_000, due + 1);
    expect(late.state).toBe("breached");
    expect(late.breachedAt?.getTime()).toBe(due);
    expect(late.stoppedAt?.getTime()).toBe(due + 1);
    expect(nextBreachNoticeInstants(late)).toEqual([]);
  });

  it("a notice recorded after `now` is not known yet; one before the flag is refused", () => {
    const c = clock("2026-01-14T09:00:00Z", "2026-01-14T10:00:00Z", "2026-01-14T11:00:00Z");
    expect(c.state).toBe("running");
    expect(c.stoppedAt).toBeUndefined();
    expect(() => clock("2026-01-14T09:00:00Z", "2026-01-14T10:00:00Z", "2026-01-14T08:59:59Z")).toThrow(SlaInputError);
  });

  it("only warnings still ahead are timers", () => {
    const c = clock("2026-01-14T09:00:00Z", "2026-01-14T21:00:00.001Z");
    expect(nextBreachNoticeInstants(c).map((i) => [i.kind, i.threshold ?? null])).toEqual([
      ["warning", 0.75],
      ["breach", null],
    ]);
  });

  describe("across daylight saving time (Europe/Oslo)", () => {
    it("spring forward: flagged Saturday 28 March 12:00 CET, due Sunday 29 March 13:00 CEST (24 real hours)", () => {
      const c = clock("2026-03-28T11:00:00Z", "2026-03-28T11:00:00Z");
      expect(iso(c.dueAt)).toBe("2026-03-29T11:00:00.000Z");
      expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hour: "2-digit", minute: "2-digit" }).format(c.dueAt)).toBe("13:00");
      expect(iso(c.warnings[0]!.at)).toBe("2026-03-28T23:00:00.000Z");
    });

    it("fall back: flagged Saturday 24 October 12:00 CEST, due Sunday 25 October 11:00 CET (24 real hours)", () => {
      const c = clock("2026-10-24T10:00:00Z", "2026-10-25T09:59:59.999Z");
      expect(iso(c.dueAt)).toBe("2026-10-25T10:00:00.000Z");
      expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hour: "2-digit", minute: "2-digit" }).format(c.dueAt)).toBe("11:00");
      expect(c.usedMinutes).toBeCloseTo(1440 - 1 / 60_000, 9);
      expect(c.state).toBe("running");
    });
  });

  it("pause rules do not apply: the stored clock read by clockStatusAt without a calendar counts every minute", () => {
    // The projection stores no pauses for this clock; read on wall time (no calendar) it agrees with the engine.
    const c = clock("2026-01-14T09:00:00Z", "2026-01-14T09:00:00Z");
    const status = clockStatusAt({ state: "running", targetMinutes: c.targetMinutes, usedMinutes: 0, dueAt: c.dueAt, pauses: [] }, at("2026-01-15T09:00:00.001Z"), null);
    expect(status.state).toBe("breached");
    expect(status.breachedAt?.toISOString()).toBe("2026-01-15T09:00:00.000Z");
  });
});
