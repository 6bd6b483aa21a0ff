import "server-only";
/**
 * What a fired SLA timer means for a ticket, and what a move to a higher line means, decided in
 * one place with no I/O: the records and events to write, who is told of what, and the line move.
 * The SLA timer's batch writer (lib/server/sla-timers/handle-sla-timer.ts) turns the result into
 * one SQL statement per batch; an agent's escalation (lib/server/tickets/actions/escalate-ticket.ts)
 * writes its line move through Prisma. Neither decides anything of its own.
 *
 * - warning: an Escalation (WARNING), an SLA_WARNING event, the agreement's warning recipients
 *   told (e-mail, and the webhooks that take "sla-warning").
 * - breach: the clock marked breached, an Escalation (BREACH), an SLA_BREACHED event with the due
 *   instant and when it was recorded, the breach recipients told, and, if the agreement says so,
 *   the ticket moved to the next line exactly as an agent's escalation moves it.
 * - a line move (by an agent or a breach): an ESCALATED event, an Escalation (LINE), the ticket
 *   in the new line's queue unassigned, and the new line's leads told ("ticket-escalated").
 *
 * Paging on-call at a warning or breach (the rules' `page`) is lib/server/oncall/page-fired-timer.ts,
 * called by the timer's batch writer after its write.
 */
import type { Priority, SupportLine } from "../../generated/prisma/enums";
import { byEmail, byWebhook, notificationRows, type NotificationRow } from "../notifications/write-notifications";
import type { EscalationRules, RecipientKind } from "./rules";
import { breachKey, breachLineKey, escalationEmailKey, escalationWebhookKey, lineMoveEmailKey, manualLineKey, warningKey } from "./keys";

export const NEXT_LINE: Record<SupportLine, SupportLine | null> = { L1: "L2", L2: "L3", L3: null };

export interface EscalatedTicket {
  id: string;
  reference: string;
  title: string;
  priority: Priority;
  line: SupportLine;
  organizationId: string;
  assigneeId: string | null;
}

/** The people a decision may name: the leads of each line and the ticket's customer admins. */
export interface Directory {
  lineLeads: Readonly<Record<SupportLine, readonly string[]>>;
  customerAdmins: readonly string[];
  /** Whether any webhook endpoint takes a template for the ticket's organisation. */
  webhookTakes(template: "sla-warning" | "sla-breach"): boolean;
}

/** What a fired timer's decision needs to know of the people around its ticket (so only that is looked up). */
export interface DirectoryNeeds {
  lineLeads: SupportLine[];
  customerAdmins: boolean;
  webhook: "sla-warning" | "sla-breach";
}

export function directoryNeeds(timer: Pick<FiredTimer, "kind">, ticket: Pick<EscalatedTicket, "assigneeId" | "line">, rules: EscalationRules): DirectoryNeeds {
  const kinds = timer.kind === "breach" ? rules.breach.notify : rules.warning.notify;
  const lines: SupportLine[] = [];
  if (kinds.includes("lineLead") || (kinds.includes("assignee") && !ticket.assigneeId)) lines.push(ticket.line);
  const next = timer.kind === "breach" && rules.breach.moveToNextLine ? NEXT_LINE[ticket.line] : null;
  if (next) lines.push(next);
  return { lineLeads: lines, customerAdmins: kinds.includes("customerAdmin"), webhook: timer.kind === "breach" ? "sla-breach" : "sla-warning" };
}

/**
 * The people behind recipient kinds for a ticket, without duplicates. A ticket nobody is assigned
 * to has its line's leads told instead of the assignee, so a warning always reaches someone.
 */
export function recipientsOf(kinds: readonly RecipientKind[], ticket: Pick<EscalatedTicket, "assigneeId" | "line">, people: Pick<Directory, "lineLeads" | "customerAdmins">): string[] {
  const ids = new Set<string>();
  if (kinds.includes("assignee") && ticket.assigneeId) ids.add(ticket.assigneeId);
  if (kinds.includes("lineLead") || (kinds.includes("assignee") && !ticket.assigneeId)) for (const id of people.lineLeads[ticket.line]) ids.add(id);
  if (kinds.includes("customerAdmin")) for (const id of people.customerAdmins) ids.add(id);
  return [...ids];
}

/** Who moved the ticket: an agent (with the work done so far, kept as an internal note) or a breach. */
export type LineMoveCause = { kind: "agent"; workDone: string; commentId: string } | { kind: "breach" };

export interface LineMove {
  from: SupportLine;
  to: SupportLine;
  event: { type: "ESCALATED"; data: Record<string, unknown> };
  /** The LINE escalation record. */
  escalation: { kind: "LINE"; dedupeKey: string; fromLine: SupportLine; toLine: SupportLine };
  /** The ticket joins the new line's queue, unassigned. */
  ticket: { line: SupportLine; assigneeId: null };
  notifications: NotificationRow[];
}

/** The ESCALATED event's data of a line move (an agent's move is keyed by this event, so it comes first). */
export function lineMoveEventData(from: SupportLine, to: SupportLine, cause: LineMoveCause): Record<string, unknown> {
  return cause.kind === "agent" ? { from, to, workDone: cause.workDone, commentId: cause.commentId, visibility: "INTERNAL" } : { kind: "breach", from, to, visibility: "INTERNAL" };
}

