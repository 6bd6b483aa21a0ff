import "server-only";
/** The registry entry of the on-call acknowledgement check (the lead adds it to JOBS in lib/server/jobs/registry.ts). */
import type { JobDefinition } from "../jobs/registry";
import { QUEUES } from "../jobs/queues";
import { handleOnCallCheck } from "./handle-oncall-check";
import { ONCALL_CHECK_JOB, OnCallCheckPayloadSchema } from "./job-names";
import { minuteOf, ONCALL_SWEEP_JOB, OnCallSweepPayloadSchema, sweepOnCallCases } from "./out-of-hours";
import { TIME_ZONE } from "../../config/time-zone";

export const onCallCheckJob: JobDefinition<typeof OnCallCheckPayloadSchema> = {
  queue: QUEUES.slaTimers,
  name: ONCALL_CHECK_JOB,
  schema: OnCallCheckPayloadSchema,
  options: { removeOnComplete: true, removeOnFail: 1000 },
  async handle(payload, { prisma }) {
    await handleOnCallCheck({ prisma, payload, now: new Date() });
  },
};

/**
 * The out-of-hours sweep (out-of-hours.ts): every minute on the minute in TIME_ZONE, so a ticket
 * still running when the office closes at 16:00 is paged at 16:00. A job with `at` sweeps that instant.
 */
export const onCallSweepJob: JobDefinition<typeof OnCallSweepPayloadSchema> = {
  queue: QUEUES.system,
  name: ONCALL_SWEEP_JOB,
  schema: OnCallSweepPayloadSchema,
  options: { removeOnComplete: true, removeOnFail: 100 },
  cron: { pattern: "* * * * *", tz: TIME_ZONE },
  async handle(payload, { prisma }) {
    const now = new Date();
    const paged = await sweepOnCallCases({ prisma, at: payload.at ? new Date(payload.at) : minuteOf(now), now });
    if (paged.length) console.log(`[workers] on-call paged out of hours: ${paged.length} ticket(s)`);
  },
};
