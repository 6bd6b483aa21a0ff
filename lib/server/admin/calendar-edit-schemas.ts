import "server-only";
/** Inputs of editing a calendar after creation (issue 15). */
import { z } from "zod";
import { safeString } from "../validation";
import { HoursTextSchema, WeekdaySchema } from "./schemas";

export const UpdateCalendarSchema = z.object({
  calendarId: z.uuid(),
  name: safeString().trim().min(1).max(200),
  weekly: z.partialRecord(WeekdaySchema, HoursTextSchema),
});
export type UpdateCalendarInput = z.input<typeof UpdateCalendarSchema>;

export const RemoveCalendarDateSchema = z.object({
  calendarId: z.uuid(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD"),
});
export type RemoveCalendarDateInput = z.input<typeof RemoveCalendarDateSchema>;
