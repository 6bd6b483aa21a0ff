import "server-only";
/**
 * Who is told at an SLA warning and at a breach, and whether a breach moves the ticket to the
 * next line: per agreement version (AgreementVersion.escalationRules), with these defaults.
 */
import { z } from "zod";

export const RecipientKindSchema = z.enum(["assignee", "lineLead", "customerAdmin"]);
export type RecipientKind = z.infer<typeof RecipientKindSchema>;

export const EscalationRulesSchema = z.object({
  warning: z
    .object({
      notify: z.array(RecipientKindSchema).default(["assignee"]),
      /** Also page the on-call person when the ticket is an on-call case at the warning (lib/server/oncall/page-fired-timer.ts); absent = no. */
      page: z.boolean().optional(),
    })
    .prefault({}),
  breach: z
    .object({
      notify: z.array(RecipientKindSchema).default(["assignee", "lineLead"]),
      /** Move the ticket to the next line (1st → 2nd → 3rd) when it breaches. */
      moveToNextLine: z.boolean().default(false),
      /** Also page the on-call person when the ticket is an on-call case at the breach (lib/server/oncall/page-fired-timer.ts); absent = no. */
      page: z.boolean().optional(),
    })
    .prefault({}),
});
export type EscalationRules = z.infer<typeof EscalationRulesSchema>;

/** The rules stored with a version; anything unreadable falls back to the defaults, loudly. */
export function parseEscalationRules(stored: unknown): EscalationRules {
  const parsed = EscalationRulesSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  console.error(`[escalation] invalid escalation rules, using the defaults: ${parsed.error.message}`);
  return EscalationRulesSchema.parse({});
}
