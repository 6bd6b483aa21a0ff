/**
 * The agent's action forms, validated with zod before applyTicketAction is called. One schema per
 * action type; messages are catalogue keys so errors show in the agent's language by the field.
 */
import { z } from "zod";
import { PrioritySchema } from "@/lib/server/tickets/schemas";
import { safeString } from "@/lib/server/validation";
import type { TicketActionRequest } from "@/lib/server/tickets";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import { instantOfWallClock } from "@/lib/config/time-zone";

const MAX = { text: 20_000, reason: 2_000 };
const required = (max: number) => safeString("common.fieldInvalidCharacters").trim().min(1, "common.fieldRequired").max(max, "common.fieldTooLong");
const optional = (max: number) =>
  safeString("common.fieldInvalidCharacters")
    .trim()
    .max(max, "common.fieldTooLong")
    .transform((s) => (s === "" ? undefined : s));

export const AGENT_ACTIONS = ["triage", "start", "reply", "note", "phone", "priority", "escalate", "wait", "resume", "resolve", "reclassify", "flag_security", "rca", "notify_customer"] as const;
export type AgentActionType = (typeof AGENT_ACTIONS)[number];

const SCHEMAS: { [K in AgentActionType]: z.ZodType<Extract<TicketActionRequest, { type: K }>> } = {
  triage: z.object({}).transform(() => ({ type: "triage" as const, assignToMe: true })),
  start: z.object({}).transform(() => ({ type: "start" as const })),
  reply: z.object({ body: required(MAX.text) }).transform((v) => ({ type: "reply" as const, ...v })),
  note: z.object({ body: required(MAX.text) }).transform((v) => ({ type: "note" as const, ...v })),
  phone: z.object({ body: required(MAX.text), visibility: z.enum(["PUBLIC", "INTERNAL"], "common.fieldRequired") }).transform((v) => ({ type: "phone" as const, ...v })),
  priority: z.object({ priority: PrioritySchema, reason: required(MAX.reason) }).transform((v) => ({ type: "priority" as const, ...v })),
  escalate: z
    .object({
      line: z.enum(["L2", "L3"], "common.fieldRequired"),
      workDone: safeString("common.fieldInvalidCharacters").trim().min(10, "agent.action.escalate.workDoneTooShort").max(MAX.text, "common.fieldTooLong"),
    })
    .transform((v) => ({ type: "escalate" as const, ...v })),
  wait: z.object({ reason: required(MAX.reason), message: optional(MAX.text) }).transform((v) => ({ type: "wait" as const, ...v })),
  resume: z.object({}).transform(() => ({ type: "resume" as const })),
  resolve: z.object({ solution: required(MAX.text) }).transform((v) => ({ type: "resolve" as const, ...v })),
  reclassify: z.object({ reason: required(MAX.reason) }).transform((v) => ({ type: "reclassify" as const, ...v })),
  flag_security: z.object({ reason: required(MAX.reason) }).transform((v) => ({ type: "flag_security" as const, ...v })),
  rca: z.object({ rootCause: required(MAX.text), correctiveActions: required(MAX.text) }).transform((v) => ({ type: "rca" as const, ...v })),
  notify_customer: z
    .object({
      message: required(MAX.text),
      // The agent's wall clock (datetime-local, in TIME_ZONE); empty: now.
      notifiedAt: z
        .string()
        .trim()
        .regex(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$|^$/, "common.fieldRequired")
        .optional(),
    })
    .transform(({ message, notifiedAt }) => {
      const m = notifiedAt ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(notifiedAt) : null;
      const at = m ? instantOfWallClock(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])).toISOString() : undefined;
      return { type: "notify_customer" as const, message, ...(at ? { notifiedAt: at } : {}) };
    }),
};

export const AgentActionTypeSchema = z.enum(AGENT_ACTIONS);
export const TicketIdFormSchema = z.object({ ticketId: z.uuid() });

export const FIELDS = ["body", "visibility", "priority", "reason", "line", "workDone", "message", "solution", "rootCause", "correctiveActions", "notifiedAt"] as const;

export function parseAgentAction(type: AgentActionType, values: Record<string, string>) {
  return SCHEMAS[type].safeParse(values);
}

const LIMITS: Record<string, number> = { reason: MAX.reason };
const KEYS = new Set<string>(["common.fieldRequired", "common.fieldTooLong", "common.fieldInvalidCharacters", "agent.action.escalate.workDoneTooShort"]);

/** The first error of each field, in words. */
export function fieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    if (errors[field]) continue;
    const key = (KEYS.has(issue.message) ? issue.message : "common.fieldRequired") as MessageKey;
    errors[field] = t(locale, key, { max: LIMITS[field] ?? MAX.text });
  }
  return errors;
}
