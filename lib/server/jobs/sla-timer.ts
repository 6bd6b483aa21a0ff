/**
 * The contract of an SLA timer: one delayed job per (ticket, metric, threshold) with a
 * deterministic id, carrying the clock revision it was scheduled for. The worker that handles it
 * re-reads the clock from PostgreSQL and acts only if the clock still says so, so a stale,
 * duplicate or late job is a no-op. Scheduled from the outbox (lib/server/outbox).
 */
import { z } from "zod";
import { QUEUES } from "./queues";

export const SLA_TIMER_QUEUE = QUEUES.slaTimers;
export const SLA_TIMER_JOB = "sla-timer";

export const SlaTimerPayloadSchema = z.object({
  ticketId: z.uuid(),
  metric: z.literal("RESPONSE"),
  kind: z.enum(["warning", "breach"]),
  /** Fraction of the target for warnings. */
  threshold: z.number().gt(0).lt(1).optional(),
  /** The clock revision the timer was scheduled for. */
  revision: z.number().int().min(0),
  /** ISO instant the timer is due. */
  at: z.iso.datetime(),
});
export type SlaTimerPayload = z.infer<typeof SlaTimerPayloadSchema>;

/** BullMQ job ids may not contain ":"; this one is stable for a ticket, metric and threshold. */
export function slaTimerJobId(ticketId: string, kind: "warning" | "breach", threshold?: number): string {
  return kind === "breach" ? `sla-${ticketId}-response-breach` : `sla-${ticketId}-response-warning-${threshold}`;
}
