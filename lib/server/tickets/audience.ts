import "server-only";
/**
 * The one owner of what each audience sees of a ticket (issue 14). Staff see everything; a
 * customer's user (requester or customer admin) sees fields and events picked by explicit
 * allow-lists, so internal text (internal notes and phone logs, the reason for waiting, the
 * reclassification reason, the security flag, the root-cause analysis, escalation work logs, SLA
 * warnings) never reaches them, and a field or event added later stays internal until it is added
 * here on purpose.
 */
import { isStaff, type Actor } from "../actor";
import type { AudienceTicketView, CustomerTicketView, TicketEventView, TicketView } from "./schemas";

export function customerTicketView(v: TicketView): CustomerTicketView {
  return {
    id: v.id,
    reference: v.reference,
    title: v.title,
    description: v.description,
    priority: v.priority,
    status: v.status,
    channel: v.channel,
    organizationId: v.organizationId,
    requesterId: v.requesterId,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    sla: v.sla,
    attachments: v.attachments,
  };
}

export function ticketViewFor(actor: Actor, view: TicketView): AudienceTicketView {
  return isStaff(actor) ? view : customerTicketView(view);
}

/**
 * Per event type, the data fields a customer may read. A type that is not here is not shown to
 * customers at all. PAUSED shows that the ticket waits for them, never the agents' reason: the
 * message to the customer sent with the wait is its own PUBLIC_REPLY event.
 */
const CUSTOMER_EVENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  REGISTERED: [],
  TROUBLESHOOTING_STARTED: [],
  PUBLIC_REPLY: ["body"],
  PHONE_CALL_LOGGED: ["body"],
  PRIORITY_CHANGED: ["from", "to"],
  PAUSED: [],
  RESUMED: [],
  SOLVED: ["body", "confirmationDueAt"],
  CONFIRMED: [],
  REOPENED: ["body"],
  CLOSED: [],
};

/** The event as a customer sees it, or null when it is not for customers. */
export function customerEventView(e: TicketEventView): TicketEventView | null {
  const fields = CUSTOMER_EVENT_FIELDS[e.type];
  if (!fields) return null;
  // A comment-bearing event is public only when it says so (a phone call may be logged internally).
  if ("visibility" in e.data && e.data.visibility !== "PUBLIC") return null;
  if (e.type === "PHONE_CALL_LOGGED" && e.data.visibility !== "PUBLIC") return null;
  const data: Record<string, unknown> = {};
  for (const f of fields) if (f in e.data) data[f] = e.data[f];
  return { id: e.id, type: e.type, at: e.at, actorId: e.actorId, data, ...(e.attachments ? { attachments: e.attachments } : {}) };
}

export function eventsFor(actor: Actor, events: TicketEventView[]): TicketEventView[] {
  if (isStaff(actor)) return events;
  return events.flatMap((e) => {
    const v = customerEventView(e);
    return v ? [v] : [];
  });
}
