import "server-only";
/**
 * The contract of an SLA timer: one delayed job per (ticket, metric, threshold) with a
 * deterministic id that includes the clock revision it was scheduled for. A new revision gets new
 * ids, so re-scheduling never collides with a job that is running at that moment, and the jobs of
 * the previous revision are removed. The worker that handles it
 * re-reads the clock from PostgreSQL and acts only if the clock still says so, so a stale,
 * duplicate or late job is a no-op. Scheduled from the outbox (lib/server/outbox).
 */
import { z } from "zod";
import { firstOverdueInstant } from "../../sla/clock-status";
import { QUEUES } from "./queues";
import { METRIC_KEY, type TimerMetric } from "../escalation/keys";

export const SLA_TIMER_QUEUE = QUEUES.slaTimers;
export const SLA_TIMER_JOB = "sla-timer";

export const SlaTimerPayloadSchema = z.object({
  ticketId: z.uuid(),
  /** RESPONSE, or a security incident's BREACH_NOTICE clock (wall-clock, lib/sla/breach-notice.ts). */
  metric: z.enum(["RESPONSE", "BREACH_NOTICE"]),
  kind: z.enum(["warning", "breach"]),
  /** Fraction of the target for warnings. */
  threshold: z.number().gt(0).lt(1).optional(),
  /** The clock revision the timer was scheduled for. */
  revision: z.number().int().min(0),
  /** ISO instant the timer is due. */
  at: z.iso.datetime(),
});
export type SlaTimerPayload = z.infer<typeof SlaTimerPayloadSchema>;

/** BullMQ job ids may not contain ":"; this one is fixed by ticket, metric, threshold and revision. */
export function slaTimerJobId(ticketId: string, kind: "warning" | "breach", threshold: number | undefined, revision: number, metric: TimerMetric = "RESPONSE"): string {
  const what = kind === "breach" ? "breach" : `warning-${threshold}`;
  return `sla-${ticketId}-${METRIC_KEY[metric]}-${what}-r${revision}`;
}

/** A timer as the clock projection stores it (SlaClock.timers) and the outbox carries it. */
export const ScheduledTimerSchema = SlaTimerPayloadSchema.extend({ jobId: z.string().min(1) });
export type ScheduledTimer = z.infer<typeof ScheduledTimerSchema>;

/**
 * A timer that fails (PostgreSQL away for a moment) is tried again every second for a minute, so
 * a short outage delays breaches by about its length; after that the reconcile pass (every minute)
 * records what is still overdue. Recording is idempotent, so a retry never records twice.
 */
export const TIMER_JOB_OPTIONS = { removeOnComplete: true, removeOnFail: 1000, attempts: 60, backoff: { type: "fixed", delay: 1000 } } as const;

/**
 * Timers wake the worker on a grid of this many milliseconds: the timers due within one step
 * come out of Redis together and are recorded in one batch, instead of one wake-up, fetch and
 * write each (at 2,000 timers a second, a wake-up every half millisecond).
 */
export const TIMER_GRID_MS = 50;

/** The first instant a timer may act: a warning at its own, a breach at the first instant lib/sla calls the clock breached. */
export function slaTimerMayActAt(timer: Pick<SlaTimerPayload, "at" | "kind">): number {
  const at = Date.parse(timer.at);
  return timer.kind === "breach" ? firstOverdueInstant(at) : at;
}

/** When a timer's job is released: the first step of the grid at or after it may act. */
export function slaTimerFiresAt(timer: Pick<SlaTimerPayload, "at" | "kind">): number {
  return Math.ceil(slaTimerMayActAt(timer) / TIMER_GRID_MS) * TIMER_GRID_MS;
}

/**
 * A scheduled timer as a BullMQ job. Breaches outrank warnings (BullMQ priority 1 before 10): when
 * many timers come due at once, no breach waits behind a queue of warnings.
 */
export function slaTimerJob({ jobId, ...timer }: ScheduledTimer, now: Date) {
  return {
    name: SLA_TIMER_JOB,
    data: timer,
    opts: { ...TIMER_JOB_OPTIONS, jobId, priority: timer.kind === "breach" ? 1 : 10, delay: Math.max(0, slaTimerFiresAt(timer) - now.getTime()) },
  };
}
