import "server-only";
/**
 * The monthly job: on the 1st, compute last month's report of every customer organisation (drafts;
 * closed months stay as they are) and tell each customer admin it is ready. Safe to run twice: the
 * drafts are upserted and each notification has a deduplication key per organisation, month and user.
 */
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import { byEmail, notificationRows, writeNotifications } from "../notifications/write-notifications";
import { reportReadyKey } from "../escalation/keys";
import { readEnv } from "../../config/env";
import { QUEUES } from "../jobs/queues";
import { computeMonthReports } from "./compute-reports";
import { MonthSchema, nextMonthlyRunAt, previousMonth, type Month } from "./month";
import { findClosedReports, saveDraftReport } from "./stored-reports";
import { settledLater } from "./format";

export { nextMonthlyRunAt };

export const MonthlyReportsPayloadSchema = z.object({ month: MonthSchema.optional() });
export type MonthlyReportsPayload = z.infer<typeof MonthlyReportsPayloadSchema>;

export interface MonthlyReportsContext {
  prisma: PrismaClient;
  now?: () => Date;
}

export interface MonthlyReportsSummary {
  month: Month;
  reports: number;
  /** Organisations whose month was already closed (left untouched). */
  closed: number;
  notificationsCreated: number;
}

/** The report's page, absolute: it goes into an e-mail. */
export const reportUrl = (month: Month) => new URL(`/reports?month=${month}`, readEnv().APP_URL).toString();

export async function runMonthlyReports(payload: MonthlyReportsPayload, { prisma, now = () => new Date() }: MonthlyReportsContext): Promise<MonthlyReportsSummary> {
  const at = now();
  const month = MonthlyReportsPayloadSchema.parse(payload).month ?? previousMonth(at);
  const computed = await computeMonthReports(prisma, { month, now: at });
  let closedCount = 0;
  for (const report of computed) {
    if ((await saveDraftReport(prisma, report, at)) === "closed") closedCount++;
  }
  const closed = await findClosedReports(prisma, month);
  const figuresOf = new Map(computed.map((r) => [r.figures.organization.id, closed.get(r.figures.organization.id)?.figures ?? r.figures]));
  const admins = await prisma.user.findMany({
    where: { role: "CUSTOMER_ADMIN", deactivatedAt: null, organizationId: { in: [...figuresOf.keys()] } },
    select: { id: true, organizationId: true },
  });
  const notifications = admins.flatMap((admin) => {
    const figures = figuresOf.get(admin.organizationId);
    if (!figures) return [];
    return notificationRows({
      template: "report-ready",
      ticketId: null,
      payload: {
        organizationName: figures.organization.name,
        month,
        percent: figures.tickets.percent,
        creditPercent: figures.credit.percent,
        ...(settledLater(figures.credit) ? { creditSettledLater: true } : {}),
        url: reportUrl(month),
      },
      to: [byEmail(admin.id, reportReadyKey(admin.organizationId, month, admin.id))],
    });
  });
  const created = { count: await writeNotifications(prisma, notifications) };
  return { month, reports: computed.length, closed: closedCount, notificationsCreated: created.count };
}

/** For the lead to register in lib/server/jobs/registry.ts (queue "reports"). */
export const monthlyReportsJob = {
  queue: QUEUES.reports,
  name: "monthly-reports",
  schema: MonthlyReportsPayloadSchema,
  options: { removeOnComplete: true, removeOnFail: 100 },
  async handle(payload: MonthlyReportsPayload, ctx: MonthlyReportsContext): Promise<void> {
    const summary = await runMonthlyReports(payload, ctx);
    console.log(`[reports] ${summary.month}: ${summary.reports} reports (${summary.closed} already closed), ${summary.notificationsCreated} notifications`);
  },
};

/** Deterministic job id of a month's run, so scheduling it twice enqueues it once. */
export const monthlyReportsJobId = (month: Month) => `monthly-reports-${month}`;
