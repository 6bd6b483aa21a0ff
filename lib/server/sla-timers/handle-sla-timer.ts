import "server-only";
/**
 * What SLA timers do when they fire. A timer acts only if the clock still says so: a job of an
 * older revision, a duplicate delivery or a late replay is a no-op, and a warning or breach is
 * recorded once (unique dedupe keys).
 *
 * - warning: an Escalation row (WARNING), a TicketEvent SLA_WARNING, and the agreement's warning
 *   recipients told.
 * - breach: the clock marked BREACHED at its due instant, an Escalation row (BREACH) — the breach
 *   record —, a TicketEvent SLA_BREACHED with the due instant and when it was recorded, the breach
 *   recipients told, and, if the agreement says so, the ticket moved to the next line.
 * - A security incident's BREACH_NOTICE clock (issue 18) is timed the same way, a batch per
 *   metric; what its warning and breach mean is escalation/breach-notice-timer.ts's decision.
 *
 * The revision is what makes this cheap and exact: every change to what the timers act on bumps
 * it (under the clock row's lock), so a timer whose revision matches knows the stored due instant
 * is the truth and need not replay the ticket's events.
 *
 * This is the hot path — thousands of timers a second at peak, measured by bench/breach.ts — so
 * timers are recorded in batches (the worker batches them, lib/server/batch.ts), and a batch of
 * any size is two SQL statements: a read to decide who is told, and one statement that locks the
 * clock rows, re-checks each revision and writes every record, event and notification. A batch
 * where a breach moves a ticket to the next line first locks those tickets, in id order, as
 * ticket actions do (ticket, then clock), so the two never deadlock.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { prismaSql, type Sql, type Statement } from "../db/sql";
import type { SupportLine } from "../../generated/prisma/enums";
import { isOverdue } from "../../sla/clock-status";
import { slaTimerMayActAt, type SlaTimerPayload } from "../jobs/sla-timer";
import { breachNoticeTimerConsequences } from "../escalation/breach-notice-timer";
import { cachedSecurityContacts } from "../security/cached-security-contacts";
import type { TimerMetric } from "../escalation/keys";
import { parseEscalationRules } from "../escalation/rules";
import { cachedDirectory } from "../escalation/cached";
import { directoryNeeds, firedTimerConsequences, type EscalatedTicket } from "../escalation/fired-timer";
import { breachKey, warningKey } from "../escalation/keys";
import { insertPackedNotificationsSql, packNotifications, type PackedNotifications } from "../notifications/write-notifications";
import { pageForFiredTimers, type FiredTimerPage } from "../oncall/page-fired-timer";

export type SlaTimerOutcome =
  | { result: "recorded"; escalationId: string }
  | { result: "duplicate" | "stale" }
  /** Fired before its instant (clocks of machines differ): try again in `retryInMs`. */
  | { result: "early"; retryInMs: number };

/** A clock with what fired-timer.ts needs of its ticket and agreement. */
interface ClockRow extends Omit<EscalatedTicket, "id"> {
  ticketId: string;
  revision: number;
  state: string;
  dueAt: Date | null;
  stoppedAt: Date | null;
  targetMinutes: number | null;
  escalationRules: unknown;
}

/** Milliseconds until a timer may act; 0 or less when it may act now. */
export function slaTimerDueIn(payload: SlaTimerPayload, now: number): number {
  return slaTimerMayActAt(payload) - now;
}

const READ_CLOCKS: Statement = {
  name: "sla-timers-read",
  text: `
    select c."ticketId", t."reference", t."title", t."priority"::text as "priority", t."line"::text as "line", t."organizationId", t."assigneeId",
           c."revision", c."state"::text as "state", c."dueAt", c."stoppedAt", c."targetMinutes", v."escalationRules"
    from "SlaClock" c
    join "Ticket" t on t."id" = c."ticketId"
    left join "AgreementVersion" v on v."id" = t."agreementVersionId"
    where c."ticketId" = any($1::uuid[]) and c."metric" = $2::"SlaMetric"`,
};

