/**
 * What an SLA timer does when it fires. It acts only if the clock still says so: a job of an
 * older revision, a duplicate delivery or a late replay is a no-op, and a warning or breach is
 * recorded once (unique dedupe keys).
 *
 * - warning: an Escalation row (WARNING), a TicketEvent SLA_WARNING, and the agreement's warning
 *   recipients told.
 * - breach: the clock marked BREACHED at its due instant, an Escalation row (BREACH) — the breach
 *   record —, a TicketEvent SLA_BREACHED with the due instant and when it was recorded, the breach
 *   recipients told, and, if the agreement says so, the ticket moved to the next line.
 *
 * The revision is what makes this cheap and exact: every change to what the timers act on bumps
 * it (under the clock row's lock), so a timer whose revision matches knows the stored due instant
 * is the truth and need not replay the ticket's events. This is the hot path — thousands of
 * timers a second at peak, measured by bench/breach.ts — so it is two SQL statements: a read to
 * decide who is told, and one statement that locks the clock row, re-checks the revision and
 * writes everything or nothing.
 */
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { Priority, SupportLine } from "../../generated/prisma/enums";
import type { SlaTimerPayload } from "../jobs/sla-timer";
import { parseEscalationRules } from "../escalation/rules";
import { cachedRecipients, cachedWantsWebhook } from "../escalation/cached";

export type SlaTimerOutcome =
  | { result: "recorded"; escalationId: string }
  | { result: "duplicate" | "stale" }
  /** Fired before its instant (clocks of machines differ): try again in `retryInMs`. */
  | { result: "early"; retryInMs: number };

const NEXT_LINE: Record<SupportLine, SupportLine | null> = { L1: "L2", L2: "L3", L3: null };

interface ClockRow {
  reference: string;
  title: string;
  priority: Priority;
  line: SupportLine;
  organizationId: string;
  assigneeId: string | null;
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
  const ticketId = payload.ticketId;

  const [clock] = await prisma.$queryRaw<ClockRow[]>`
    select t."reference", t."title", t."priority"::text as "priority", t."line"::text as "line", t."organizationId", t."assigneeId",
           c."revision", c."state"::text as "state", c."dueAt", c."stoppedAt", c."targetMinutes", v."escalationRules"
    from "SlaClock" c
    join "Ticket" t on t."id" = c."ticketId"
    left join "AgreementVersion" v on v."id" = t."agreementVersionId"
    where c."ticketId" = ${ticketId}::uuid and c."metric" = 'RESPONSE'`;
  const breach = payload.kind === "breach";
  const states = breach ? ["RUNNING", "BREACHED"] : ["RUNNING"];
  if (!clock || clock.revision !== payload.revision || clock.stoppedAt || !states.includes(clock.state)) return { result: "stale" };
  if (breach && (!clock.dueAt || now <= clock.dueAt)) return { result: "stale" };

  const rules = parseEscalationRules(clock.escalationRules);
  const template = breach ? "sla-breach" : "sla-warning";
  const dueAt = clock.dueAt?.toISOString() ?? payload.at;
  const threshold = breach ? null : payload.threshold!;
  const dedupeKey = breach ? `breach-${ticketId}-response` : `warning-${ticketId}-response-${threshold}-${clock.targetMinutes}`;
  const eventData = breach
    ? { breachedAt: dueAt, targetMinutes: clock.targetMinutes, recordedAt: now.toISOString(), recordedAfterMs: now.getTime() - clock.dueAt!.getTime() }
    : { threshold, warnedFor: payload.at, dueAt, recordedAt: now.toISOString() };
  const message = JSON.stringify(
    breach
      ? { reference: clock.reference, title: clock.title, priority: clock.priority, dueAt, breachedAt: dueAt }
      : { reference: clock.reference, title: clock.title, priority: clock.priority, threshold, dueAt },
  );
  const recipients = await cachedRecipients(prisma, clock, breach ? rules.breach.notify : rules.warning.notify);
  const notices = recipients.map((userId) => Prisma.sql`('EMAIL'::"NotificationChannel", ${userId}::uuid, ${`${dedupeKey}-email-${userId}`})`);
  if (await cachedWantsWebhook(prisma, template, clock.organizationId)) notices.push(Prisma.sql`('WEBHOOK'::"NotificationChannel", null::uuid, ${`${dedupeKey}-webhook`})`);
  const nextLine = breach && rules.breach.moveToNextLine ? NEXT_LINE[clock.line] : null;

