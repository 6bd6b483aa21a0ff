import "server-only";
/**
 * Everything besides tickets a month's reports are computed from, loaded in a few queries for any
 * number of organisations: the organisations, their agreements (version in force, uptime calendar,
 * maintenance windows) and the incidents that overlap the month.
 */
import type { Prisma, PrismaClient } from "../../generated/prisma/client";

export const agreementSelect = (to: Date, from: Date) =>
  ({
    id: true,
    key: true,
    name: true,
    maintenanceReducesTotal: true,
    uptimeCalendar: {
      select: { key: true, name: true, timeZone: true, weekly: true, holidayCountry: true, dates: { select: { date: true, hours: true }, orderBy: { date: "asc" as const } } },
    },
    // The version in force at the end of the month sets the threshold and the credit scheme.
    versions: {
      where: { validFrom: { lt: to } },
      orderBy: { validFrom: "desc" as const },
      take: 1,
      select: { id: true, label: true, minWithinTargetPercent: true, creditScheme: true },
    },
    maintenanceWindows: {
      where: { OR: [{ kind: "RECURRING" as const }, { kind: "ONE_OFF" as const, startsAt: { lt: to }, endsAt: { gt: from } }] },
      orderBy: { id: "asc" as const },
      select: { id: true, kind: true, rule: true, startsAt: true, endsAt: true },
    },
  }) satisfies Prisma.ServiceAgreementSelect;

export const incidentSelect = {
  id: true,
  organizationId: true,
  agreementId: true,
  service: true,
  cause: true,
  startedAt: true,
  endedAt: true,
  counts: true,
  exclusionReason: true,
  /** Issue 18: an incident may affect several organisations. */
  affected: { select: { organizationId: true } },
} as const;

export async function loadReportContext(prisma: PrismaClient, period: { from: Date; to: Date }, organizationIds?: string[]) {
  const organizations = await prisma.organization.findMany({
    where: { isProvider: false, ...(organizationIds ? { id: { in: organizationIds } } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, monthlyFeeOre: true, agreementId: true },
  });
  const agreementIds = [...new Set(organizations.flatMap((o) => (o.agreementId ? [o.agreementId] : [])))];
  const [agreements, incidents] = await Promise.all([
    prisma.serviceAgreement.findMany({ where: { id: { in: agreementIds } }, select: agreementSelect(period.to, period.from) }),
    prisma.incident.findMany({
      where: {
        startedAt: { lt: period.to },
        OR: [{ endedAt: null }, { endedAt: { gt: period.from } }],
        AND: [
          {
            OR: [
              { organizationId: { in: organizations.map((o) => o.id) } },
              { affected: { some: { organizationId: { in: organizations.map((o) => o.id) } } } },
              { organizationId: null, agreementId: { in: agreementIds }, affected: { none: {} } },
            ],
          },
        ],
      },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      select: incidentSelect,
    }),
  ]);
  return { organizations, agreements: new Map(agreements.map((a) => [a.id, a])), incidents };
}

export type ReportContext = Awaited<ReturnType<typeof loadReportContext>>;
export type ReportOrganization = ReportContext["organizations"][number];
export type ReportAgreement = ReportContext["agreements"] extends Map<string, infer A> ? A : never;
export type ReportIncident = ReportContext["incidents"][number];

/** Incidents of the organisation itself (or affecting it among others), and those of its agreement as a whole (no organisation). */
export const incidentsOf = (org: ReportOrganization, incidents: ReportIncident[]) =>
  incidents.filter(
    (i) =>
      i.organizationId === org.id ||
      i.affected.some((a) => a.organizationId === org.id) ||
      (i.organizationId === null && i.affected.length === 0 && i.agreementId !== null && i.agreementId === org.agreementId),
  );
