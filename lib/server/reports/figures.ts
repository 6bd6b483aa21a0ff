import "server-only";
/**
 * The figures of one organisation's monthly SLA report: what the pages, the API, the CSV/PDF and a
 * closed report's frozen copy all show. Money is in øre (integers); durations in minutes.
 */
import type { CreditLineReason } from "../../sla";
import type { Month } from "./month";

export interface TicketCounts {
  /** Tickets registered in the month (Ticket.createdAt in the configured zone, TIME_ZONE). */
  registered: number;
  /** MET + BREACHED (a still-running clock past its due instant counts as breached). */
  measured: number;
  met: number;
  breached: number;
  /** Running or paused and not yet due: undecided, listed but not counted. */
  pending: number;
  /** Taken out of measurement (reclassified, Ticket.slaExclusionReason): listed, not counted. */
  excluded: number;
  /** The agreement does not cover the priority (or the ticket has no agreement): listed, not counted. */
  notCovered: number;
}

export interface BreachedTicket {
  ticketId: string;
  reference: string;
  title: string;
  priority: string;
  registeredAt: string;
  targetMinutes: number | null;
  /** Business minutes on the clock's calendar. */
  usedMinutes: number;
  /** usedMinutes − targetMinutes. */
  lateBusinessMinutes: number;
  breachedAt: string | null;
  stoppedAt: string | null;
  /** Wall-clock minutes from the breach to the response (or to the report's time if still open). */
  lateWallMinutes: number;
  stillRunning: boolean;
}

export interface ExcludedTicket {
  ticketId: string;
  reference: string;
  priority: string;
  state: "EXCLUDED" | "NOT_COVERED";
  reason: string;
}

export interface IncidentFigure {
  id: string;
  service: string;
  cause: string;
  startedAt: string;
  endedAt: string | null;
  counts: boolean;
  exclusionReason: string | null;
}

export interface UptimeFigures {
  /** "24/7" or the coverage calendar's name. */
  coverage: string;
  totalMinutes: number;
  downtimeMinutes: number;
  percent: number;
  maintenanceReducesTotal: boolean;
  maintenanceWindows: number;
  maintenanceMinutes: number;
  incidents: IncidentFigure[];
}

export interface CreditLineFigure {
  /** lib/sla's English text of the line (kept for frozen reports and the API). */
  label: string;
  /** What the line says, as data, shown in the reader's language (absent in months frozen before it existed). */
  reason?: CreditLineReason;
  percent: number;
  amountOre: number;
}

/**
 * A refund settled over a service period longer than the month (Sodvin's quarter, 001 §7.2).
 * Absent for every other scheme, and in months frozen before it existed.
 */
export interface ServicePeriodFigure {
  kind: "quarter";
  /** "YYYY-MM" of the quarter's months. */
  months: string[];
  /** The quarter's months up to and including the report's month. */
  monthsSoFar: string[];
  /** True in the quarter's last month: the credit lines are the quarter's refund. */
  settles: boolean;
  /** V: the quarter's fee, 3 × the monthly fee (null without a fee). */
  periodFeeOre: number | null;
  /** D and N summed over monthsSoFar. */
  operatingHours: number;
  downtimeHours: number;
}

export interface CreditFigures {
  scheme: string;
  monthlyFeeOre: number | null;
  /** null when the agreement leaves the case undefined (undefinedGap) or there is no fee. */
  percent: number | null;
  amountOre: number | null;
  undefinedGap: boolean;
  lines: CreditLineFigure[];
  note: string | null;
  servicePeriod?: ServicePeriodFigure;
}

/**
 * Time to solution (issue 19, 000 §13): tickets solved in the month, from registration to solution
 * in wall-clock minutes. Informational: not part of the 90 % rule or the credit. Absent in months
 * frozen before it existed.
 */
export interface ResolutionFigures {
  solved: number;
  medianMinutes: number | null;
  averageMinutes: number | null;
}

export interface ReportFigures {
  organization: { id: string; name: string };
  month: Month;
  timeZone: string;
  period: { from: string; to: string };
  computedAt: string;
  agreement: { id: string; key: string; name: string; versionId: string; versionLabel: string } | null;
  thresholdPercent: number;
  tickets: TicketCounts & { percent: number; passes: boolean };
  breaches: BreachedTicket[];
  exclusions: ExcludedTicket[];
  uptime: UptimeFigures;
  credit: CreditFigures;
  resolution?: ResolutionFigures;
}

/** What a report was computed from, frozen with a closed report. */
export interface ReportInputs {
  month: Month;
  period: { from: string; to: string };
  computedAt: string;
  agreement: {
    id: string;
    key: string;
    versionId: string;
    versionLabel: string;
    minWithinTargetPercent: number;
    creditScheme: unknown;
    uptimeCalendar: unknown;
    maintenanceReducesTotal: boolean;
  } | null;
  /** Agreement versions the month's tickets were measured by. */
  ticketVersionIds: string[];
  monthlyFeeOre: number | null;
  maintenanceWindows: Array<{ id: string; kind: string; rule: unknown; startsAt: string | null; endsAt: string | null }>;
  incidents: IncidentFigure[];
  tickets: TicketCounts;
}

export interface ComputedReport {
  figures: ReportFigures;
  inputs: ReportInputs;
}
