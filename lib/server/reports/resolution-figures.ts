import "server-only";
/**
 * Time to solution per organisation for the monthly report (issue 19, 000 §13): the tickets
 * solved in the month (Ticket.solvedAt, the instant of the solution in force: a reopen clears it,
 * a new solution sets it again), each from registration to solution in wall-clock minutes, as
 * count, median and average. Informational beside the response figures: the agreements guarantee
 * the response, so nothing here enters the 90 % rule or the credit. Merged duplicates are closed
 * without a solution and are not counted.
 */
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { ResolutionFigures } from "./figures";

export const EMPTY_RESOLUTION: ResolutionFigures = { solved: 0, medianMinutes: null, averageMinutes: null };

export async function resolutionByOrganization(prisma: PrismaClient, period: { from: Date; to: Date }, organizationIds?: string[]): Promise<Map<string, ResolutionFigures>> {
  const onlyThese = organizationIds ? Prisma.sql`and t."organizationId" = any(${organizationIds}::uuid[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<Array<{ organizationId: string; solved: number; median: number | null; average: number | null }>>`
    select t."organizationId"::text as "organizationId",
      count(*)::int as solved,
      (percentile_cont(0.5) within group (order by extract(epoch from (t."solvedAt" - t."createdAt")) / 60))::float8 as median,
      (avg(extract(epoch from (t."solvedAt" - t."createdAt")) / 60))::float8 as average
    from "Ticket" t
    where t."solvedAt" >= ${period.from} and t."solvedAt" < ${period.to} and t."mergedIntoId" is null ${onlyThese}
    group by t."organizationId"`;
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return new Map(rows.map((r) => [r.organizationId, { solved: r.solved, medianMinutes: round(r.median), averageMinutes: round(r.average) }]));
}
