import "server-only";
/**
 * The month's ticket counts per organisation, aggregated in PostgreSQL over
 * Ticket(organizationId, createdAt) joined to SlaClock(ticketId, metric): no ticket is loaded.
 * An exclusion reason wins over the clock; a running clock past its due instant is a breach
 * (strictly after it: lib/sla clock-status.ts, in SQL as `runningOverdue`).
 */
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { TIME_ZONE } from "../../config/time-zone";
import type { TicketCounts } from "./figures";

export interface OrganizationTicketCounts extends TicketCounts {
  organizationId: string;
  ticketVersionIds: string[];
}

/**
 * A stored RUNNING clock `c` that is breached at `now`: lib/sla's isOverdue (breached only strictly
 * after the due instant) in SQL, the one place the reports' queries spell it. At exactly the due
 * instant the clock is still pending.
 */
export const runningOverdue = (now: Date) => Prisma.sql`(c.state = 'RUNNING' and c."dueAt" < ${now})`;

type Row = Omit<OrganizationTicketCounts, "measured">;

export const EMPTY_COUNTS: TicketCounts = { registered: 0, measured: 0, met: 0, breached: 0, pending: 0, excluded: 0, notCovered: 0 };

/** Counts for the month [from, to) as of `now`, per organisation (only those with tickets), or for the given ones. */
export async function countTicketsByOrganization(prisma: PrismaClient, period: { from: Date; to: Date }, now: Date, organizationIds?: string[]): Promise<Map<string, OrganizationTicketCounts>> {
  const onlyThese = organizationIds ? Prisma.sql`and t."organizationId" = any(${organizationIds}::uuid[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    with classified as (
      select t."organizationId", t."agreementVersionId",
        case
          when t."slaExclusionReason" is not null or c.state = 'EXCLUDED' then 'excluded'
          when c.state is null or c.state = 'NOT_COVERED' then 'not_covered'
          when c.state = 'MET' then 'met'
          when c.state = 'BREACHED' or ${runningOverdue(now)} then 'breached'
          else 'pending'
        end as k
      from "Ticket" t
      left join "SlaClock" c on c."ticketId" = t.id and c.metric = 'RESPONSE'
      where t."createdAt" >= ${period.from} and t."createdAt" < ${period.to} ${onlyThese}
    )
    select "organizationId"::text as "organizationId",
      count(*)::int as registered,
      (count(*) filter (where k = 'met'))::int as met,
      (count(*) filter (where k = 'breached'))::int as breached,
      (count(*) filter (where k = 'pending'))::int as pending,
      (count(*) filter (where k = 'excluded'))::int as excluded,
      (count(*) filter (where k = 'not_covered'))::int as "notCovered",
      coalesce(array_agg(distinct "agreementVersionId"::text) filter (where "agreementVersionId" is not null), '{}') as "ticketVersionIds"
    from classified
    group by "organizationId"`;
  return new Map(rows.map((r) => [r.organizationId, { ...r, measured: r.met + r.breached }]));
}

/** Per local month of registration (TIME_ZONE), met and measured tickets of one organisation over [from, to) (the 12-month chart). */
export async function countMonthlyCompliance(prisma: PrismaClient, organizationId: string, period: { from: Date; to: Date }, now: Date): Promise<Map<string, { met: number; measured: number }>> {
  const rows = await prisma.$queryRaw<Array<{ month: string; met: number; measured: number }>>`
    select to_char(t."createdAt" at time zone ${TIME_ZONE}, 'YYYY-MM') as month,
      (count(*) filter (where c.state = 'MET'))::int as met,
      (count(*) filter (where c.state in ('MET', 'BREACHED') or ${runningOverdue(now)}))::int as measured
    from "Ticket" t
    join "SlaClock" c on c."ticketId" = t.id and c.metric = 'RESPONSE'
    where t."organizationId" = ${organizationId}::uuid and t."createdAt" >= ${period.from} and t."createdAt" < ${period.to}
      and t."slaExclusionReason" is null
    group by 1`;
  return new Map(rows.map((r) => [r.month, { met: r.met, measured: r.measured }]));
}