/** Ticket actions lock the ticket, then its clock: a batch that moves tickets locks them first, in id order. */
const LOCK_TICKETS: Statement = { name: "sla-timers-lock-tickets", text: `select 1 from "Ticket" where "id" = any($1::uuid[]) order by "id" for update` };

/** A timer that may act, as the write statement checks it against its clock. */
interface Candidate {
  i: number;
  revision: number;
  breach: boolean;
  threshold: number | null;
  dedupeKey: string;
}

/** What is written if the timer's record is new: fired-timer.ts's decision, as the write statement reads it. */
interface Recording {
  i: number;
  breach: boolean;
  eventType: string;
  eventData: unknown;
  notifications: PackedNotifications;
  fromLine: SupportLine;
  nextLine: SupportLine | null;
  lineKey: string | null;
  lineEventData: unknown;
}

export async function handleSlaTimer({ prisma, payload, now }: { prisma: PrismaClient; payload: SlaTimerPayload; now: Date }): Promise<SlaTimerOutcome> {
  const [outcome] = await recordSlaTimers({ prisma, payloads: [payload], now });
  return outcome!;
}

/** Records a batch of fired timers; one outcome per payload, in order. */
export async function recordSlaTimers({
  prisma,
  sql = prismaSql(prisma),
  payloads,
  now,
}: {
  /** For the recipients (cached). */
  prisma: PrismaClient;
  /** Where the statements run: by default through `prisma`; the worker has a pool of prepared statements. */
  sql?: Sql;
  payloads: readonly SlaTimerPayload[];
  now: Date;
}): Promise<SlaTimerOutcome[]> {
  // A ticket's clocks (metrics) are rows of their own: a batch of several metrics is recorded a metric at a time.
  const metric: TimerMetric = payloads[0]?.metric ?? "RESPONSE";
  if (payloads.some((p) => p.metric !== metric)) {
    const merged: SlaTimerOutcome[] = new Array<SlaTimerOutcome>(payloads.length);
    for (const m of new Set(payloads.map((p) => p.metric))) {
      const at = payloads.flatMap((p, i) => (p.metric === m ? [i] : []));
      const outcomes = await recordSlaTimers({ prisma, sql, payloads: at.map((i) => payloads[i]!), now });
      at.forEach((i, k) => (merged[i] = outcomes[k]!));
    }
    return merged;
  }
  const outcomes: SlaTimerOutcome[] = payloads.map((payload) => {
    const dueIn = slaTimerDueIn(payload, now.getTime());
    return dueIn > 0 ? { result: "early", retryInMs: dueIn } : { result: "stale" };
  });
  const ready = payloads.map((payload, i) => ({ payload, i })).filter(({ i }) => outcomes[i]!.result !== "early");
  if (ready.length === 0) return outcomes;

  const ticketIds = [...new Set(ready.map(({ payload }) => payload.ticketId))];
  const rows = await sql.query<ClockRow>(READ_CLOCKS, [ticketIds, metric]);
  const clocks = new Map(rows.map((row) => [row.ticketId, row]));
  // The instant on the records: as late as it can be before the write (never before `now`).
  const recordedAt = new Date(Math.max(now.getTime(), Date.now()));

  /** Per ticket, the timers that may act; per dedupe key, what they write. */
  const candidates = new Map<string, Candidate[]>();
  const records = new Map<string, Recording>();
  /** Tickets a breach moves to the next line. */
  const moving = new Set<string>();
  /** A payload delivered twice in one batch is decided once; the copy reports a duplicate. */
  const firstByKey = new Map<string, number>();
  const copies: Array<{ i: number; of: number }> = [];
  /** Timers whose rule says to page on-call (per payload index): paged once recorded (or found recorded). */
  const pages = new Map<number, FiredTimerPage>();
  for (const { payload, i } of ready) {
    const clock = clocks.get(payload.ticketId);
    const breach = payload.kind === "breach";
    const states = breach ? ["RUNNING", "BREACHED"] : ["RUNNING"];
    if (!clock || clock.revision !== payload.revision || clock.stoppedAt || !states.includes(clock.state)) continue;
    if (breach && (!clock.dueAt || !isOverdue(clock.dueAt, now))) continue;

    const ticketId = payload.ticketId;
    const threshold = breach ? null : payload.threshold!;
    const dedupeKey = breach ? breachKey(ticketId, metric) : warningKey(ticketId, threshold!, clock.targetMinutes, metric);
    const first = firstByKey.get(dedupeKey);
    if (first !== undefined) {
      copies.push({ i, of: first });
      continue;
    }
    firstByKey.set(dedupeKey, i);

    const ticket: EscalatedTicket = {
      id: ticketId,
      reference: clock.reference,
      title: clock.title,
      priority: clock.priority,
      line: clock.line,
      organizationId: clock.organizationId,
      assigneeId: clock.assigneeId,
    };
    const rules = parseEscalationRules(clock.escalationRules);
    // The escalation rules' `page` is the response clock's (a security incident's notice clock pages nobody).
    if (metric === "RESPONSE" && (breach ? rules.breach.page : rules.warning.page) === true)
      pages.set(i, { ticketId, kind: payload.kind, threshold, at: breach ? clock.dueAt! : new Date(payload.at) });
    const people = await cachedDirectory(prisma, clock.organizationId, directoryNeeds(payload, ticket, rules));
    const decided =
      metric === "BREACH_NOTICE"
        ? breachNoticeTimerConsequences({
            timer: payload,
            ticket,
            clock,
            lineLeads: (await cachedDirectory(prisma, clock.organizationId, { lineLeads: [ticket.line], customerAdmins: false, webhook: "sla-breach" })).lineLeads,
            securityContacts: await cachedSecurityContacts(prisma),
            recordedAt,
          })
        : firedTimerConsequences({ timer: payload, ticket, clock, rules, people, recordedAt });
    const move = decided.lineMove;
    if (move) moving.add(ticketId);
    candidates.set(ticketId, [...(candidates.get(ticketId) ?? []), { i, revision: payload.revision, breach, threshold, dedupeKey }]);
    records.set(dedupeKey, {
      i,
      breach,
      eventType: decided.event.type,
      eventData: decided.event.data,
      notifications: packNotifications([...decided.notifications, ...(move?.notifications ?? [])]),
      fromLine: clock.line,
      nextLine: move?.to ?? null,
      lineKey: move?.escalation.dedupeKey ?? null,
      lineEventData: move?.event.data ?? null,
    });
  }
  if (records.size === 0) return outcomes;

  const values = [[...candidates.keys()], JSON.stringify(Object.fromEntries(candidates)), JSON.stringify(Object.fromEntries(records)), recordedAt, metric];
  const written = moving.size
    ? await sql.transaction(async (tx) => {
        await tx.query(LOCK_TICKETS, [[...moving]]);
        return tx.query<{ i: number; escalationId: string | null }>(WRITE, values);
      })
    : await sql.query<{ i: number; escalationId: string | null }>(WRITE, values);

  for (const row of written) {
    if (row.escalationId) outcomes[row.i] = { result: "recorded", escalationId: row.escalationId };
    else if (outcomes[row.i]!.result === "stale") outcomes[row.i] = { result: "duplicate" };
  }
  for (const { i, of } of copies) outcomes[i] = outcomes[of]!.result === "stale" ? { result: "stale" } : { result: "duplicate" };
  const paging = [...pages].filter(([i]) => outcomes[i]!.result === "recorded" || outcomes[i]!.result === "duplicate").map(([, page]) => page);
  if (paging.length) await pageForFiredTimers({ prisma, timers: paging, now: recordedAt });
  return outcomes;
}

