import "server-only";
/**
 * Computes the monthly SLA reports of one, several or all customer organisations for a month:
 * ticket counts in one grouped query, the breached and excluded rows in one query each, then
 * uptime and credit per organisation with lib/sla. Nothing is written here.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import type { ComputedReport, ResolutionFigures } from "./figures";
import { TIME_ZONE } from "../../config/time-zone";
import { monthBounds, type Month } from "./month";
import { incidentsOf, loadReportContext, type ReportAgreement, type ReportContext, type ReportOrganization } from "./report-context";
import { countTicketsByOrganization, EMPTY_COUNTS, type OrganizationTicketCounts } from "./ticket-counts";
import { listBreachedTickets, listExcludedTickets } from "./ticket-lists";
import { computeUptimeFigures, incidentFigure } from "./uptime-figures";
import { computeCreditFigures, type ServicePeriodInput } from "./credit-figures";
import { servicePeriodMonths, type MonthUptimeHours } from "../../sla";
import { withinTargetPercent } from "./within-target";
import { EMPTY_RESOLUTION, resolutionByOrganization } from "./resolution-figures";
import { CreditSchemeSchema, parseStored } from "../db/json-schemas";

/** Only Netpower states a share-within-target rule; the others are shown against 90 % (lib/sla presets). */
const DEFAULT_THRESHOLD = 90;

export async function computeMonthReports(prisma: PrismaClient, { month, now, organizationIds }: { month: Month; now: Date; organizationIds?: string[] }): Promise<ComputedReport[]> {
  const period = monthBounds(month);
  const [context, counts, breaches, exclusions, resolution] = await Promise.all([
    loadReportContext(prisma, period, organizationIds),
    countTicketsByOrganization(prisma, period, now, organizationIds),
    listBreachedTickets(prisma, period, now, organizationIds),
    listExcludedTickets(prisma, period, organizationIds),
    resolutionByOrganization(prisma, period, organizationIds),
  ]);
  const earlier = await earlierMonthsOfQuarter(prisma, month, now, context);
  return context.organizations.map((org) => {
    return assemble({
      org,
      month,
      period,
      now,
      context,
      counts: counts.get(org.id),
      breaches: breaches.get(org.id) ?? [],
      exclusions: exclusions.get(org.id) ?? [],
      earlier: earlier.get(org.id),
      resolution: resolution.get(org.id) ?? EMPTY_RESOLUTION,
    });
  });
}

const schemeOf = (version: ReportAgreement["versions"][number]) => parseStored(CreditSchemeSchema, version.creditScheme, `AgreementVersion.creditScheme of version ${version.id}`);

const isQuarterly = (agreement: ReportAgreement | null | undefined): boolean => {
  const version = agreement?.versions[0];
  if (!version) return false;
  const scheme = schemeOf(version);
  return scheme.kind === "sodvin_refund" && scheme.servicePeriod === "quarter";
};

/**
 * Organisations whose refund is settled per quarter (Sodvin, 001 §7.2): the uptime hours of the
 * quarter's months before `month`, computed as each month's report computes them.
 */
async function earlierMonthsOfQuarter(prisma: PrismaClient, month: Month, now: Date, context: ReportContext): Promise<Map<string, MonthUptimeHours[]>> {
  const quarterly = context.organizations.filter((o) => o.agreementId && isQuarterly(context.agreements.get(o.agreementId)));
  const result = new Map<string, MonthUptimeHours[]>(quarterly.map((o) => [o.id, []]));
  if (quarterly.length === 0) return result;
  const ids = quarterly.map((o) => o.id);
  const before = servicePeriodMonths(month, "quarter").filter((m) => m < month);
  const contexts = await Promise.all(
    before.map(async (m) => {
      const period = monthBounds(m);
      return { month: m, period, context: await loadReportContext(prisma, period, ids) };
    }),
  );
  for (const { month: m, period, context: c } of contexts) {
    for (const org of c.organizations) {
      const agreement = org.agreementId ? (c.agreements.get(org.agreementId) ?? null) : null;
      const uptime = computeUptimeFigures(agreement, incidentsOf(org, c.incidents), period, now);
      result.get(org.id)?.push({ month: m, operatingHours: uptime.totalMinutes / 60, downtimeHours: uptime.downtimeMinutes / 60 });
    }
  }
  return result;
}

