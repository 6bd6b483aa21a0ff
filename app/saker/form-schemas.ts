/**
 * The customer forms' input, validated with zod before any use case is called. Messages are
 * catalogue keys, so errors show in the user's language next to the field.
 */
import { z } from "zod";
import { PrioritySchema } from "@/lib/server/tickets/schemas";
import { safeString } from "@/lib/server/validation";
import { t, type Locale, type MessageKey } from "@/lib/i18n";

const required = (max: number) => safeString("common.fieldInvalidCharacters").trim().min(1, "common.fieldRequired").max(max, "common.fieldTooLong");

export const NewTicketFormSchema = z.object({
  title: required(200),
  description: required(20_000),
  priority: PrioritySchema,
});

export const TicketIdFormSchema = z.object({ ticketId: z.uuid() });
export const ReplyFormSchema = TicketIdFormSchema.extend({ body: required(20_000) });
export const ReopenFormSchema = TicketIdFormSchema.extend({ reason: required(2_000) });

const MAX: Record<string, number> = { title: 200, description: 20_000, body: 20_000, reason: 2_000 };

/** The first error of each field, in words. */
export function fieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    if (errors[field]) continue;
    const key: MessageKey =
      field === "priority" ? "portal.new.priorityRequired" : issue.message === "common.fieldTooLong" || issue.message === "common.fieldInvalidCharacters" ? issue.message : "common.fieldRequired";
    errors[field] = t(locale, key, { max: MAX[field] ?? 0 });
  }
  return errors;
}