/**
 * One statement for the whole batch: lock the clock rows in ticket order (an action that changes
 * a clock holds it and bumps the revision, so this waits and then finds nothing to do for that
 * clock), then write everything or nothing.
 *
 * The batch comes as JSON looked up by key (per ticket, per dedupe key), not as rows joined
 * with rows: the planner cannot know how many rows a JSON input has, and its nested loops over
 * such guesses cost a batch of hundreds more than all its writes.
 */
const WRITE: Statement = {
  name: "sla-timers-write",
  text: `
    with input as materialized (
      select $2::jsonb as "candidates", $3::jsonb as "records"
    ), clock as (
      select c."id", c."ticketId", c."dueAt", c."revision", c."state" from "SlaClock" c
      where c."ticketId" = any($1::uuid[]) and c."metric" = $5::"SlaMetric" and c."stoppedAt" is null
      order by c."ticketId"
      for update
    ), target as (
      select clock."id" as "clockId", clock."ticketId", clock."dueAt", x.*
      from clock cross join input
      cross join lateral jsonb_to_recordset(input."candidates" -> clock."ticketId"::text) as x("i" int, "revision" int, "breach" boolean, "threshold" float8, "dedupeKey" text)
      where x."revision" = clock."revision" and (clock."state" = 'RUNNING' or (x."breach" and clock."state" = 'BREACHED'))
    ), esc as (
      insert into "Escalation" ("id", "ticketId", "clockId", "kind", "threshold", "dedupeKey", "status", "dueAt", "createdAt")
      select gen_random_uuid(), "ticketId", "clockId", (case when "breach" then 'BREACH' else 'WARNING' end)::"EscalationKind", "threshold", "dedupeKey",
             'NOTIFIED'::"EscalationStatus", "dueAt", $4
      from target
      on conflict ("dedupeKey") do nothing
      returning "id", "ticketId", "clockId", "dedupeKey"
    ), rec as (
      select esc."id" as "escalationId", esc."ticketId", esc."clockId", esc."dedupeKey", input."records" -> esc."dedupeKey" as r from esc cross join input
    ), event as (
      insert into "TicketEvent" ("ticketId", "type", "at", "data")
      select "ticketId", "type"::"TicketEventType", $4, "data" from (
        select "ticketId", 0 as "n", r ->> 'eventType' as "type", r -> 'eventData' as "data" from rec
        union all
        select "ticketId", 1, 'ESCALATED', r -> 'lineEventData' from rec where r ->> 'nextLine' is not null
      ) e order by "ticketId", "n"
    ), marked as (
      update "SlaClock" c set "state" = 'BREACHED'::"ClockState", "breachedAt" = c."dueAt",
             "usedMinutes" = greatest(c."usedMinutes", coalesce(c."targetMinutes", 0)), "updatedAt" = $4
      from rec where (rec.r ->> 'breach')::boolean and c."id" = rec."clockId"
    ), told as (${insertPackedNotificationsSql({ from: "rec", packed: `rec.r -> 'notifications'`, orderBy: `rec."ticketId"`, at: "$4" })}
    ), moved as (
      update "Ticket" t set "line" = (rec.r ->> 'nextLine')::"SupportLine", "assigneeId" = null, "updatedAt" = $4
      from rec where rec.r ->> 'nextLine' is not null and t."id" = rec."ticketId"
    ), line as (
      insert into "Escalation" ("id", "ticketId", "kind", "dedupeKey", "fromLine", "toLine", "status", "createdAt")
      select gen_random_uuid(), "ticketId", 'LINE'::"EscalationKind", r ->> 'lineKey', (r ->> 'fromLine')::"SupportLine", (r ->> 'nextLine')::"SupportLine",
             'NOTIFIED'::"EscalationStatus", $4
      from rec where r ->> 'nextLine' is not null
      on conflict ("dedupeKey") do nothing
    )
    select "i", null::uuid as "escalationId" from target
    union all
    select (r ->> 'i')::int, "escalationId" from rec`,
};
