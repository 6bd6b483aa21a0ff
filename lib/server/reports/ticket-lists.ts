/**
 * The rows a report lists: the month's breached tickets (with how late) and the tickets left out of
 * measurement (with the reason). Only those rows are fetched, for one organisation or for many.
 */
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { BreachedTicket, ExcludedTicket } from "./figures";

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
  dueAt: Date | null;
  breachedAt: Date | null;
  stoppedAt: Date | null;
};

const scope = (organizationIds?: string[]) =>
  organizationIds ? Prisma.sql`and t."organizationId" = any(${organizationIds}::uuid[])` : Prisma.empty;

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
export async function listBreachedTickets(
  prisma: PrismaClient,
  period: { from: Date; to: Date },
  now: Date,
  organizationIds?: string[],
): Promise<Map<string, BreachedTicket[]>> {
  const rows = await prisma.$queryRaw<BreachRow[]>`
    select t."organizationId"::text as "organizationId", t.id::text as "ticketId", t.reference, t.title, t.priority::text as priority,
      t."createdAt" as "registeredAt", c."targetMinutes", c."usedMinutes", c."dueAt", c."breachedAt", c."stoppedAt"
    from "Ticket" t
    join "SlaClock" c on c."ticketId" = t.id and c.metric = 'RESPONSE'
    where t."createdAt" >= ${period.from} and t."createdAt" < ${period.to} ${scope(organizationIds)}
      and t."slaExclusionReason" is null
      and (c.state = 'BREACHED' or (c.state = 'RUNNING' and c."dueAt" <= ${now}))
    order by t."createdAt", t.id`;
  return groupBy(rows, (r) => toBreachedTicket(r, now));
}

function toBreachedTicket(r: BreachRow, now: Date): BreachedTicket {
  // A clock still stored as RUNNING past its due instant has not been recomputed yet: it broke at dueAt.
  const breachedAt = r.breachedAt ?? r.dueAt;
  const stillRunning = r.stoppedAt === null;
  const end = r.stoppedAt ?? now;
  const target = r.targetMinutes ?? 0;
  return {
    ticketId: r.ticketId,
    reference: r.reference,
    title: r.title,
    priority: r.priority,
    registeredAt: r.registeredAt.toISOString(),
    targetMinutes: r.targetMinutes,
    usedMinutes: round2(r.usedMinutes),
    lateBusinessMinutes: round2(Math.max(0, r.usedMinutes - target)),
    breachedAt: breachedAt?.toISOString() ?? null,
    stoppedAt: r.stoppedAt?.toISOString() ?? null,
    lateWallMinutes: breachedAt ? round2(Math.max(0, end.getTime() - breachedAt.getTime()) / MINUTE_MS) : 0,
    stillRunning,
  };
}

type ExcludedRow = { organizationId: string; ticketId: string; reference: string; priority: string; state: string | null; reason: string | null };

/** Tickets of the month left out of measurement, with the reason. */
export async function listExcludedTickets(
  prisma: PrismaClient,
  period: { from: Date; to: Date },
  organizationIds?: string[],
): Promise<Map<string, ExcludedTicket[]>> {
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
      reason: r.reason ?? (excluded ? "tatt ut av SLA-måling" : "prioriteten er ikke dekket av avtalen"),
    };
  });
}
