import "server-only";
/** Inputs of the incident and maintenance use cases (000 §9, 002 §6.3: what does not count as downtime). */
import { z } from "zod";
import { InstantSchema, safeString } from "../validation";

/** Why downtime does not count against uptime: the exceptions of 000 §9 and 002 §6.3. */
export const EXCLUSION_REASONS = ["customer_caused", "force_majeure", "planned_maintenance", "third_party_outside_control", "other"] as const;
export const ExclusionReasonSchema = z.enum(EXCLUSION_REASONS);
export type ExclusionReason = z.infer<typeof ExclusionReasonSchema>;

const Instant = InstantSchema;

const countsRule = (v: { counts?: boolean; exclusionReason?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.counts === false && !v.exclusionReason) ctx.addIssue({ code: "custom", path: ["exclusionReason"], message: "required when the downtime does not count" });
  if (v.counts !== false && v.exclusionReason) ctx.addIssue({ code: "custom", path: ["exclusionReason"], message: "only for downtime that does not count (counts: false)" });
};

export const OpenIncidentSchema = z
  .object({
    organizationId: z.uuid().optional(),
    /** Issue 18: every organisation the downtime affects (their customer admins are told). */
    organizationIds: z.array(z.uuid()).max(200).optional(),
    agreementId: z.uuid().optional(),
    ticketId: z.uuid().optional(),
    /** Issue 18: other tickets about the same downtime, by reference. */
    ticketReferences: z.array(safeString().trim().min(1).max(40)).max(100).optional(),
    service: safeString().trim().min(1).max(200),
    cause: safeString().trim().min(1).max(4000),
    /** What the customers are told besides service, start and cause. */
    message: safeString().trim().max(4000).optional(),
    startedAt: Instant,
    endedAt: Instant.optional(),
    counts: z.boolean().default(true),
    exclusionReason: ExclusionReasonSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    countsRule(v, ctx);
    if (v.endedAt && v.endedAt <= v.startedAt) ctx.addIssue({ code: "custom", path: ["endedAt"], message: "must be after startedAt" });
  });
export type OpenIncidentInput = z.input<typeof OpenIncidentSchema>;

export const CloseIncidentSchema = z
  .object({
    id: z.string(),
    endedAt: Instant.optional(),
    /** What the customers are told with the closing notice. */
    message: safeString().trim().max(4000).optional(),
    counts: z.boolean().optional(),
    exclusionReason: ExclusionReasonSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.counts !== undefined || v.exclusionReason !== undefined) countsRule(v, ctx);
  });
export type CloseIncidentInput = z.input<typeof CloseIncidentSchema>;

export const ListIncidentsSchema = z
  .object({
    organizationId: z.uuid().optional(),
    from: Instant.optional(),
    to: Instant.optional(),
  })
  .strict();
export type ListIncidentsInput = z.input<typeof ListIncidentsSchema>;

export const ScheduleMaintenanceWindowSchema = z
  .object({
    agreementId: z.uuid(),
    startsAt: Instant,
    endsAt: Instant,
    /** The notice's cause and what is done (002 §6.3: "årsak til, tidspunkt for og lengde på"). */
    description: z.string().trim().min(1).max(500),
  })
  .strict()
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: "must be after startsAt" });
export type ScheduleMaintenanceWindowInput = z.input<typeof ScheduleMaintenanceWindowSchema>;

export const UpdateIncidentSchema = z
  .object({
    id: z.string(),
    message: safeString().trim().min(1).max(4000),
  })
  .strict();
export type UpdateIncidentInput = z.input<typeof UpdateIncidentSchema>;
