import "server-only";
/**
 * MonthlyReport rows: drafts are upserted with fresh figures; a closed report is never written
 * again (the conditional update only matches drafts).
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { toJson } from "../db/json";
import type { ComputedReport, ReportFigures } from "./figures";
import type { Month } from "./month";
import type { DbClient } from "../db/prisma";

export const storedReportSelect = {
  id: true,
  organizationId: true,
  month: true,
  status: true,
  figures: true,
  creditPercent: true,
  creditAmountOre: true,
  computedAt: true,
  closedAt: true,
  closedById: true,
} as const;

const columns = (report: ComputedReport, now: Date) => ({
  inputs: toJson(report.inputs),
  figures: toJson(report.figures),
  creditPercent: report.figures.credit.percent,
  creditAmountOre: report.figures.credit.amountOre,
  computedAt: now,
});

/** Saves each report as a draft unless its month is closed; returns whether it was saved. */
export async function saveDraftReport(prisma: PrismaClient, report: ComputedReport, now: Date): Promise<"saved" | "closed"> {
  const key = { organizationId: report.figures.organization.id, month: report.figures.month };
  const data = columns(report, now);
  const updated = await prisma.monthlyReport.updateMany({ where: { ...key, status: "DRAFT" }, data });
  if (updated.count > 0) return "saved";
  const created = await prisma.monthlyReport.createMany({ data: [{ ...key, status: "DRAFT", ...data }], skipDuplicates: true });
  if (created.count > 0) return "saved";
  // A row appeared in the meantime: a draft (another run: update it) or a closed report (leave it).
  const again = await prisma.monthlyReport.updateMany({ where: { ...key, status: "DRAFT" }, data });
  return again.count > 0 ? "saved" : "closed";
}

/** Closes the month with these figures: a draft becomes closed, or a closed row is created. Null if it was already closed. */
export async function closeReport(prisma: DbClient, report: ComputedReport, closedById: string, now: Date) {
  const key = { organizationId: report.figures.organization.id, month: report.figures.month };
  const data = { ...columns(report, now), status: "CLOSED" as const, closedAt: now, closedById };
  const updated = await prisma.monthlyReport.updateMany({ where: { ...key, status: "DRAFT" }, data });
  if (updated.count === 0) {
    const created = await prisma.monthlyReport.createMany({ data: [{ ...key, ...data }], skipDuplicates: true });
    if (created.count === 0) return null;
  }
  return prisma.monthlyReport.findUniqueOrThrow({ where: { organizationId_month: key }, select: storedReportSelect });
}

export async function findClosedReports(prisma: PrismaClient, month: Month, organizationIds?: string[]) {
  const rows = await prisma.monthlyReport.findMany({
    where: { month, status: "CLOSED", ...(organizationIds ? { organizationId: { in: organizationIds } } : {}) },
    select: storedReportSelect,
  });
  return new Map(rows.map((r) => [r.organizationId, { ...r, figures: r.figures as unknown as ReportFigures }]));
}
