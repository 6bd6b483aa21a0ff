import "server-only";
/**
 * The rows a report lists: the month's breached tickets (with how late) and the tickets left out of
 * measurement (with the reason). Only those rows are fetched, for one organisation or for many.
 * How late a breach is comes from lib/sla clockStatusAt: a breach still open at the report's
 * instant is late up to that instant, in business time on its target's calendar.
 */
import { StoredPausesSchema } from "../db/json-schemas";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { calendarFor, clockStatusAt, type Calendar } from "../../sla";
import { calendarSpecOf } from "../db/agreements";
import type { BreachedTicket, ExcludedTicket } from "./figures";
import { runningOverdue } from "./ticket-counts";
import { storedExclusionReason } from "./format";

const MINUTE_MS = 60_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

type BreachRow = {
  organizationId: string;
  ticketId: string;
  reference: string;
  title: string;
  priority: string;
  registeredAt: Date;
  targetMinutes: number | null;
  usedMinutes: number;
  state: "RUNNING" | "BREACHED";
  dueAt: Date | null;
  breachedAt: Date | null;
  stoppedAt: Date | null;
  pauses: unknown;
  /** The calendar of the ticket's target, for breaches still open. */
  calendarId: string | null;
};

const scope = (organizationIds?: string[]) => (organizationIds ? Prisma.sql`and t."organizationId" = any(${organizationIds}::uuid[])` : Prisma.empty);

function groupBy<T extends { organizationId: string }, U>(rows: T[], map: (row: T) => U): Map<string, U[]> {
  const out = new Map<string, U[]>();
  for (const row of rows) {
    const list = out.get(row.organizationId) ?? [];
    list.push(map(row));
    out.set(row.organizationId, list);
  }
  return out;
}

/** Breached tickets of the month per organisation, in order of registration. */
export async function listBreachedTickets(prisma: PrismaClient, period: { from: Date; to: Date }, now: Date, organizationIds?: string[]): Promise<Map<string, BreachedTicket[]>> {
  // The target calendars are read alongside (a small table), so open breaches cost no extra round trip.
  const [rows, calendarOf] = await Promise.all([breachRows(prisma, period, now, organizationIds), targetCalendars(prisma)]);
  return groupBy(rows, (r) => toBreachedTicket(r, now, r.calendarId ? calendarOf(r.calendarId) : null));
}

function breachRows(prisma: PrismaClient, period: { from: Date; to: Date }, now: Date, organizationIds?: string[]): Promise<BreachRow[]> {
  return prisma.$queryRaw<BreachRow[]>`
    select t."organizationId"::text as "organizationId", t.id::text as "ticketId", t.reference, t.title, t.priority::text as priority,
      t."createdAt" as "registeredAt", c."targetMinutes", c."usedMinutes", c.state::text as state, c."dueAt", c."breachedAt", c."stoppedAt",
      case when c."stoppedAt" is null then c.pauses end as pauses,
      case when c."stoppedAt" is null then rt."calendarId"::text end as "calendarId"
    from "Ticket" t
    join "SlaClock" c on c."ticketId" = t.id and c.metric = 'RESPONSE'
    left join "ResponseTarget" rt on rt."versionId" = t."agreementVersionId" and rt.priority = t.priority
    where t."createdAt" >= ${period.from} and t."createdAt" < ${period.to} ${scope(organizationIds)}
      and t."slaExclusionReason" is null
      and (c.state = 'BREACHED' or ${runningOverdue(now)})
    order by t."createdAt", t.id`;
}

/** The calendars response targets run on, by id, compiled when first asked for. */
async function targetCalendars(prisma: PrismaClient): Promise<(id: string) => Calendar | null> {
  const found = await prisma.calendar.findMany({
    where: { targets: { some: {} } },
    select: { id: true, timeZone: true, weekly: true, holidayCountry: true, dates: { select: { date: true, hours: true }, orderBy: { date: "asc" } } },
  });
  const rows = new Map(found.map((c) => [c.id, c]));
  const compiled = new Map<string, Calendar>();
  return (id) => {
    let cal = compiled.get(id);
    if (!cal) {
      const row = rows.get(id);
      if (!row) return null;
      cal = calendarFor(calendarSpecOf(row));
      compiled.set(id, cal);
    }
    return cal;
  };
}

function toBreachedTicket(r: BreachRow, now: Date, calendar: Calendar | null): BreachedTicket {
  const status = clockStatusAt(
    {
      state: r.state === "RUNNING" ? "running" : "breached",
      targetMinutes: r.targetMinutes,
      usedMinutes: r.usedMinutes,
      dueAt: r.dueAt,
      // A clock still stored as RUNNING past its due instant has not been recomputed yet: it broke at dueAt.
      breachedAt: r.breachedAt ?? r.dueAt,
      stoppedAt: r.stoppedAt,
      pauses: r.pauses === null ? [] : StoredPausesSchema.parse(r.pauses),
    },
    now,
    calendar,
  );
  const breachedAt = status.breachedAt;
  const stillRunning = r.stoppedAt === null;
  const end = r.stoppedAt ?? now;
  return {
    ticketId: r.ticketId,
    reference: r.reference,
    title: r.title,
    priority: r.priority,
    registeredAt: r.registeredAt.toISOString(),
    targetMinutes: r.targetMinutes,
    usedMinutes: round2(status.usedMinutes),
    lateBusinessMinutes: round2(status.lateMinutes),
    breachedAt: breachedAt?.toISOString() ?? null,
    stoppedAt: r.stoppedAt?.toISOString() ?? null,
    lateWallMinutes: breachedAt ? round2(Math.max(0, end.getTime() - breachedAt.getTime()) / MINUTE_MS) : 0,
    stillRunning,
  };
}

type ExcludedRow = { organizationId: string; ticketId: string; reference: string; priority: string; state: string | null; reason: string | null };

/** Tickets of the month left out of measurement, with the reason. */
export async function listExcludedTickets(prisma: PrismaClient, period: { from: Date; to: Date }, organizationIds?: string[]): Promise<Map<string, ExcludedTicket[]>> {
  const rows = await prisma.$queryRaw<ExcludedRow[]>`
    select t."organizationId"::text as "organizationId", t.id::text as "ticketId", t.reference, t.priority::text as priority,
      c.state::text as state, t."slaExclusionReason" as reason
    from "Ticket" t
    left join "SlaClock" c on c."ticketId" = t.id and c.metric = 'RESPONSE'
    where t."createdAt" >= ${period.from} and t."createdAt" < ${period.to} ${scope(organizationIds)}
      and (t."slaExclusionReason" is not null or c.state is null or c.state in ('EXCLUDED', 'NOT_COVERED'))
    order by t."createdAt", t.id`;
  return groupBy(rows, (r): ExcludedTicket => {
    const excluded = r.reason !== null || r.state === "EXCLUDED";
    return {
      ticketId: r.ticketId,
      reference: r.reference,
      priority: r.priority,
      state: excluded ? "EXCLUDED" : "NOT_COVERED",
      reason: r.reason ?? storedExclusionReason(excluded ? "report.exclusion.excluded" : "report.exclusion.notCovered"),
    };
  });
}
