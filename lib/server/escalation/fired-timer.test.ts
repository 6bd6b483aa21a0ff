import { describe, expect, it } from "vitest";
import { EscalationRulesSchema } from "./rules";
import { directoryNeeds, firedTimerConsequences, lineMove, recipientsOf, type Directory, type EscalatedTicket } from "./fired-timer";

const ticket: EscalatedTicket = { id: "t-1", reference: "NE-2026-0001", title: "Printer", priority: "P2", line: "L1", organizationId: "org-1", assigneeId: null };
const people: Directory = {
  lineLeads: { L1: ["lead-1"], L2: ["lead-2a", "lead-2b"], L3: ["lead-3"] },
  customerAdmins: ["admin-1"],
  webhookTakes: (template) => template === "sla-breach",
};
const clock = { dueAt: new Date("2026-03-02T09:00:00.000Z"), targetMinutes: 60 };
const recordedAt = new Date("2026-03-02T09:00:00.120Z");

describe("recipientsOf", () => {
  it("tells the line's leads when nobody is assigned, and nobody twice", () => {
    expect(recipientsOf(["assignee"], ticket, people)).toEqual(["lead-1"]);
    expect(recipientsOf(["assignee", "lineLead", "customerAdmin"], { ...ticket, assigneeId: "lead-1" }, people)).toEqual(["lead-1", "admin-1"]);
    expect(recipientsOf(["assignee"], { ...ticket, assigneeId: "agent-9" }, people)).toEqual(["agent-9"]);
  });
});

describe("firedTimerConsequences", () => {
  it("a warning: its record, event and notices under the warning's key, no move", () => {
    const c = firedTimerConsequences({ timer: { kind: "warning", threshold: 0.75, at: "2026-03-02T08:45:00.000Z" }, ticket, clock, rules: EscalationRulesSchema.parse({}), people, recordedAt });
    expect(c.escalation).toEqual({ kind: "WARNING", threshold: 0.75, dedupeKey: "warning-t-1-response-0.75-60" });
    expect(c.marksClockBreached).toBe(false);
    expect(c.event).toEqual({ type: "SLA_WARNING", data: { threshold: 0.75, warnedFor: "2026-03-02T08:45:00.000Z", dueAt: "2026-03-02T09:00:00.000Z", recordedAt: recordedAt.toISOString() } });
    expect(c.notifications.map((n) => [n.template, n.channel, n.recipientUserId, n.dedupeKey])).toEqual([["sla-warning", "EMAIL", "lead-1", "warning-t-1-response-0.75-60-email-lead-1"]]);
    expect(c.lineMove).toBeNull();
  });

  it("a breach that moves the ticket: the breach's record and notices, then the move an agent would make", () => {
    const rules = EscalationRulesSchema.parse({ breach: { notify: ["lineLead", "customerAdmin"], moveToNextLine: true } });
    const c = firedTimerConsequences({ timer: { kind: "breach", at: clock.dueAt.toISOString() }, ticket, clock, rules, people, recordedAt });
    expect(c.escalation).toEqual({ kind: "BREACH", threshold: null, dedupeKey: "breach-t-1-response" });
    expect(c.marksClockBreached).toBe(true);
    expect(c.event.data).toEqual({ breachedAt: "2026-03-02T09:00:00.000Z", targetMinutes: 60, recordedAt: recordedAt.toISOString(), recordedAfterMs: 120 });
    expect(c.notifications.map((n) => [n.channel, n.recipientUserId, n.dedupeKey])).toEqual([
      ["EMAIL", "lead-1", "breach-t-1-response-email-lead-1"],
      ["EMAIL", "admin-1", "breach-t-1-response-email-admin-1"],
      ["WEBHOOK", null, "breach-t-1-response-webhook"],
    ]);
    const agentMove = lineMove({ ticket, to: "L2", cause: { kind: "agent", workDone: "w", commentId: "c" }, moveEventId: 7n, leadsOfNewLine: people.lineLeads.L2 });
    expect(c.lineMove).toMatchObject({ from: "L1", to: "L2", ticket: { line: "L2", assigneeId: null }, escalation: { kind: "LINE", fromLine: "L1", toLine: "L2", dedupeKey: "breach-line-t-1-L2" } });
    expect(agentMove.escalation.dedupeKey).toBe("line-t-1-7");
    const told = (move: typeof agentMove) => move.notifications.map((n) => [n.template, n.channel, n.recipientUserId, n.payload]);
    expect(told(c.lineMove!)).toEqual(told(agentMove));
    expect(told(agentMove)).toEqual(["lead-2a", "lead-2b"].map((id) => ["ticket-escalated", "EMAIL", id, { reference: "NE-2026-0001", from: "L1", to: "L2", priority: "P2" }]));
  });

  it("a breach on the 3rd line has nowhere to move", () => {
    const rules = EscalationRulesSchema.parse({ breach: { moveToNextLine: true } });
    expect(firedTimerConsequences({ timer: { kind: "breach", at: clock.dueAt.toISOString() }, ticket: { ...ticket, line: "L3" }, clock, rules, people, recordedAt }).lineMove).toBeNull();
  });

  it("asks only for the people the decision names", () => {
    const moving = EscalationRulesSchema.parse({ breach: { notify: ["assignee"], moveToNextLine: true } });
    expect(directoryNeeds({ kind: "breach" }, { ...ticket, assigneeId: "a" }, moving)).toEqual({ lineLeads: ["L2"], customerAdmins: false, webhook: "sla-breach" });
    expect(directoryNeeds({ kind: "warning" }, ticket, moving)).toEqual({ lineLeads: ["L1"], customerAdmins: false, webhook: "sla-warning" });
  });
});
