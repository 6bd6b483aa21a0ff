import "server-only";
import { z } from "zod";

/** The acknowledgement check of an on-call page, on the SLA timer queue. */
export const ONCALL_CHECK_JOB = "oncall-check";

export const OnCallCheckPayloadSchema = z.object({
  escalationId: z.uuid(),
  attempt: z.number().int().min(1),
});
export type OnCallCheckPayload = z.infer<typeof OnCallCheckPayloadSchema>;

/** Deterministic per notice: scheduling the same notice twice replaces the job. */
export const onCallCheckJobId = (escalationId: string, attempt: number): string => `oncall-${escalationId}-${attempt}`;
