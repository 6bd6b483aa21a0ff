import "server-only";
/**
 * Whether a ticket pages the on-call person, by its agreement and calendar (lib/sla/oncall's
 * onCallPageDecision and isOnCallCase):
 *
 * - at registration (and when a ticket is raised to P1), in the caller's transaction: paged at once
 *   when it is an on-call case now (the office is closed and the ticket's target runs, or a P1
 *   inside the on-call option the customer bought).
 * - the out-of-hours sweep (job ONCALL_SWEEP_JOB, every minute on the minute in TIME_ZONE): at
 *   each instant the office is closed, every ticket whose response clock still runs and that has
 *   become an on-call case since (the office closing at 16:00 on a P1 registered 15:55, the
 *   extended calendar opening at 08:00 on a Saturday) is paged. In office hours it reads nothing.
 * - a breach or a warning whose escalation rule says `page` (page-fired-timer.ts).
 *
 * One page per ticket and reason (Escalation.dedupeKey is unique): a sweep or timer that runs
 * twice, or two workers at once, page once.
 */
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import type { OnCallOption as StoredOnCallOption, Priority } from "../../generated/prisma/enums";
import { calendarFor, type Calendar } from "../../sla/calendar";
import type { AgreementVersionSpec } from "../../sla/agreement";
import { isOfficeHours, isOnCallCase, officeCalendar, type OnCallOption } from "../../sla/oncall";
import { loadAgreementVersion } from "../db/agreements";
import type { DbClient } from "../db/prisma";
import { onCallCustomerNoticeKey, onCallPageKey } from "../escalation/keys";
import { noticeToRequester } from "../notifications/customer-notices";
import { onCallConfig, type OnCallConfig } from "./config";
import { pageOnCall } from "./page-on-call";

/** The reason of a page for the ticket itself (registration or the office closing): once per ticket. */
export const OUT_OF_HOURS_REASON = "out_of_hours";

/** The out-of-hours sweep, on the system queue (the background worker). */
export const ONCALL_SWEEP_JOB = "oncall-out-of-hours-sweep";
/** `at`: the instant to decide at (the cron's minute); absent, the current minute. */
export const OnCallSweepPayloadSchema = z.object({ at: z.iso.datetime().optional() });
export type OnCallSweepPayload = z.infer<typeof OnCallSweepPayloadSchema>;

/** The on-call cover the customer bought, as lib/sla names it; null = none. */
export function onCallOptionFor(option: StoredOnCallOption): OnCallOption | null {
  return option === "ALWAYS" ? "24/7" : option === "VAKTTELEFON" ? "vakttelefon" : null;
}

const OPEN_CLOCK_STATES = new Set(["RUNNING", "BREACHED"]);
const CLOSED_TICKET_STATES = new Set(["SOLVED", "CLOSED"]);

/**
 * Whether a ticket still waits for its response, as paging reads it: open, and its response
 * clock running (or breached and not stopped); a P1 whose agreement has no P1 target
 * (NOT_COVERED) too, since the on-call option covers a P1 by itself (000 §19).
 */
export function awaitsResponse(ticket: { priority: Priority; status: string }, clock: { state: string; stoppedAt: Date | null } | undefined): boolean {
  if (CLOSED_TICKET_STATES.has(ticket.status) || !clock || clock.stoppedAt !== null) return false;
  return OPEN_CLOCK_STATES.has(clock.state) || (ticket.priority === "P1" && clock.state === "NOT_COVERED");
}

interface OnCallTicket {
  id: string;
  priority: Priority;
  /** The response clock still runs (not stopped, paused, met or excluded) and the ticket is open. */
  running: boolean;
  /** Whether it is an on-call case at `at` (decide's "now", without looking ahead). */
  isCase(at: Date): boolean;
}

/** What the decision needs of a ticket, as read (onCallTicket) or as its registration has it in hand. */
export interface OnCallFacts {
  id: string;
  priority: Priority;
  version: AgreementVersionSpec | null;
  onCallOption: StoredOnCallOption;
  running: boolean;
}

function onCallTicketOf({ id, priority, version, onCallOption, running }: OnCallFacts): OnCallTicket {
  const spec = version?.targets[priority]?.calendar;
  const input = { priority, target: spec ? calendarFor(spec) : null, option: onCallOptionFor(onCallOption) };
  return { id, priority, running, isCase: (at) => isOnCallCase(at, { ...input, office: officeCalendar() }) };
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
  const clock = ticket.clocks[0];
  const running = awaitsResponse(ticket, clock);
  return onCallTicketOf({ id: ticket.id, priority: ticket.priority, version, onCallOption: ticket.organization.onCallOption, running });
}

