import "server-only";
/**
 * The shapes the REST API answers with, as zod schemas for the OpenAPI document. They are checked
 * at compile time against the ticket use cases' view types, so the document cannot drift.
 */
import { z } from "zod";
import { ChannelSchema, PrioritySchema, SupportLineSchema, TicketStatusSchema, type ResponseClockView, type TicketEventView, type TicketView } from "../tickets/schemas";
import type { AttachmentView } from "../attachments/view";

const instant = z.string().describe("ISO 8601 instant");

export const ResponseClockViewSchema = z.object({
  state: z.enum(["running", "paused", "met", "breached", "excluded", "not_covered"]),
  targetMinutes: z.number().int().nullable(),
  dueAt: instant.nullable().describe("When the response target runs out; null while paused or stopped"),
  businessMinutesLeft: z.number().nullable(),
  businessMinutesUsed: z.number(),
  breachedAt: instant.nullable(),
});

export const AttachmentViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number().int().describe("Bytes"),
  contentType: z.string().describe("Detected from the file's bytes, not from its name"),
  url: z.string().describe("GET it (with the same token) to download the file"),
});

export const TicketViewSchema = z.object({
  id: z.uuid(),
  reference: z.string().describe("Human reference, e.g. NL-2026-000123"),
  title: z.string(),
  description: z.string(),
  priority: PrioritySchema,
  status: TicketStatusSchema,
  channel: ChannelSchema,
  line: SupportLineSchema,
  organizationId: z.uuid(),
  requesterId: z.uuid(),
  assigneeId: z.uuid().nullable(),
  securityIncident: z.boolean(),
  slaExclusionReason: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
  sla: z.object({ response: ResponseClockViewSchema.nullable() }),
  attachments: z.array(AttachmentViewSchema).describe("Files sent with the registration"),
});

export const TicketListSchema = z.object({
  items: z.array(TicketViewSchema),
  nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
});

export const TicketEventViewSchema = z.object({
  id: z.string(),
  type: z.string().describe("e.g. REGISTERED, TROUBLESHOOTING_STARTED, PUBLIC_REPLY, ESCALATED"),
  at: instant,
  actorId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()).describe("Internal notes and internal phone logs are left out for customers"),
  attachments: z.array(AttachmentViewSchema).optional().describe("Files sent with this event (customers get only public ones)"),
});

export const TicketEventListSchema = z.object({ items: z.array(TicketEventViewSchema) });

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(["bad_request", "unauthenticated", "forbidden", "not_found", "method_not_allowed", "conflict", "unprocessable", "rate_limited", "internal"]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("Validation messages by field path"),
  }),
});

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameShapes: [
  Same<z.infer<typeof TicketViewSchema>, TicketView>,
  Same<z.infer<typeof ResponseClockViewSchema>, ResponseClockView>,
  Same<z.infer<typeof TicketEventViewSchema>, TicketEventView>,
  Same<z.infer<typeof AttachmentViewSchema>, AttachmentView>,
] = [true, true, true, true];
void sameShapes;
