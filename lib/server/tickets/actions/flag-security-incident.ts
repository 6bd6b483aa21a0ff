import "server-only";
import { conflict } from "../../errors";
import type { TicketActionInput } from "../schemas";
import { NOT_CLOSED, event, requireStaff, requireStatus, setTicket, type ActionContext } from "./action-context";

/** A security-related ticket is also an information-security incident (000 §5.9). */
export async function flagSecurityIncident(c: ActionContext, input: Extract<TicketActionInput, { type: "flag_security" }>): Promise<void> {
  requireStaff(c, "flag security incidents");
  requireStatus(c, NOT_CLOSED, "flag a security incident");
  if (c.ticket.securityIncident) throw conflict(`${c.ticket.reference} is already flagged as a security incident`);
  await event(c, "SECURITY_FLAGGED", { reason: input.reason });
  await setTicket(c, { securityIncident: true });
}
