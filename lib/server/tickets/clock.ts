import "server-only";
/**
 * The SLA clock projection: after every change to a ticket, its response clock is recomputed
 * from the ticket's events with lib/sla, stored in SlaClock, and, when the schedule changed, the
 * timers to set (or cancel) are written to the outbox in the same transaction.
 */
import { computeResponseClock, nextClockInstants, type AgreementVersionSpec, type ClockEvent, type Priority, type ResponseClock } from "../../sla";
import type { ClockState, TicketEventType } from "../../generated/prisma/enums";
import type { Prisma, SlaClock } from "../../generated/prisma/client";
import type { DbClient } from "../db/prisma";
import { loadAgreementVersion } from "../db/agreements";
import { slaTimerJobId, type ScheduledTimer } from "../jobs/sla-timer";
import { ClockEventDataSchemas, parseStored, TimersSchema } from "../db/json-schemas";
import { writeOutboxMessage } from "../outbox/messages";
import { toJson } from "../db/json";
import { breachKey } from "../escalation/keys";

const CLOCK_EVENT_TYPES: TicketEventType[] = ["REGISTERED", "PRIORITY_CHANGED", "PAUSED", "RESUMED", "TROUBLESHOOTING_STARTED", "RECLASSIFIED"];

/** Whether the response clock reads events of this type (a change to the clock's inputs). */
export const isClockEvent = (type: TicketEventType): boolean => CLOCK_EVENT_TYPES.includes(type);

type EventRow = { type: TicketEventType; at: Date; data: Prisma.JsonValue };

/** A clock event from its stored row; data that does not fit stops here with the row named (json-schemas.ts). */
function toClockEvent(ticketId: string, row: EventRow): ClockEvent {
  const where = `TicketEvent.data (${row.type} of ticket ${ticketId} at ${row.at.toISOString()})`;
  switch (row.type) {
    case "REGISTERED":
      return { type: "registered", at: row.at, priority: parseStored(ClockEventDataSchemas.REGISTERED, row.data, where).priority };
    case "PRIORITY_CHANGED":
      return { type: "priority_changed", at: row.at, priority: parseStored(ClockEventDataSchemas.PRIORITY_CHANGED, row.data, where).to };
    case "PAUSED":
      return { type: "paused", at: row.at, reason: parseStored(ClockEventDataSchemas.PAUSED, row.data, where).reason };
    case "RESUMED":
      return { type: "resumed", at: row.at };
    case "TROUBLESHOOTING_STARTED":
      return { type: "troubleshooting_started", at: row.at };
    case "RECLASSIFIED":
      return { type: "reclassified", at: row.at, reason: parseStored(ClockEventDataSchemas.RECLASSIFIED, row.data, where).reason };
    default:
      throw new Error(`${row.type} is not a clock event`);
  }
}

export interface StoredClock {
  state: ClockState;
  targetMinutes: number | null;
  dueAt: Date | null;
  usedMinutes: number;
  breachedAt: Date | null;
  stoppedAt: Date | null;
  /** As stored (StoredPausesSchema reads it). */
  pauses: Prisma.InputJsonValue;
  revision: number;
}

const STATE: Record<ResponseClock["state"], ClockState> = {
  running: "RUNNING",
  paused: "PAUSED",
  met: "MET",
  breached: "BREACHED",
  excluded: "EXCLUDED",
  not_covered: "NOT_COVERED",
};

/**
 * The timers a clock needs: its future warnings and breach while running; and, for a clock that
 * is still running but already past its due instant (e.g. a priority raised after the new target
 * ran out), a breach timer due at once unless the breach is already recorded.
 */
async function timersFor(tx: DbClient, ticketId: string, clock: ResponseClock): Promise<ReturnType<typeof nextClockInstants>> {
  if (clock.state === "breached" && clock.stoppedAt === undefined && clock.dueAt) {
    const recorded = await tx.escalation.count({ where: { dedupeKey: breachKey(ticketId) } });
    return recorded ? [] : [{ kind: "breach", at: clock.dueAt }];
  }
  return nextClockInstants(clock);
}

/**
 * Takes the ticket's row lock, which everything that changes a ticket holds first (then the
 * clock's): call it at the start of the transaction that recomputes the clock.
 */
export async function lockTicket(tx: DbClient, ticketId: string): Promise<void> {
  await tx.$queryRaw`select 1 from "Ticket" where "id" = ${ticketId}::uuid for update`;
}