  // One statement: lock the clock row (an action that changes the clock holds it and bumps the
  // revision, so this waits and then finds nothing), then write everything or nothing.
  const [outcome] = await prisma.$queryRaw<Array<{ matched: bigint; escalationId: string | null }>>`
    with target as (
      select c."id", c."ticketId", c."dueAt" from "SlaClock" c
      where c."ticketId" = ${ticketId}::uuid and c."metric" = 'RESPONSE' and c."revision" = ${payload.revision}
        and c."stoppedAt" is null and c."state"::text = any(${states}::text[])
      for update
    ), esc as (
      insert into "Escalation" ("id", "ticketId", "clockId", "kind", "threshold", "dedupeKey", "status", "dueAt", "createdAt")
      select gen_random_uuid(), "ticketId", "id", ${breach ? "BREACH" : "WARNING"}::"EscalationKind", ${threshold}, ${dedupeKey}, 'NOTIFIED'::"EscalationStatus", "dueAt", ${now}
      from target
      on conflict ("dedupeKey") do nothing
      returning "id", "ticketId"
    ), event as (
      insert into "TicketEvent" ("ticketId", "type", "at", "data")
      select "ticketId", ${breach ? "SLA_BREACHED" : "SLA_WARNING"}::"TicketEventType", ${now}, ${JSON.stringify(eventData)}::jsonb from esc
    )${
      breach
        ? Prisma.sql`, marked as (
      update "SlaClock" c set "state" = 'BREACHED'::"ClockState", "breachedAt" = c."dueAt",
             "usedMinutes" = greatest(c."usedMinutes", coalesce(c."targetMinutes", 0)), "updatedAt" = ${now}
      from esc where c."ticketId" = esc."ticketId" and c."metric" = 'RESPONSE'
    )`
        : Prisma.empty
    }${
      notices.length
        ? Prisma.sql`, told as (
      insert into "Notification" ("id", "channel", "template", "recipientUserId", "ticketId", "payload", "dedupeKey", "nextAttemptAt", "createdAt")
      select gen_random_uuid(), r.channel, ${template}, r.recipient, esc."ticketId", ${message}::jsonb, r.key, ${now}, ${now}
      from esc cross join (values ${Prisma.join(notices)}) as r(channel, recipient, key)
      on conflict ("dedupeKey") do nothing
    )`
        : Prisma.empty
    }${
      nextLine
        ? Prisma.sql`, moved as (
      update "Ticket" t set "line" = ${nextLine}::"SupportLine", "assigneeId" = null, "updatedAt" = ${now} from esc where t."id" = esc."ticketId"
    ), line as (
      insert into "Escalation" ("id", "ticketId", "kind", "dedupeKey", "fromLine", "toLine", "status", "createdAt")
      select gen_random_uuid(), "ticketId", 'LINE'::"EscalationKind", ${`breach-line-${ticketId}-${nextLine}`}, ${clock.line}::"SupportLine", ${nextLine}::"SupportLine", 'NOTIFIED'::"EscalationStatus", ${now} from esc
      on conflict ("dedupeKey") do nothing
    ), lineEvent as (
      insert into "TicketEvent" ("ticketId", "type", "at", "data")
      select "ticketId", 'ESCALATED'::"TicketEventType", ${now}, ${JSON.stringify({ kind: "breach", from: clock.line, to: nextLine, visibility: "INTERNAL" })}::jsonb from esc
    )`
        : Prisma.empty
    }
    select (select count(*) from target) as "matched", (select "id" from esc) as "escalationId"`;

  if (outcome?.escalationId) return { result: "recorded", escalationId: outcome.escalationId };
  return { result: Number(outcome?.matched ?? 0) > 0 ? "duplicate" : "stale" };
}
