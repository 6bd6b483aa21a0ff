import "server-only";
/**
 * What a fired breach-notice timer (a security incident's deadline for telling the customer of a
 * personal-data breach, lib/sla/breach-notice.ts) means for its ticket, decided with no I/O as
 * fired-timer.ts decides for the response clock, and written by the same batch writer
 * (lib/server/sla-timers/handle-sla-timer.ts):
 *
 * - warning: an Escalation (WARNING) on the BREACH_NOTICE clock, a BREACH_NOTICE_WARNING event,
 *   the security contact and the assignee (or the line's leads) told.
 * - breach: the clock marked breached at its due instant, an Escalation (BREACH), a
 *   BREACH_NOTICE_BREACHED event with the due instant and when it was recorded, the same people
 *   told. The ticket does not move line.
 */
import { notificationRows, type NotificationRow } from "../notifications/write-notifications";
import { toContact, type SecurityContact } from "../security/security-contacts";
import { breachKey, escalationEmailKey, warningKey } from "./keys";
import { recipientsOf, type EscalatedTicket, type FiredTimer } from "./fired-timer";
import { byEmail } from "../notifications/write-notifications";
import type { SupportLine } from "../../generated/prisma/enums";

export interface BreachNoticeTimerConsequences {
  escalation: { kind: "WARNING" | "BREACH"; threshold: number | null; dedupeKey: string };
  marksClockBreached: boolean;
  event: { type: "BREACH_NOTICE_WARNING" | "BREACH_NOTICE_BREACHED"; data: Record<string, unknown> };
  notifications: NotificationRow[];
  lineMove: null;
}

export function breachNoticeTimerConsequences(s: {
  timer: FiredTimer;
  ticket: EscalatedTicket;
  clock: { dueAt: Date | null; targetMinutes: number | null };
  /** The leads of the ticket's line (told when nobody is assigned). */
  lineLeads: Readonly<Record<SupportLine, readonly string[]>>;
  securityContacts: readonly SecurityContact[];
  recordedAt: Date;
}): BreachNoticeTimerConsequences {
  const { timer, ticket, clock, recordedAt } = s;
  const dueAt = clock.dueAt?.toISOString() ?? timer.at;
  const told = (dedupeKey: string) => {
    const staff = recipientsOf(["assignee"], ticket, { lineLeads: s.lineLeads, customerAdmins: [] });
    const contacts = s.securityContacts.filter((c) => !(c.userId && staff.includes(c.userId)));
    return [...staff.map((userId) => byEmail(userId, escalationEmailKey(dedupeKey, userId))), ...contacts.map((c) => toContact(c, (who) => escalationEmailKey(dedupeKey, who)))];
  };
  const common = { reference: ticket.reference, title: ticket.title, dueAt };
  if (timer.kind === "breach") {
    if (!clock.dueAt) throw new Error(`a breach-notice breach of ticket ${ticket.id} needs the clock's due instant`);
    const dedupeKey = breachKey(ticket.id, "BREACH_NOTICE");
    return {
      escalation: { kind: "BREACH", threshold: null, dedupeKey },
      marksClockBreached: true,
      event: {
        type: "BREACH_NOTICE_BREACHED",
        data: { breachedAt: dueAt, targetMinutes: clock.targetMinutes, recordedAt: recordedAt.toISOString(), recordedAfterMs: recordedAt.getTime() - clock.dueAt.getTime() },
      },
      notifications: notificationRows({ template: "breach-notice-breach", ticketId: ticket.id, payload: common, to: told(dedupeKey) }),
      lineMove: null,
    };
  }
  const threshold = timer.threshold;
  if (threshold === undefined) throw new Error(`a breach-notice warning of ticket ${ticket.id} needs its threshold`);
  const dedupeKey = warningKey(ticket.id, threshold, clock.targetMinutes, "BREACH_NOTICE");
  return {
    escalation: { kind: "WARNING", threshold, dedupeKey },
    marksClockBreached: false,
    event: { type: "BREACH_NOTICE_WARNING", data: { threshold, warnedFor: timer.at, dueAt, recordedAt: recordedAt.toISOString() } },
    notifications: notificationRows({ template: "breach-notice-warning", ticketId: ticket.id, payload: { ...common, threshold }, to: told(dedupeKey) }),
    lineMove: null,
  };
}
