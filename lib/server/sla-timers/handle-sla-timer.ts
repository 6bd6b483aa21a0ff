/**
 * What an SLA timer does when it fires. It locks the ticket, re-reads the clock and acts only if
 * the clock still says so: a job of an older revision, a duplicate delivery or a late replay is a
 * no-op, and a warning or breach is recorded once (unique dedupe keys).
 *
 * - warning: an Escalation row (WARNING), a TicketEvent SLA_WARNING, and the agreement's warning
 *   recipients told.
 * - breach: the clock marked BREACHED at its due instant, an Escalation row (BREACH) — the breach
 *   record —, a TicketEvent SLA_BREACHED with the due instant and when it was recorded, the breach
 *   recipients told, and, if the agreement says so, the ticket moved to the next line.
 *
 * The revision is what makes this cheap and exact: every change to what the timers act on bumps
 * it, so a timer whose revision matches knows the stored due instant is the truth and need not
 * replay the ticket's events. This is the hot path (thousands a second at peak), so it is a few
 * plain SQL statements in one transaction rather than ORM queries.
 */
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { Priority, SupportLine } from "../../generated/prisma/enums";
import type { SlaTimerPayload } from "../jobs/sla-timer";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { appendEvent } from "../tickets/events";
import { parseEscalationRules } from "../escalation/rules";
import { cachedRecipients, cachedWantsWebhook } from "../escalation/cached";

export type SlaTimerOutcome =
  | { result: "recorded"; escalationId: string }
  | { result: "duplicate" | "stale" }
  /** Fired before its instant (clocks of machines differ): try again in `retryInMs`. */
  | { result: "early"; retryInMs: number };

const NEXT_LINE: Record<SupportLine, SupportLine | null> = { L1: "L2", L2: "L3", L3: null };

interface LockedClock {
  id: string;
  reference: string;
  title: string;
  priority: Priority;
  line: SupportLine;
  organizationId: string;
  assigneeId: string | null;
  clockId: string;
  revision: number;
  state: string;
  dueAt: Date | null;
  stoppedAt: Date | null;
  targetMinutes: number | null;
  escalationRules: unknown;
}

