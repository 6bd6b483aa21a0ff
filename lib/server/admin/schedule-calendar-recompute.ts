import "server-only";
/**
 * After a calendar changes (a date closed or reopened, special hours, the weekly hours), the open
 * tickets measured on it get their clocks recomputed by a worker, after the commit: one outbox
 * row in the caller's transaction.
 */
import type { DbClient } from "../db/prisma";
import { scheduleJob } from "../outbox/schedule-job";
import { QUEUES } from "../jobs/queues";
import { RECOMPUTE_CALENDAR_CLOCKS_JOB } from "../tickets/recompute-calendar-clocks";

export async function scheduleCalendarRecompute(tx: DbClient, calendarId: string, now: Date): Promise<void> {
  await scheduleJob(tx, { queue: QUEUES.system, name: RECOMPUTE_CALENDAR_CLOCKS_JOB, jobId: `recompute-clocks-${calendarId}-${now.getTime()}`, data: { calendarId }, at: now.toISOString() });
}
