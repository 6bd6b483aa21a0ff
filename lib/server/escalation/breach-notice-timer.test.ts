import { describe, expect, it } from "vitest";
import { breachNoticeTimerConsequences } from "./breach-notice-timer";
import { breachKey, warningKey } from "./keys";
import type { EscalatedTicket } from "./fired-timer";

const ticket: EscalatedTicket = { id: "t-1", reference: "SI-2026-0001", title: "Datalekkasje", priority: "P1", line: "L1", organizationId: "org-1", assigneeId: null };
const lineLeads = { L1: ["lead-1"], L2: [], L3: [] };
const clock = { dueAt: new Date("2026-03-04T09:00:00.000Z"), targetMinutes: 1440 };
const recordedAt = new Date("2026-03-04T09:00:00.080Z");
const contacts = [
  { userId: null, address: "sikkerhet@example.no" },
  { userId: "lead-1", address: null },
];

describe("breachNoticeTimerConsequences", () => {
  it("a warning: keyed apart from the response clock's, the security contact and the line's leads told once each", () => {
    const c = breachNoticeTimerConsequences({ timer: { kind: "warning", threshold: 0.5, at: "2026-03-03T21:00:00.000Z" }, ticket, clock, lineLeads, securityContacts: contacts, recordedAt });
    expect(c.escalation).toEqual({ kind: "WARNING", threshold: 0.5, dedupeKey: "warning-t-1-breach-notice-0.5-1440" });
    expect(c.escalation.dedupeKey).not.toBe(warningKey("t-1", 0.5, 1440));
    expect(c.event.type).toBe("BREACH_NOTICE_WARNING");
    expect(c.notifications.map((n) => [n.template, n.recipientUserId, n.address ?? null, n.dedupeKey])).toEqual([
      ["breach-notice-warning", "lead-1", null, "warning-t-1-breach-notice-0.5-1440-email-lead-1"],
      ["breach-notice-warning", null, "sikkerhet@example.no", "warning-t-1-breach-notice-0.5-1440-email-sikkerhet@example.no"],
    ]);
    expect(c.lineMove).toBeNull();
  });

  it("a breach: marks the clock, its own record and event with how late it was recorded, the assignee told, no line move", () => {
    const c = breachNoticeTimerConsequences({
      timer: { kind: "breach", at: clock.dueAt.toISOString() },
      ticket: { ...ticket, assigneeId: "agent-9" },
      clock,
      lineLeads,
      securityContacts: contacts,
      recordedAt,
    });
    expect(c.escalation).toEqual({ kind: "BREACH", threshold: null, dedupeKey: breachKey("t-1", "BREACH_NOTICE") });
    expect(c.escalation.dedupeKey).toBe("breach-t-1-breach-notice");
    expect(c.marksClockBreached).toBe(true);
    expect(c.event).toEqual({ type: "BREACH_NOTICE_BREACHED", data: { breachedAt: "2026-03-04T09:00:00.000Z", targetMinutes: 1440, recordedAt: recordedAt.toISOString(), recordedAfterMs: 80 } });
    expect(c.notifications.map((n) => n.recipientUserId ?? n.address)).toEqual(["agent-9", "sikkerhet@example.no", "lead-1"]);
    expect(c.lineMove).toBeNull();
  });
});