export async function handleSlaTimer({ prisma, payload, now }: { prisma: PrismaClient; payload: SlaTimerPayload; now: Date }): Promise<SlaTimerOutcome> {
  const at = Date.parse(payload.at);
  // A breach is only a breach once the due instant has passed (lib/sla: strictly after).
  const earliest = payload.kind === "breach" ? at + 1 : at;
  if (now.getTime() < earliest) return { result: "early", retryInMs: earliest - now.getTime() };

  return prisma.$transaction(async (tx) => {
    const [clock] = await tx.$queryRaw<LockedClock[]>`
      select t."id", t."reference", t."title", t."priority"::text as "priority", t."line"::text as "line", t."organizationId", t."assigneeId",
             c."id" as "clockId", c."revision", c."state"::text as "state", c."dueAt", c."stoppedAt", c."targetMinutes", v."escalationRules"
      from "Ticket" t
      join "SlaClock" c on c."ticketId" = t."id" and c."metric" = 'RESPONSE'
      left join "AgreementVersion" v on v."id" = t."agreementVersionId"
      where t."id" = ${payload.ticketId}::uuid
      for update of t`;
    if (!clock || clock.revision !== payload.revision || clock.stoppedAt) return { result: "stale" as const };
    const rules = parseEscalationRules(clock.escalationRules);
    const dueAt = clock.dueAt?.toISOString() ?? payload.at;

    /** The event and the notifications (an e-mail per recipient, a webhook if one takes it) in two statements. */
    const tell = async (template: "sla-warning" | "sla-breach", dedupeKey: string, type: "SLA_WARNING" | "SLA_BREACHED", eventData: object, userIds: string[], message: object) => {
      await tx.$executeRaw`insert into "TicketEvent" ("ticketId", "type", "at", "data") values (${clock.id}::uuid, ${type}::"TicketEventType", ${now}, ${JSON.stringify(eventData)}::jsonb)`;
      const body = JSON.stringify(message);
      const rows = userIds.map((userId) => Prisma.sql`(gen_random_uuid(), 'EMAIL'::"NotificationChannel", ${template}, ${userId}::uuid, ${clock.id}::uuid, ${body}::jsonb, ${`${dedupeKey}-email-${userId}`}, ${now}, ${now})`);
      if (await cachedWantsWebhook(tx, template, clock.organizationId)) {
        rows.push(Prisma.sql`(gen_random_uuid(), 'WEBHOOK'::"NotificationChannel", ${template}, null, ${clock.id}::uuid, ${body}::jsonb, ${`${dedupeKey}-webhook`}, ${now}, ${now})`);
      }
      if (rows.length) {
        await tx.$executeRaw`
          insert into "Notification" ("id", "channel", "template", "recipientUserId", "ticketId", "payload", "dedupeKey", "nextAttemptAt", "createdAt")
          values ${Prisma.join(rows)} on conflict ("dedupeKey") do nothing`;
      }
    };

    const record = async (kind: "WARNING" | "BREACH", dedupeKey: string, threshold: number | null): Promise<string | null> => {
      const [row] = await tx.$queryRaw<Array<{ id: string }>>`
        insert into "Escalation" ("id", "ticketId", "clockId", "kind", "threshold", "dedupeKey", "status", "dueAt", "createdAt")
        values (gen_random_uuid(), ${clock.id}::uuid, ${clock.clockId}::uuid, ${kind}::"EscalationKind", ${threshold}, ${dedupeKey},
                'NOTIFIED'::"EscalationStatus", ${clock.dueAt}, ${now})
        on conflict ("dedupeKey") do nothing
        returning "id"`;
      return row?.id ?? null;
    };

    if (payload.kind === "warning") {
      if (clock.state !== "RUNNING") return { result: "stale" as const };
      const threshold = payload.threshold!;
      const dedupeKey = `warning-${clock.id}-response-${threshold}-${clock.targetMinutes}`;
      const escalationId = await record("WARNING", dedupeKey, threshold);
      if (!escalationId) return { result: "duplicate" as const };
      await tell(
        "sla-warning",
        dedupeKey,
        "SLA_WARNING",
        { threshold, warnedFor: payload.at, dueAt, recordedAt: now.toISOString() },
        await cachedRecipients(tx, clock, rules.warning.notify),
        { reference: clock.reference, title: clock.title, priority: clock.priority, threshold, dueAt },
      );
      return { result: "recorded" as const, escalationId };
    }

    // The revision matches, so the stored due instant is the truth: is it past?
    if (!clock.dueAt || now <= clock.dueAt || (clock.state !== "RUNNING" && clock.state !== "BREACHED")) return { result: "stale" as const };
    const dedupeKey = `breach-${clock.id}-response`;
    const escalationId = await record("BREACH", dedupeKey, null);
    if (!escalationId) return { result: "duplicate" as const };
    await tx.$executeRaw`
      update "SlaClock" set "state" = 'BREACHED'::"ClockState", "breachedAt" = ${clock.dueAt}, "usedMinutes" = greatest("usedMinutes", coalesce("targetMinutes", 0)), "updatedAt" = ${now}
      where "id" = ${clock.clockId}::uuid`;
    await tell(
      "sla-breach",
      dedupeKey,
      "SLA_BREACHED",
      { breachedAt: dueAt, targetMinutes: clock.targetMinutes, recordedAt: now.toISOString(), recordedAfterMs: now.getTime() - clock.dueAt.getTime() },
      await cachedRecipients(tx, clock, rules.breach.notify),
      { reference: clock.reference, title: clock.title, priority: clock.priority, dueAt, breachedAt: dueAt },
    );
    const next = NEXT_LINE[clock.line];
    if (rules.breach.moveToNextLine && next) {
      await tx.ticket.update({ where: { id: clock.id }, data: { line: next, assigneeId: null } });
      await tx.escalation.create({ data: { ticketId: clock.id, kind: "LINE", dedupeKey: `breach-line-${clock.id}-${next}`, fromLine: clock.line, toLine: next, status: "NOTIFIED", createdAt: now } });
      await appendEvent(tx, { ticketId: clock.id, type: "ESCALATED", actorId: null, at: now, data: { kind: "breach", from: clock.line, to: next, visibility: "INTERNAL" } });
    }
    return { result: "recorded" as const, escalationId };
  }, TRANSACTION_OPTIONS);
}