interface AssembleInput {
  org: ReportOrganization;
  month: Month;
  period: { from: Date; to: Date };
  now: Date;
  context: ReportContext;
  counts: OrganizationTicketCounts | undefined;
  breaches: ComputedReport["figures"]["breaches"];
  exclusions: ComputedReport["figures"]["exclusions"];
  /** Quarterly refund only: the uptime hours of the quarter's earlier months. */
  earlier: MonthUptimeHours[] | undefined;
  /** Time to solution (issue 19): informational, beside the response figures, never in the 90 % rule or the credit. */
  resolution: ResolutionFigures;
}

function assemble({ org, month, period, now, context, counts, breaches, exclusions, earlier, resolution }: AssembleInput): ComputedReport {
  const agreement: ReportAgreement | null = org.agreementId ? (context.agreements.get(org.agreementId) ?? null) : null;
  const version = agreement?.versions[0] ?? null;
  const threshold = version?.minWithinTargetPercent ?? DEFAULT_THRESHOLD;
  const tickets = counts ?? { ...EMPTY_COUNTS, organizationId: org.id, ticketVersionIds: [] };
  const { organizationId: _org, ticketVersionIds, ...ticketCounts } = tickets;
  const percent = withinTargetPercent(ticketCounts.met, ticketCounts.measured);
  const incidents = incidentsOf(org, context.incidents);
  const uptime = computeUptimeFigures(agreement, incidents, period, now);
  const scheme = version ? schemeOf(version) : null;
  const servicePeriod: ServicePeriodInput | undefined = earlier
    ? { months: servicePeriodMonths(month, "quarter"), soFar: [...earlier, { month, operatingHours: uptime.totalMinutes / 60, downtimeHours: uptime.downtimeMinutes / 60 }] }
    : undefined;
  const credit = computeCreditFigures(scheme, percent, uptime, org.monthlyFeeOre, servicePeriod);
  const periodIso = { from: period.from.toISOString(), to: period.to.toISOString() };
  const computedAt = now.toISOString();
  const agreementFigure = agreement && version ? { id: agreement.id, key: agreement.key, name: agreement.name, versionId: version.id, versionLabel: version.label } : null;
  return {
    figures: {
      organization: { id: org.id, name: org.name },
      month,
      timeZone: TIME_ZONE,
      period: periodIso,
      computedAt,
      agreement: agreementFigure,
      thresholdPercent: threshold,
      tickets: { ...ticketCounts, percent, passes: percent >= threshold },
      breaches,
      exclusions,
      uptime,
      credit,
      resolution,
    },
    inputs: {
      month,
      period: periodIso,
      computedAt,
      agreement:
        agreement && version
          ? {
              id: agreement.id,
              key: agreement.key,
              versionId: version.id,
              versionLabel: version.label,
              minWithinTargetPercent: version.minWithinTargetPercent,
              creditScheme: version.creditScheme,
              uptimeCalendar: agreement.uptimeCalendar
                ? { ...agreement.uptimeCalendar, dates: agreement.uptimeCalendar.dates.map((d) => ({ date: d.date.toISOString().slice(0, 10), hours: d.hours })) }
                : null,
              maintenanceReducesTotal: agreement.maintenanceReducesTotal,
            }
          : null,
      ticketVersionIds: [...ticketVersionIds].sort(),
      monthlyFeeOre: org.monthlyFeeOre,
      maintenanceWindows: (agreement?.maintenanceWindows ?? []).map((w) => ({
        id: w.id,
        kind: w.kind,
        rule: w.rule,
        startsAt: w.startsAt?.toISOString() ?? null,
        endsAt: w.endsAt?.toISOString() ?? null,
      })),
      incidents: incidents.map(incidentFigure),
      tickets: ticketCounts,
    },
  };
}
