import "server-only";
import type { DbClient } from "../db/prisma";
import { toJson } from "../db/json";
import { JobScheduleSchema, type JobSchedule } from "./relay";

/**
 * Schedules a delayed job through the outbox, inside the caller's transaction: the job exists in
 * Redis only if the change that needs it was committed, and a job with the same id is replaced.
 */
export async function scheduleJob(tx: DbClient, job: JobSchedule): Promise<void> {
  await tx.outboxMessage.create({ data: { topic: "job.schedule", payload: toJson(JobScheduleSchema.parse(job)) } });
}
