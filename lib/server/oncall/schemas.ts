import "server-only";
import { z } from "zod";

/** One shift as input: end after start; position 0 = primary, 1 = first backup, … */
export const ShiftInputSchema = z
  .object({
    userId: z.uuid(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    position: z.number().int().min(0).max(20).default(0),
  })
  .refine((s) => s.endsAt.getTime() > s.startsAt.getTime(), { message: "endsAt must be after startsAt", path: ["endsAt"] });
export type ShiftInput = z.input<typeof ShiftInputSchema>;

/** Replaces the rota's shifts that start in [from, to) with `shifts` (each must start in the window). */
export const SetShiftsInputSchema = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    shifts: z.array(ShiftInputSchema).max(2000),
  })
  .refine((i) => i.to.getTime() > i.from.getTime(), { message: "to must be after from", path: ["to"] })
  .refine((i) => i.shifts.every((s) => s.startsAt >= i.from && s.startsAt < i.to), { message: "every shift must start within [from, to)", path: ["shifts"] });
export type SetShiftsInput = z.input<typeof SetShiftsInputSchema>;

/** Reasons a ticket pages on-call, e.g. "p1_registered" or "breach"; part of the page's dedupe key. */
export const PageReasonSchema = z.string().regex(/^[a-z0-9_.-]{1,64}$/, "lower-case letters, digits, _ . - (at most 64)");

export const EscalationIdSchema = z.uuid();
