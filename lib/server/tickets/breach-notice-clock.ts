import "server-only";
/**
 * The breach-notice clock projection (lib/sla/breach-notice.ts): a security incident's second
 * clock, for telling the customer of a personal-data breach (003/004 §8.9). Stored as the
 * ticket's SlaClock of metric BREACH_NOTICE and timed by the same machinery as the response clock
 * (clock.ts): the same revision rule, SlaClock.timers, the outbox topics, the timer worker and the
 * reconciler. Derived from the ticket's events: SECURITY_FLAGGED starts it,
 * CUSTOMER_NOTIFIED_OF_BREACH (its `notifiedAt`) stops it. Pauses never apply: it runs on wall time.
 */
import { computeBreachNoticeClock, breachNoticeRuleOf, nextBreachNoticeInstants, type BreachNoticeClock } from "../../sla/breach-notice";
import type { ClockInstant } from "../../sla";
import type { ClockState } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import { slaTimerJobId, type ScheduledTimer } from "../jobs/sla-timer";
import { parseStored, TimersSchema } from "../db/json-schemas";
import { writeOutboxMessage } from "../outbox/messages";
import { toJson } from "../db/json";
import { breachKey } from "../escalation/keys";
import type { StoredClock } from "./clock";

const METRIC = "BREACH_NOTICE" as const;
const STATE: Record<BreachNoticeClock["state"], ClockState> = { running: "RUNNING", met: "MET", breached: "BREACHED" };

/** When the ticket was flagged and when the customer was notified, from its events (null: not flagged). */
export async function breachNoticeFacts(tx: DbClient, ticketId: string): Promise<{ flaggedAt: Date; notifiedAt: Date | null } | null> {
  const flagged = await tx.ticketEvent.findFirst({ where: { ticketId, type: "SECURITY_FLAGGED" }, orderBy: { id: "asc" }, select: { at: true } });
  if (!flagged) return null;
  const notified = await tx.ticketEvent.findFirst({ where: { ticketId, type: "CUSTOMER_NOTIFIED_OF_BREACH" }, orderBy: { id: "asc" }, select: { data: true } });
  const at = (notified?.data as { notifiedAt?: unknown } | undefined)?.notifiedAt;
  return { flaggedAt: flagged.at, notifiedAt: typeof at === "string" ? new Date(at) : null };
}

async function timersFor(tx: DbClient, ticketId: string, clock: BreachNoticeClock): Promise<ClockInstant[]> {
  if (clock.state === "breached" && !clock.stoppedAt) {
    const recorded = await tx.escalation.count({ where: { dedupeKey: breachKey(ticketId, METRIC) } });
    return recorded ? [] : [{ kind: "breach", at: clock.dueAt }];
  }
  return nextBreachNoticeInstants(clock);
}

/**
 * Recomputes and stores the breach-notice clock as of `now` (under the ticket's lock, as
 * recomputeResponseClock); null for a ticket that is not a security incident.
 */
export async function recomputeBreachNoticeClock(tx: DbClient, ticketId: string, now: Date): Promise<StoredClock | null> {
  const facts = await breachNoticeFacts(tx, ticketId);
  if (!facts) return null;
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { agreementVersion: { select: { label: true, breachNotice: true } } } });
  const previous = await tx.slaClock.findUnique({ where: { ticketId_metric: { ticketId, metric: METRIC } } });
  const clock = computeBreachNoticeClock({ rule: breachNoticeRuleOf(ticket.agreementVersion), flaggedAt: facts.flaggedAt, notifiedAt: facts.notifiedAt, now });
  const data = {
    state: STATE[clock.state],
    targetMinutes: clock.targetMinutes,
    startedAt: clock.startedAt,
    dueAt: clock.stoppedAt ? null : clock.dueAt,
    pauses: toJson([]),
    usedMinutes: clock.usedMinutes,
    stoppedAt: clock.stoppedAt ?? null,
    breachedAt: clock.breachedAt,
  };
  const timers = await timersFor(tx, ticketId, clock);
  const changed = !previous || previous.state !== data.state || (previous.dueAt?.getTime() ?? null) !== (data.dueAt?.getTime() ?? null) || previous.targetMinutes !== data.targetMinutes;
  const revision = previous ? previous.revision + (changed ? 1 : 0) : 0;
  const before = parseStored(TimersSchema, previous?.timers ?? [], `SlaClock.timers (${METRIC}) of ticket ${ticketId}`);
  const scheduled = changed
    ? timers.map((t): ScheduledTimer => ({
        jobId: slaTimerJobId(ticketId, t.kind, t.threshold, revision, METRIC),
        ticketId,
        metric: METRIC,
        kind: t.kind,
        ...(t.threshold !== undefined ? { threshold: t.threshold } : {}),
        revision,
        at: t.at.toISOString(),
      }))
    : before;
  await tx.slaClock.upsert({
    where: { ticketId_metric: { ticketId, metric: METRIC } },
    create: { ticketId, metric: METRIC, ...data, revision, timers: toJson(scheduled) },
    update: { ...data, revision, timers: toJson(scheduled) },
  });
  const cancelJobIds = changed ? before.map((t) => t.jobId) : [];
  if ((changed && scheduled.length > 0) || cancelJobIds.length > 0) {
    await writeOutboxMessage(tx, { topic: scheduled.length ? "sla.schedule" : "sla.cancel", payload: { ticketId, metric: METRIC, revision, timers: scheduled, cancelJobIds } });
  }
  return { ...data, revision };
}
