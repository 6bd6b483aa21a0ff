import "server-only";
import { conflict } from "../../errors";
import type { TicketActionInput } from "../schemas";
import { NOT_CLOSED, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";
import { recomputeBreachNoticeClock } from "../breach-notice-clock";
import { tellSecurityContactOfFlag } from "../../security/security-notices";

/**
 * A security-related ticket is also an information-security incident (000 §5.9). Flagging it
 * starts the clock for telling the customer of a personal-data breach (003/004 §8.9,
 * breach-notice-clock.ts) and tells the provider's security contact.
 */
export async function flagSecurityIncident(c: ActionContext, input: Extract<TicketActionInput, { type: "flag_security" }>): Promise<void> {
  requireStaff(c, "flag security incidents");
  requireStatus(c, NOT_CLOSED, "flag a security incident");
  if (c.ticket.securityIncident) throw conflict(`${c.ticket.reference} is already flagged as a security incident`);
  await event(c, "SECURITY_FLAGGED", { reason: input.reason });
  await setTicket(c, { securityIncident: true });
  const clock = await recomputeBreachNoticeClock(c.tx, c.ticket.id, c.now);
  await tellSecurityContactOfFlag(c.tx, { ticketId: c.ticket.id, reason: input.reason, dueAt: clock!.dueAt ?? c.now, now: c.now });
}
