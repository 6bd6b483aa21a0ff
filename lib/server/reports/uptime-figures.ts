import "server-only";
/** The month's uptime of one organisation over its agreement's coverage, via lib/sla computeUptime. */
import { calendarFor, computeUptime, expandMaintenanceWindows, isAutomaticMaintenance, type MaintenanceRule } from "../../sla";
import { calendarSpecOf } from "../db/agreements";
import type { IncidentFigure, UptimeFigures } from "./figures";
import type { ReportAgreement, ReportIncident } from "./report-context";

type Interval = { from: Date; to: Date };

export function incidentFigure(i: ReportIncident): IncidentFigure {
  return {
    id: i.id,
    service: i.service,
    cause: i.cause,
    startedAt: i.startedAt.toISOString(),
    endedAt: i.endedAt?.toISOString() ?? null,
    counts: i.counts,
    exclusionReason: i.exclusionReason,
  };
}

/**
 * Planned maintenance of the month: recurring rules expanded, one-off (announced) windows as they
 * are. A recurring window that only counts when announced (Netpower's Wednesday, 000 §8) excludes
 * nothing by itself: the one-off window announced for it does.
 */
export function maintenanceIntervals(agreement: ReportAgreement | null, period: Interval): Interval[] {
  if (!agreement) return [];
  return agreement.maintenanceWindows.flatMap((w): Interval[] => {
    if (w.kind === "RECURRING") {
      const rule = w.rule as unknown as MaintenanceRule | null;
      return rule && isAutomaticMaintenance(rule) ? expandMaintenanceWindows(rule, period) : [];
    }
    return w.startsAt && w.endsAt && w.endsAt > w.startsAt ? [{ from: w.startsAt, to: w.endsAt }] : [];
  });
}

export function computeUptimeFigures(agreement: ReportAgreement | null, incidents: ReportIncident[], period: Interval, now: Date): UptimeFigures {
  const coverage = agreement?.uptimeCalendar ? calendarFor(calendarSpecOf(agreement.uptimeCalendar)) : undefined;
  const maintenance = maintenanceIntervals(agreement, period);
  // An incident still open runs until now (or the month's end); one starting after now has no downtime yet.
  const downtime = incidents.flatMap((i) => {
    const to = i.endedAt ?? new Date(Math.min(now.getTime(), period.to.getTime()));
    return to > i.startedAt ? [{ from: i.startedAt, to, counts: i.counts }] : [];
  });
  const maintenanceReducesTotal = agreement?.maintenanceReducesTotal ?? false;
  const result = computeUptime({ period, ...(coverage ? { coverage } : {}), downtime, maintenance, maintenanceReducesTotal });
  // Maintenance time inside coverage, measured by the same function (overlaps counted once).
  const maintenanceMinutes = computeUptime({ period, ...(coverage ? { coverage } : {}), downtime: maintenance, maintenance: [] }).downtimeMinutes;
  return {
    coverage: agreement?.uptimeCalendar?.name ?? "24/7",
    totalMinutes: result.totalMinutes,
    downtimeMinutes: result.downtimeMinutes,
    percent: result.percent,
    maintenanceReducesTotal,
    maintenanceWindows: maintenance.length,
    maintenanceMinutes,
    incidents: incidents.map(incidentFigure),
  };
}
