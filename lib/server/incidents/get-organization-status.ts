import "server-only";
/**
 * A customer organisation's service status (issue 18), for any signed-in user of it: its open
 * incidents with what the customers were told, the incidents resolved this month, the planned
 * maintenance still to come, and this month's uptime so far (the monthly report's own figures,
 * over the month up to `now`). Staff and other organisations get nothing (not found).
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { loadReportContext, incidentsOf } from "../reports/report-context";
import { computeUptimeFigures } from "../reports/uptime-figures";
import { monthBounds, monthOf } from "../reports/month";
import { customerOrganization, incidentsAffecting } from "./status-scope";

const incidentStatusSelect = {
  id: true,
  service: true,
  cause: true,
  startedAt: true,
  endedAt: true,
  counts: true,
  updates: { orderBy: { createdAt: "asc" as const }, select: { kind: true, message: true, createdAt: true } },
} as const;

export async function getOrganizationStatus({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }) {
  const organizationId = customerOrganization(actor);
  const now = ctx.now();
  const org = await ctx.prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true, agreementId: true } });
  if (!org) throw notFound("Status");
  const month = monthBounds(monthOf(now));
  const soFar = { from: month.from, to: now };
  const affecting = incidentsAffecting(org.id, org.agreementId);
  const [open, resolved, maintenance, context] = await Promise.all([
    ctx.prisma.incident.findMany({ where: { AND: [affecting, { endedAt: null, startedAt: { lte: now } }] }, orderBy: [{ startedAt: "asc" }, { id: "asc" }], select: incidentStatusSelect }),
    ctx.prisma.incident.findMany({
      where: { AND: [affecting, { endedAt: { gt: month.from, lte: now } }] },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: incidentStatusSelect,
    }),
    org.agreementId
      ? ctx.prisma.maintenanceWindow.findMany({
          where: { agreementId: org.agreementId, kind: "ONE_OFF", endsAt: { gt: now } },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          select: { id: true, startsAt: true, endsAt: true, description: true },
        })
      : Promise.resolve([]),
    loadReportContext(ctx.prisma, soFar, [org.id]),
  ]);
  const reportOrg = context.organizations[0]!;
  const agreement = reportOrg.agreementId ? (context.agreements.get(reportOrg.agreementId) ?? null) : null;
  const uptime = computeUptimeFigures(agreement, incidentsOf(reportOrg, context.incidents), soFar, now);
  return {
    organization: { id: org.id, name: org.name },
    asOf: now,
    open,
    resolved,
    maintenance: maintenance.flatMap((w) => (w.startsAt && w.endsAt ? [{ id: w.id, startsAt: w.startsAt, endsAt: w.endsAt, description: w.description }] : [])),
    uptime: { from: month.from, percent: uptime.percent, downtimeMinutes: uptime.downtimeMinutes, totalMinutes: uptime.totalMinutes },
  };
}
export type OrganizationStatus = Awaited<ReturnType<typeof getOrganizationStatus>>;
