import "server-only";
import { conflict, unprocessable } from "../../errors";
import type { TicketActionInput } from "../schemas";
import { event, requireStaff, type ActionContext } from "./action-context";
import { breachNoticeFacts, recomputeBreachNoticeClock } from "../breach-notice-clock";
import { noticeOfBreachToCustomer } from "../../security/security-notices";

/**
 * The customer was told of the personal-data breach (003/004 §8.9): by the agent, at `notifiedAt`
 * (now, or earlier when it was done by phone). The notice goes to the customer admins by e-mail,
 * is recorded once (CUSTOMER_NOTIFIED_OF_BREACH), and stops the breach-notice clock.
 */
export async function recordCustomerNotified(c: ActionContext, input: Extract<TicketActionInput, { type: "notify_customer" }>): Promise<void> {
  requireStaff(c, "record the notice of a breach");
  if (!c.ticket.securityIncident) throw unprocessable("The customer is notified of a breach for security incidents: flag the ticket first");
  const facts = await breachNoticeFacts(c.tx, c.ticket.id);
  if (!facts) throw unprocessable("The customer is notified of a breach for security incidents: flag the ticket first");
  if (facts.notifiedAt) throw conflict(`The customer was already notified of the breach of ${c.ticket.reference}`);
  const notifiedAt = input.notifiedAt ? new Date(input.notifiedAt) : c.now;
  if (notifiedAt.getTime() > c.now.getTime()) throw unprocessable("The customer cannot have been notified in the future", { notifiedAt: ["in_future"] });
  if (notifiedAt.getTime() < facts.flaggedAt.getTime()) throw unprocessable("The customer cannot have been notified before the incident was flagged", { notifiedAt: ["before_flag"] });
  await event(c, "CUSTOMER_NOTIFIED_OF_BREACH", { message: input.message, notifiedAt: notifiedAt.toISOString(), visibility: "INTERNAL" });
  await recomputeBreachNoticeClock(c.tx, c.ticket.id, c.now);
  await noticeOfBreachToCustomer(c.tx, { ticketId: c.ticket.id, message: input.message, notifiedAt, now: c.now });
}