/** Recomputes and stores the response clock of a ticket as of `now`, from its stored events; returns what was stored. */
export async function recomputeResponseClock(tx: DbClient, ticketId: string, now: Date): Promise<StoredClock> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { agreementVersionId: true, createdAt: true } });
  // One after another: inside a transaction they share one connection.
  const events = await tx.ticketEvent.findMany({ where: { ticketId, type: { in: CLOCK_EVENT_TYPES } }, orderBy: { id: "asc" }, select: { type: true, at: true, data: true } });
  const version = ticket.agreementVersionId ? await loadAgreementVersion(tx, ticket.agreementVersionId) : null;
  const previous = await tx.slaClock.findUnique({ where: { ticketId_metric: { ticketId, metric: "RESPONSE" } } });
  return storeResponseClock(tx, { ticketId, startedAt: ticket.createdAt, version, events: events.map((e) => toClockEvent(ticketId, e)), previous, now });
}

/**
 * A ticket's first clock, in the transaction that registers it, from what the registration has
 * in hand (its version, priority and instant): the same clock recomputeResponseClock would store,
 * without reading back what was just written.
 */
export function startResponseClock(tx: DbClient, ticket: { id: string; registeredAt: Date; priority: Priority; version: AgreementVersionSpec | null }): Promise<StoredClock> {
  const registered: ClockEvent = { type: "registered", at: ticket.registeredAt, priority: ticket.priority };
  return storeResponseClock(tx, { ticketId: ticket.id, startedAt: ticket.registeredAt, version: ticket.version, events: [registered], previous: null, now: ticket.registeredAt });
}

async function storeResponseClock(
  tx: DbClient,
  { ticketId, startedAt, version, events, previous, now }: { ticketId: string; startedAt: Date; version: AgreementVersionSpec | null; events: ClockEvent[]; previous: SlaClock | null; now: Date },
): Promise<StoredClock> {
  const clock = version ? computeResponseClock({ version, events, now }) : null;
  const data = {
    state: clock ? STATE[clock.state] : ("NOT_COVERED" as const),
    targetMinutes: clock?.targetMinutes ?? null,
    startedAt,
    dueAt: clock?.dueAt ?? null,
    pauses: toJson(clock?.pauses ?? []),
    usedMinutes: clock?.usedMinutes ?? 0,
    stoppedAt: clock?.stoppedAt ?? null,
    breachedAt: clock?.breachedAt ?? null,
  };
  const timers = clock ? await timersFor(tx, ticketId, clock) : [];
  // The revision moves, and the outbox speaks, only when what the timers act on changes.
  const changed = !previous || previous.state !== data.state || (previous.dueAt?.getTime() ?? null) !== (data.dueAt?.getTime() ?? null) || previous.targetMinutes !== data.targetMinutes;
  const revision = previous ? previous.revision + (changed ? 1 : 0) : 0;
  const scheduled = changed
    ? timers.map((t): ScheduledTimer => ({
        jobId: slaTimerJobId(ticketId, t.kind, t.threshold, revision),
        ticketId,
        metric: "RESPONSE",
        kind: t.kind,
        ...(t.threshold !== undefined ? { threshold: t.threshold } : {}),
        revision,
        at: t.at.toISOString(),
      }))
    : parseStored(TimersSchema, previous?.timers ?? [], `SlaClock.timers of ticket ${ticketId}`);

  await tx.slaClock.upsert({
    where: { ticketId_metric: { ticketId, metric: "RESPONSE" } },
    create: { ticketId, metric: "RESPONSE", ...data, revision, timers: toJson(scheduled) },
    update: { ...data, revision, timers: toJson(scheduled) },
  });

  // The previous revision's timers are cancelled; the new ones have ids of their own.
  const cancelJobIds = changed ? parseStored(TimersSchema, previous?.timers ?? [], `SlaClock.timers of ticket ${ticketId}`).map((t) => t.jobId) : [];
  if ((changed && scheduled.length > 0) || cancelJobIds.length > 0) {
    await writeOutboxMessage(tx, { topic: scheduled.length ? "sla.schedule" : "sla.cancel", payload: { ticketId, metric: "RESPONSE", revision, timers: scheduled, cancelJobIds } });
  }
  return { ...data, revision };
}
