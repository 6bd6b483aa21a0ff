import "server-only";
/** Input of the rota editor's use cases (issue 18), parsed at their edge. */
import { z } from "zod";
import { isMonday } from "../../sla/rota-pattern";
import { safeString } from "../validation";

export const PatternWeekSchema = z.object({ primaryUserId: z.uuid(), backupUserId: z.uuid().nullable() });
export const PatternWeeksSchema = z.array(PatternWeekSchema).min(1, "at least one week").max(12, "at most 12 weeks");

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

export const PatternInputSchema = z
  .object({
    name: safeString().trim().min(1, "required").max(100),
    startsOn: LocalDate.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && isMonday(d), "must be a Monday"),
    hours: z.enum(["VAKTTELEFON", "ALWAYS"]).default("VAKTTELEFON"),
    weeks: PatternWeeksSchema,
  })
  .refine((p) => p.weeks.every((w) => w.primaryUserId !== w.backupUserId), { message: "the backup must be someone else than the primary", path: ["weeks"] });
export type PatternInput = z.input<typeof PatternInputSchema>;

export const PatternIdSchema = z.object({ patternId: z.uuid() });
export const UpdatePatternInputSchema = PatternInputSchema.and(PatternIdSchema);
export type UpdatePatternInput = z.input<typeof UpdatePatternInputSchema>;

/** A person covers [startsAt, endsAt) as primary (position 0) or backup (1). */
export const OverrideInputSchema = z
  .object({
    userId: z.uuid(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    position: z.coerce.number().int().min(0).max(1).default(0),
  })
  .refine((o) => o.endsAt.getTime() > o.startsAt.getTime(), { message: "the end must be after the start", path: ["endsAt"] })
  .refine((o) => o.endsAt.getTime() - o.startsAt.getTime() <= 62 * 86_400_000, { message: "at most 62 days", path: ["endsAt"] });
export type OverrideInput = z.input<typeof OverrideInputSchema>;

export const SwapInputSchema = z.object({ shiftId: z.uuid(), otherShiftId: z.uuid() }).refine((s) => s.shiftId !== s.otherShiftId, { message: "choose two different shifts", path: ["otherShiftId"] });
export type SwapInput = z.input<typeof SwapInputSchema>;

export const ShiftIdSchema = z.object({ shiftId: z.uuid() });