/** Pages the ticket for being an on-call case (reason out_of_hours), and tells a P1's requester. */
async function pageOutOfHours(tx: DbClient, ticket: Pick<OnCallTicket, "id" | "priority">, now: Date, config: OnCallConfig): Promise<string> {
  const id = await pageOnCall(tx, { ticketId: ticket.id, reason: OUT_OF_HOURS_REASON, now, config });
  // A P1's requester is told their case has called out the on-call staff (issue 17): once per ticket.
  if (ticket.priority === "P1") {
    await noticeToRequester(tx, { ticketId: ticket.id, template: "ticket-oncall", fields: {}, actorId: null, now, key: (userId) => onCallCustomerNoticeKey(ticket.id, userId) });
  }
  return id;
}

/**
 * At registration, or when a ticket is raised to P1: paged now if it is an on-call case now (true
 * when paged). A later instant is the sweep's to page, if the clock still runs then. In office
 * hours nothing is read (no ticket is an on-call case while the office is open).
 */
export async function pageIfOnCallCase(
  tx: DbClient,
  {
    ticketId,
    now,
    config = onCallConfig(),
    known,
  }: {
    ticketId: string;
    now: Date;
    config?: OnCallConfig;
    /** The ticket as its registration has it in hand (nothing is read back); absent, it is read. */
    known?: OnCallFacts;
  },
): Promise<boolean> {
  if (isOfficeHours(now)) return false;
  const ticket = known ? onCallTicketOf(known) : await onCallTicket(tx, ticketId);
  if (!ticket || !ticket.running || !ticket.isCase(now)) return false;
  await pageOutOfHours(tx, ticket, now, config);
  return true;
}

/** The minute an instant falls in (the sweep decides on the minute, as the office closes). */
export const minuteOf = (at: Date): Date => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

/**
 * The sweep at `at`: pages every open ticket whose response clock runs, registered at or before
 * `at`, not yet paged out of hours, that is an on-call case at `at`. Nothing when the office is
 * open. Returns the ids of the tickets paged. Pages are written with `now` (never before `at`).
 */
export async function sweepOnCallCases({ prisma, at, now = at, config = onCallConfig() }: { prisma: PrismaClient; at: Date; now?: Date; config?: OnCallConfig }): Promise<string[]> {
  if (isOfficeHours(at)) return [];
  const clocks = await prisma.slaClock.findMany({
    where: {
      metric: "RESPONSE",
      stoppedAt: null,
      OR: [{ state: { in: ["RUNNING", "BREACHED"] } }, { state: "NOT_COVERED", ticket: { priority: "P1" } }],
      ticket: {
        status: { notIn: ["SOLVED", "CLOSED"] },
        createdAt: { lte: at },
        // Paged out of hours once already: not read again every minute of the night.
        escalations: { none: { kind: "ONCALL_PAGE", dedupeKey: { endsWith: `:${OUT_OF_HOURS_REASON}` } } },
      },
    },
    select: { ticketId: true, ticket: { select: { priority: true, agreementVersionId: true, organization: { select: { onCallOption: true } } } } },
  });
  if (clocks.length === 0) return [];
  // Decided in memory first (each agreement version read once); only the cases are re-read and paged in a transaction.
  const versions = new Map<string, Promise<Calendar | null>>();
  const targetOf = (versionId: string | null, priority: Priority) => {
    if (!versionId) return Promise.resolve(null);
    const key = `${versionId}:${priority}`;
    let target = versions.get(key);
    if (!target) {
      target = loadAgreementVersion(prisma, versionId).then((v) => {
        const spec = v?.targets[priority]?.calendar;
        return spec ? calendarFor(spec) : null;
      });
      versions.set(key, target);
    }
    return target;
  };
  const office = officeCalendar();
  const cases: string[] = [];
  for (const { ticketId, ticket } of clocks) {
    const target = await targetOf(ticket.agreementVersionId, ticket.priority);
    if (isOnCallCase(at, { office, target, priority: ticket.priority, option: onCallOptionFor(ticket.organization.onCallOption) })) cases.push(ticketId);
  }
  if (cases.length === 0) return [];
  const paged = new Set(
    (await prisma.escalation.findMany({ where: { dedupeKey: { in: cases.map((id) => onCallPageKey(id, OUT_OF_HOURS_REASON)) } }, select: { ticketId: true } })).map((e) => e.ticketId),
  );
  const out: string[] = [];
  for (const ticketId of cases) {
    if (paged.has(ticketId)) continue;
    const done = await prisma.$transaction(async (tx) => {
      const ticket = await onCallTicket(tx, ticketId);
      if (!ticket || !ticket.running || !ticket.isCase(at)) return false;
      await pageOutOfHours(tx, ticket, new Date(Math.max(now.getTime(), at.getTime())), config);
      return true;
    });
    if (done) out.push(ticketId);
  }
  return out;
}
