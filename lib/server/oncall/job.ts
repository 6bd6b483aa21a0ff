import "server-only";
/** The registry entry of the on-call acknowledgement check (the lead adds it to JOBS in lib/server/jobs/registry.ts). */
import type { JobDefinition } from "../jobs/registry";
import { QUEUES } from "../jobs/queues";
import { handleOnCallCheck } from "./handle-oncall-check";
import { ONCALL_CHECK_JOB, OnCallCheckPayloadSchema } from "./job-names";
import { handleOnCallDue, ONCALL_DUE_JOB, OnCallDuePayloadSchema } from "./out-of-hours";

export const onCallCheckJob: JobDefinition<typeof OnCallCheckPayloadSchema> = {
  queue: QUEUES.slaTimers,
  name: ONCALL_CHECK_JOB,
  schema: OnCallCheckPayloadSchema,
  options: { removeOnComplete: true, removeOnFail: 1000 },
  async handle(payload, { prisma }) {
    await handleOnCallCheck({ prisma, payload, now: new Date() });
  },
};

/** The check at the instant a ticket becomes the on-call person's, e.g. the office closing (out-of-hours.ts). */
export const onCallDueJob: JobDefinition<typeof OnCallDuePayloadSchema> = {
  queue: QUEUES.system,
  name: ONCALL_DUE_JOB,
  schema: OnCallDuePayloadSchema,
  options: { removeOnComplete: true, removeOnFail: 1000 },
  async handle(payload, { prisma }) {
    await handleOnCallDue({ prisma, payload, now: new Date() });
  },
};
