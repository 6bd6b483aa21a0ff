import "server-only";
/**
 * Whether a ticket pages the on-call person, by its agreement and calendar (lib/sla/oncall's
 * onCallPageDecision), inside the caller's transaction:
 *
 * - at registration (and when a ticket is raised to P1): paged at once when it is an on-call case
 *   now (the office is closed and the ticket's target runs, or a P1 inside the on-call option);
 *   otherwise a check is scheduled through the outbox at the first instant it becomes one (e.g.
 *   the office closing at 16:00), which pages then if the ticket's clock still runs.
 * - a breach or a warning whose escalation rule says `page`: paged if it is an on-call case at the
 *   instant the timer was due (page-fired-timer.ts).
 *
 * One page per ticket and reason (Escalation.dedupeKey is unique): a check or timer that runs twice
 * pages once.
 */
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import type { OnCallOption as StoredOnCallOption, Priority } from "../../generated/prisma/enums";
import { calendarFor } from "../../sla/calendar";
import { onCallPageDecision, type OnCallOption, type OnCallPageDecision } from "../../sla/oncall";
import { loadAgreementVersion } from "../db/agreements";
import type { DbClient } from "../db/prisma";
import { onCallCustomerNoticeKey } from "../escalation/keys";
import { noticeToRequester } from "../notifications/customer-notices";
import { QUEUES } from "../jobs/queues";
import { scheduleJob } from "../outbox/schedule-job";
import { onCallConfig, type OnCallConfig } from "./config";
import { pageOnCall } from "./page-on-call";

/** The reason of a page for the ticket itself (registration or the office closing): once per ticket. */
export const OUT_OF_HOURS_REASON = "out_of_hours";

/**
 * The check at the instant a ticket becomes the on-call person's. On the system queue (the
 * background worker): the SLA timer queue holds only the clocks' timers and the acknowledgement checks.
 */
export const ONCALL_DUE_JOB = "oncall-due";
export const OnCallDuePayloadSchema = z.object({ ticketId: z.uuid(), at: z.iso.datetime() });
export type OnCallDuePayload = z.infer<typeof OnCallDuePayloadSchema>;
export const onCallDueJobId = (ticketId: string, at: Date): string => `oncall-due-${ticketId}-${at.getTime()}`;

/** The on-call cover the customer bought, as lib/sla names it; null = none. */
export function onCallOptionFor(option: StoredOnCallOption): OnCallOption | null {
  return option === "ALWAYS" ? "24/7" : option === "VAKTTELEFON" ? "vakttelefon" : null;
}

const OPEN_CLOCK_STATES = new Set(["RUNNING", "BREACHED"]);
const CLOSED_TICKET_STATES = new Set(["SOLVED", "CLOSED"]);

interface OnCallTicket {
  id: string;
  priority: Priority;
  /** The response clock still runs (not stopped, paused, met or excluded) and the ticket is open. */
  running: boolean;
  decide(at: Date): OnCallPageDecision;
}

/** What the decision needs of a ticket: its priority, its target's calendar, its organisation's option, its clock. */
export async function onCallTicket(db: DbClient, ticketId: string): Promise<OnCallTicket | null> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: {
      id: true,
      priority: true,
      status: true,
      agreementVersionId: true,
      organization: { select: { onCallOption: true } },
      clocks: { where: { metric: "RESPONSE" }, select: { state: true, stoppedAt: true } },
    },
  });
  if (!ticket) return null;
  const version = ticket.agreementVersionId ? await loadAgreementVersion(db, ticket.agreementVersionId) : null;
  const spec = version?.targets[ticket.priority]?.calendar;
  const target = spec ? calendarFor(spec) : null;
  const option = onCallOptionFor(ticket.organization.onCallOption);
  const clock = ticket.clocks[0];
  const running = !CLOSED_TICKET_STATES.has(ticket.status) && !!clock && clock.stoppedAt === null && OPEN_CLOCK_STATES.has(clock.state);
  return { id: ticket.id, priority: ticket.priority, running, decide: (at) => onCallPageDecision(at, { priority: ticket.priority, target, option }) };
}

/** Pages now, or schedules the check at the instant the ticket becomes an on-call case. */
async function act(tx: DbClient, ticket: OnCallTicket, decision: OnCallPageDecision, now: Date, config: OnCallConfig): Promise<OnCallPageDecision> {
  if (!ticket.running) return { kind: "never" };
  if (decision.kind === "at") {
    await scheduleJob(tx, {
      queue: QUEUES.system,
      name: ONCALL_DUE_JOB,
      jobId: onCallDueJobId(ticket.id, decision.at),
      data: { ticketId: ticket.id, at: decision.at.toISOString() },
      at: decision.at.toISOString(),
    });
  } else if (decision.kind === "now") {
    await pageOnCall(tx, { ticketId: ticket.id, reason: OUT_OF_HOURS_REASON, now, config });
    // A P1's requester is told their case has called out the on-call staff (issue 17): once per ticket.
    if (ticket.priority === "P1") {
      await noticeToRequester(tx, { ticketId: ticket.id, template: "ticket-oncall", fields: {}, actorId: null, now, key: (userId) => onCallCustomerNoticeKey(ticket.id, userId) });
    }
  }
  return decision;
}

/** At registration, or when the priority changes: page now, schedule the check, or nothing. */
export async function pageIfOnCallCase(tx: DbClient, { ticketId, now, config = onCallConfig() }: { ticketId: string; now: Date; config?: OnCallConfig }): Promise<OnCallPageDecision> {
  const ticket = await onCallTicket(tx, ticketId);
  if (!ticket) return { kind: "never" };
  return act(tx, ticket, ticket.decide(now), now, config);
}

/**
 * The scheduled check (job ONCALL_DUE_JOB): decided at the instant it was due (`payload.at`, so a
 * late worker decides the same), with the ticket as it is now. Pages if the ticket's clock still
 * runs; a later instant (its priority changed) is scheduled instead. Safe to run twice.
 */
export async function handleOnCallDue({ prisma, payload, now, config = onCallConfig() }: { prisma: PrismaClient; payload: unknown; now: Date; config?: OnCallConfig }): Promise<OnCallPageDecision> {
  const { ticketId, at } = OnCallDuePayloadSchema.parse(payload);
  return prisma.$transaction(async (tx) => {
    const ticket = await onCallTicket(tx, ticketId);
    if (!ticket) return { kind: "never" } as const;
    const decision = ticket.decide(new Date(at));
    // A page is never sent before its instant, and a check is never rescheduled at or before its own.
    if (decision.kind === "at" && decision.at.getTime() <= new Date(at).getTime()) return { kind: "never" } as const;
    return act(tx, ticket, decision, new Date(Math.max(now.getTime(), new Date(at).getTime())), config);
  });
}
