import "server-only";
/**
 * A month's reports as shown: a closed month shows its frozen figures, with a fresh computation
 * and the differences next to them; an open month shows the fresh figures.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { computeMonthReports } from "./compute-reports";
import { diffFigures, type FigureDifference } from "./differences";
import type { ReportFigures } from "./figures";
import type { Month } from "./month";
import { findClosedReports } from "./stored-reports";

export interface ReportView {
  /** DRAFT: the month is open and the figures are computed now; CLOSED: frozen when the month was closed. */
  status: "DRAFT" | "CLOSED";
  figures: ReportFigures;
  closedAt: string | null;
  closedById: string | null;
  /** Closed months: the same month computed now, and what differs from the frozen figures. */
  fresh: ReportFigures | null;
  differences: FigureDifference[];
}

export async function reportViews(prisma: PrismaClient, month: Month, now: Date, organizationIds?: string[]): Promise<ReportView[]> {
  const [computed, closed] = await Promise.all([computeMonthReports(prisma, { month, now, organizationIds }), findClosedReports(prisma, month, organizationIds)]);
  return computed.map(({ figures }) => {
    const frozen = closed.get(figures.organization.id);
    if (!frozen) return { status: "DRAFT", figures, closedAt: null, closedById: null, fresh: null, differences: [] };
    return {
      status: "CLOSED",
      figures: frozen.figures,
      closedAt: frozen.closedAt?.toISOString() ?? null,
      closedById: frozen.closedById,
      fresh: figures,
      differences: diffFigures(frozen.figures, figures),
    };
  });
}