/**
 * A move of the ticket to line `to`. `moveEventId` names an agent's move (its ESCALATED event);
 * a breach moves a ticket to a line once.
 */
export function lineMove(m: {
  ticket: Pick<EscalatedTicket, "id" | "reference" | "priority" | "line">;
  to: SupportLine;
  cause: LineMoveCause;
  moveEventId?: bigint | string;
  leadsOfNewLine: readonly string[];
}): LineMove {
  const { ticket, to, cause } = m;
  const moveId = cause.kind === "agent" ? m.moveEventId : `breach-${to}`;
  if (moveId === undefined) throw new Error("an agent's line move is named by its event");
  return {
    from: ticket.line,
    to,
    event: { type: "ESCALATED", data: lineMoveEventData(ticket.line, to, cause) },
    escalation: {
      kind: "LINE",
      dedupeKey: cause.kind === "agent" ? manualLineKey(ticket.id, moveId) : breachLineKey(ticket.id, to),
      fromLine: ticket.line,
      toLine: to,
    },
    ticket: { line: to, assigneeId: null },
    notifications: notificationRows({
      template: "ticket-escalated",
      ticketId: ticket.id,
      payload: { reference: ticket.reference, from: ticket.line, to, priority: ticket.priority },
      to: m.leadsOfNewLine.map((userId) => byEmail(userId, lineMoveEmailKey(ticket.id, moveId, userId))),
    }),
  };
}

export interface FiredTimer {
  kind: "warning" | "breach";
  /** Warnings: the fraction of the target. */
  threshold?: number;
  /** The instant the timer was due (ISO). */
  at: string;
}

export interface FiredTimerConsequences {
  /** The warning or breach record; its dedupeKey makes recording it idempotent. */
  escalation: { kind: "WARNING" | "BREACH"; threshold: number | null; dedupeKey: string };
  /** Breaches: the clock is marked breached at its due instant. */
  marksClockBreached: boolean;
  event: { type: "SLA_WARNING" | "SLA_BREACHED"; data: Record<string, unknown> };
  notifications: NotificationRow[];
  lineMove: LineMove | null;
}

/**
 * What a timer that may act (its clock's revision matches, and a breach's clock is overdue)
 * means for its ticket. `recordedAt` is the instant on the records.
 */
export function firedTimerConsequences(s: {
  timer: FiredTimer;
  ticket: EscalatedTicket;
  clock: { dueAt: Date | null; targetMinutes: number | null };
  rules: EscalationRules;
  people: Directory;
  recordedAt: Date;
}): FiredTimerConsequences {
  const { timer, ticket, clock, rules, people, recordedAt } = s;
  const breach = timer.kind === "breach";
  const dueAt = clock.dueAt?.toISOString() ?? timer.at;
  const told = (dedupeKey: string, kinds: readonly RecipientKind[], template: "sla-warning" | "sla-breach") => [
    ...recipientsOf(kinds, ticket, people).map((userId) => byEmail(userId, escalationEmailKey(dedupeKey, userId))),
    ...(people.webhookTakes(template) ? [byWebhook(escalationWebhookKey(dedupeKey))] : []),
  ];
  const common = { reference: ticket.reference, title: ticket.title, priority: ticket.priority, dueAt };
  if (breach) {
    if (!clock.dueAt) throw new Error(`a breach of ticket ${ticket.id} needs the clock's due instant`);
    const dedupeKey = breachKey(ticket.id);
    const to = rules.breach.moveToNextLine ? NEXT_LINE[ticket.line] : null;
    return {
      escalation: { kind: "BREACH", threshold: null, dedupeKey },
      marksClockBreached: true,
      event: {
        type: "SLA_BREACHED",
        data: { breachedAt: dueAt, targetMinutes: clock.targetMinutes, recordedAt: recordedAt.toISOString(), recordedAfterMs: recordedAt.getTime() - clock.dueAt.getTime() },
      },
      notifications: notificationRows({
        template: "sla-breach",
        ticketId: ticket.id,
        payload: { ...common, breachedAt: dueAt },
        to: told(dedupeKey, rules.breach.notify, "sla-breach"),
      }),
      lineMove: to ? lineMove({ ticket, to, cause: { kind: "breach" }, leadsOfNewLine: people.lineLeads[to] }) : null,
    };
  }
  const threshold = timer.threshold;
  if (threshold === undefined) throw new Error(`a warning of ticket ${ticket.id} needs its threshold`);
  const dedupeKey = warningKey(ticket.id, threshold, clock.targetMinutes);
  return {
    escalation: { kind: "WARNING", threshold, dedupeKey },
    marksClockBreached: false,
    event: { type: "SLA_WARNING", data: { threshold, warnedFor: timer.at, dueAt, recordedAt: recordedAt.toISOString() } },
    notifications: notificationRows({
      template: "sla-warning",
      ticketId: ticket.id,
      payload: { ...common, threshold },
      to: told(dedupeKey, rules.warning.notify, "sla-warning"),
    }),
    lineMove: null,
  };
}
