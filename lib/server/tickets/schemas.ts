import "server-only";
/**
 * Inputs of the ticket use cases, validated with zod at every edge (REST API, server actions),
 * and the shape a ticket is returned in. One naming scheme: `…Schema` and `type … = z.infer`.
 */
import { z } from "zod";
import { safeString } from "../validation";
import type { AttachmentView } from "../attachments/view";

export const PrioritySchema = z.enum(["P1", "P2", "P3", "P4"]);
export const ChannelSchema = z.enum(["PORTAL", "EMAIL", "PHONE", "API"]);
export const TicketStatusSchema = z.enum(["NEW", "OPEN", "IN_PROGRESS", "WAITING_FOR_CUSTOMER", "SOLVED", "CLOSED"]);
export const SupportLineSchema = z.enum(["L1", "L2", "L3"]);
const text = (max: number) => safeString().trim().min(1, "must not be empty").max(max);

export const RegisterTicketSchema = z.object({
  title: text(200),
  description: text(20_000),
  priority: PrioritySchema,
  channel: ChannelSchema.optional(),
  /** Staff registering on behalf of a customer's user (e.g. a phone call). */
  requesterId: z.uuid().optional(),
  /**
   * Staff only: when the call came in, if before now (at most MAX_BACKDATE_MINUTES back): the
   * registration and its response clock start then. Needs `calledAtReason`.
   */
  calledAt: z.iso.datetime({ offset: true }).optional(),
  calledAtReason: text(2000).optional(),
});
export type RegisterTicketInput = z.infer<typeof RegisterTicketSchema>;

export const ListTicketsSchema = z.object({
  status: TicketStatusSchema.optional(),
  priority: PrioritySchema.optional(),
  line: SupportLineSchema.optional(),
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: safeString().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListTicketsInput = z.infer<typeof ListTicketsSchema>;

export const TicketIdSchema = z.object({ id: z.uuid() });

/** What can happen to a ticket after registration: the body of POST /api/v1/tickets/:id/events. */
export const TicketActionSchema = z.discriminatedUnion("type", [
  /** Servicedesk accepts the ticket, may re-assess priority and take it (000 §5.3). */
  z.object({ type: z.literal("triage"), priority: PrioritySchema.optional(), reason: text(2000).optional(), assignToMe: z.boolean().default(true) }),
  z.object({ type: z.literal("start") }),
  /** To a named staff member who may work the ticket (their line or above), or back to the line's queue (null). */
  z.object({ type: z.literal("assign"), assigneeId: z.uuid().nullable() }),
  z.object({ type: z.literal("reply"), body: text(20_000) }),
  z.object({ type: z.literal("note"), body: text(20_000) }),
  /** A phone call logged afterwards (000 §5.6). */
  z.object({ type: z.literal("phone"), body: text(20_000), visibility: z.enum(["PUBLIC", "INTERNAL"]).default("PUBLIC") }),
  z.object({ type: z.literal("priority"), priority: PrioritySchema, reason: text(2000) }),
  /** To a higher line, carrying the work done so far (000 §5.4). */
  z.object({ type: z.literal("escalate"), line: z.enum(["L2", "L3"]), workDone: z.string().trim().min(10, "describe the work done so far (at least 10 characters)").max(20_000) }),
  z.object({ type: z.literal("wait"), reason: text(2000), message: text(20_000).optional() }),
  z.object({ type: z.literal("resume") }),
  z.object({ type: z.literal("resolve"), solution: text(20_000) }),
  z.object({ type: z.literal("confirm") }),
  z.object({ type: z.literal("reopen"), reason: text(2000) }),
  /** Out of SLA measurement, e.g. a fault in the customer's SCIM/AD sync (000 §6). */
  z.object({ type: z.literal("reclassify"), reason: text(2000) }),
  /** A security-related incident (000 §5.9). */
  z.object({ type: z.literal("flag_security"), reason: text(2000) }),
  /** Root-cause analysis and corrective actions, required before a security incident is closed. */
  z.object({ type: z.literal("rca"), rootCause: text(20_000), correctiveActions: text(20_000) }),
  /** A security incident: the customer was notified of the personal-data breach (003/004 §8.9), now or at `notifiedAt`. */
  z.object({ type: z.literal("notify_customer"), message: text(20_000), notifiedAt: z.iso.datetime({ offset: true }).optional() }),
]);
export type TicketActionInput = z.infer<typeof TicketActionSchema>;
/** An action as a caller sends it (defaults not yet applied). */
export type TicketActionRequest = z.input<typeof TicketActionSchema>;
export type TicketActionType = TicketActionInput["type"];

export interface ResponseClockView {
  state: "running" | "paused" | "met" | "breached" | "excluded" | "not_covered";
  targetMinutes: number | null;
  /** ISO instant; null while paused or stopped. */
  dueAt: string | null;
  businessMinutesLeft: number | null;
  businessMinutesUsed: number;
  breachedAt: string | null;
}

export interface TicketView {
  id: string;
  reference: string;
  title: string;
  description: string;
  priority: z.infer<typeof PrioritySchema>;
  status: z.infer<typeof TicketStatusSchema>;
  channel: z.infer<typeof ChannelSchema>;
  line: z.infer<typeof SupportLineSchema>;
  organizationId: string;
  requesterId: string;
  assigneeId: string | null;
  securityIncident: boolean;
  slaExclusionReason: string | null;
  createdAt: string;
  updatedAt: string;
  sla: { response: ResponseClockView | null };
  /** The files sent with the registration. */
  attachments: AttachmentView[];
}

/**
 * What a customer's user (requester or customer admin) sees of a ticket: an allow-list, so a field
 * added to TicketView stays with staff until someone adds it here on purpose (issue 14).
 */
export type CustomerTicketView = Pick<
  TicketView,
  "id" | "reference" | "title" | "description" | "priority" | "status" | "channel" | "organizationId" | "requesterId" | "createdAt" | "updatedAt" | "sla" | "attachments"
>;

/** A ticket as its reader may see it: staff get TicketView, customers CustomerTicketView. */
export type AudienceTicketView = TicketView | CustomerTicketView;

export interface TicketEventView {
  id: string;
  type: string;
  at: string;
  actorId: string | null;
  /** For customers only the events and fields on the allow-list in audience.ts. */
  data: Record<string, unknown>;
  /** The files sent with this event (a customer's user gets only public ones). */
  attachments?: AttachmentView[];
}
