/**
 * What an SLA timer does when it fires. It re-reads the clock under the ticket's lock and acts
 * only if the clock still says so: a job of an older revision, a duplicate delivery or a late
 * replay is a no-op, and a warning or breach is recorded once (unique dedupe keys).
 *
 * - warning: an Escalation row (WARNING), a TicketEvent SLA_WARNING, and the agreement's warning
 *   recipients told.
 * - breach: the clock recomputed (BREACHED), an Escalation row (BREACH) — the breach record —, a
 *   TicketEvent SLA_BREACHED with the due instant and when it was recorded, the breach recipients
 *   told, and, if the agreement says so, the ticket moved to the next line.
 */
import type { SupportLine } from "../../generated/prisma/enums";
import type { PrismaClient } from "../../generated/prisma/client";
import type { SlaTimerPayload } from "../jobs/sla-timer";
import { recomputeResponseClock } from "../tickets/clock";
import { appendEvent } from "../tickets/events";
import { parseEscalationRules } from "../escalation/rules";
import { resolveRecipients } from "../escalation/recipients";
import { notifyEscalation } from "../escalation/notify";
import { TRANSACTION_OPTIONS } from "../db/prisma";

export type SlaTimerOutcome =
  | { result: "recorded"; escalationId: string }
  | { result: "duplicate" | "stale" }
  /** Fired before its instant (clocks of machines differ): try again in `retryInMs`. */
  | { result: "early"; retryInMs: number };

const NEXT_LINE: Record<SupportLine, SupportLine | null> = { L1: "L2", L2: "L3", L3: null };

export async function handleSlaTimer({ prisma, payload, now }: { prisma: PrismaClient; payload: SlaTimerPayload; now: Date }): Promise<SlaTimerOutcome> {
  const at = Date.parse(payload.at);
  // A breach is only a breach once the due instant has passed (lib/sla: strictly after).
  const earliest = payload.kind === "breach" ? at + 1 : at;
  if (now.getTime() < earliest) return { result: "early", retryInMs: earliest - now.getTime() };

  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`select 1 from "Ticket" where "id" = ${payload.ticketId}::uuid for update`;
      const clock = await tx.slaClock.findUnique({
        where: { ticketId_metric: { ticketId: payload.ticketId, metric: "RESPONSE" } },
        select: { id: true, revision: true, state: true, dueAt: true, targetMinutes: true },
      });
      if (!clock || clock.revision !== payload.revision) return { result: "stale" as const };
      const ticket = await tx.ticket.findUniqueOrThrow({
        where: { id: payload.ticketId },
        select: { id: true, reference: true, title: true, priority: true, line: true, organizationId: true, assigneeId: true, agreementVersion: { select: { escalationRules: true } } },
      });
      const rules = parseEscalationRules(ticket.agreementVersion?.escalationRules);

      if (payload.kind === "warning") {
        if (clock.state !== "RUNNING") return { result: "stale" as const };
        const threshold = payload.threshold!;
        const dedupeKey = `warning-${ticket.id}-response-${threshold}-${clock.targetMinutes}`;
        const created = await tx.escalation.createManyAndReturn({
          data: [{ ticketId: ticket.id, clockId: clock.id, kind: "WARNING", threshold, dedupeKey, status: "NOTIFIED", dueAt: clock.dueAt, createdAt: now }],
          skipDuplicates: true,
          select: { id: true },
        });
        if (created.length === 0) return { result: "duplicate" as const };
        await appendEvent(tx, {
          ticketId: ticket.id,
          type: "SLA_WARNING",
          actorId: null,
          at: now,
          data: { threshold, warnedFor: payload.at, dueAt: clock.dueAt?.toISOString() ?? null, recordedAt: now.toISOString() },
        });
        await notifyEscalation(tx, {
          template: "sla-warning",
          escalationKey: dedupeKey,
          ticketId: ticket.id,
          organizationId: ticket.organizationId,
          userIds: await resolveRecipients(tx, ticket, rules.warning.notify),
          payload: { reference: ticket.reference, title: ticket.title, priority: ticket.priority, threshold, dueAt: clock.dueAt?.toISOString() ?? payload.at },
          now,
        });
        return { result: "recorded" as const, escalationId: created[0]!.id };
      }

      const fresh = await recomputeResponseClock(tx, ticket.id, now);
      if (fresh.state !== "BREACHED" || fresh.stoppedAt || !fresh.breachedAt) return { result: "stale" as const };
      const dedupeKey = `breach-${ticket.id}-response`;
      const created = await tx.escalation.createManyAndReturn({
        data: [{ ticketId: ticket.id, clockId: clock.id, kind: "BREACH", dedupeKey, status: "NOTIFIED", dueAt: fresh.breachedAt, createdAt: now }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (created.length === 0) return { result: "duplicate" as const };
      const breachedAt = fresh.breachedAt.toISOString();
      await appendEvent(tx, {
        ticketId: ticket.id,
        type: "SLA_BREACHED",
        actorId: null,
        at: now,
        data: { breachedAt, targetMinutes: fresh.targetMinutes, recordedAt: now.toISOString(), recordedAfterMs: now.getTime() - fresh.breachedAt.getTime() },
      });
      await notifyEscalation(tx, {
        template: "sla-breach",
        escalationKey: dedupeKey,
        ticketId: ticket.id,
        organizationId: ticket.organizationId,
        userIds: await resolveRecipients(tx, ticket, rules.breach.notify),
        payload: { reference: ticket.reference, title: ticket.title, priority: ticket.priority, dueAt: breachedAt, breachedAt },
        now,
      });
      const next = NEXT_LINE[ticket.line];
      if (rules.breach.moveToNextLine && next) {
        await tx.ticket.update({ where: { id: ticket.id }, data: { line: next, assigneeId: null } });
        await tx.escalation.create({ data: { ticketId: ticket.id, kind: "LINE", dedupeKey: `breach-line-${ticket.id}-${next}`, fromLine: ticket.line, toLine: next, status: "NOTIFIED", createdAt: now } });
        await appendEvent(tx, { ticketId: ticket.id, type: "ESCALATED", actorId: null, at: now, data: { kind: "breach", from: ticket.line, to: next, visibility: "INTERNAL" } });
      }
      return { result: "recorded" as const, escalationId: created[0]!.id };
    },
    TRANSACTION_OPTIONS,
  );
}
