import "server-only";
/**
 * A phone call becomes a ticket from the agent workspace (issue 19, /arbeid/ny): staff pick the
 * customer organisation and the caller (or add them as a contact on the spot), and the ticket is
 * registered on the caller's behalf through registerTicket (channel PHONE), its clock starting
 * when the call came in — up to MAX_BACKDATE_MINUTES back, with a reason kept in the event.
 */
import { z } from "zod";
import { STAFF_ROLES, CUSTOMER_ROLES, type Actor } from "../actor";
import { unprocessable } from "../errors";
import { parseInput, safeString } from "../validation";
import type { UseCaseContext } from "./context";
import { requireRole } from "./scope";
import { registerTicketInTransaction, registrationInstant, MAX_BACKDATE_MINUTES } from "./register-ticket";
import { addContactInTransaction } from "../people/add-contact";
import { getStaffTicket } from "./read-tickets";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { PrioritySchema, type TicketView } from "./schemas";

export const RegisterCallSchema = z.object({
  organizationId: z.uuid(),
  /** An existing user of the organisation, or null with `newContact`. */
  requesterId: z.uuid().nullable(),
  newContact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable().optional(), invite: z.boolean().optional() }).nullable().default(null),
  title: safeString().trim().min(1).max(200),
  description: safeString().trim().min(1).max(20_000),
  priority: PrioritySchema,
  /** How long ago the call came in (whole minutes, 0 = now). */
  minutesAgo: z.number().int().min(0).max(MAX_BACKDATE_MINUTES, `at most ${MAX_BACKDATE_MINUTES} minutes back`).default(0),
  reason: safeString().trim().max(2000).optional(),
});
export type RegisterCallInput = z.input<typeof RegisterCallSchema>;

export async function registerCall({ actor, input: raw, ctx }: { actor: Actor; input: RegisterCallInput; ctx: UseCaseContext }): Promise<TicketView> {
  requireRole(actor, STAFF_ROLES, "Page");
  const input = parseInput(RegisterCallSchema, raw);
  const now = ctx.now();
  if (input.minutesAgo > 0 && !input.reason) throw unprocessable("Give the reason the call is registered with an earlier start", { reason: ["required"] });
  if (input.requesterId !== null) {
    const requester = await ctx.prisma.user.findFirst({
      where: { id: input.requesterId, organizationId: input.organizationId, role: { in: [...CUSTOMER_ROLES] }, deactivatedAt: null },
      select: { id: true },
    });
    if (!requester) throw unprocessable("The requester is not an active user of that organisation", { requesterId: ["unknown"] });
  } else if (!input.newContact) throw unprocessable("Choose the requester or add them as a new contact", { requesterId: ["required"] });
  const calledAt = input.minutesAgo > 0 ? new Date(now.getTime() - input.minutesAgo * 60_000).toISOString() : undefined;
  const ticketInput = {
    title: input.title,
    description: input.description,
    priority: input.priority,
    channel: "PHONE" as const,
    ...(calledAt ? { calledAt, calledAtReason: input.reason } : {}),
  };
  // The same instant for the back-dating as for its check.
  const { at, backdated } = registrationInstant(actor, ticketInput, now);
  // A new contact and the ticket are one transaction: a refused registration (e.g. an organisation
  // where only contact persons may register) leaves no contact behind.
  const { ticketId } = await ctx.prisma.$transaction(async (tx) => {
    const contact = input.newContact;
    const requesterId =
      input.requesterId ?? (contact ? (await addContactInTransaction(tx, { actor, input: { organizationId: input.organizationId, ...contact, phone: contact.phone ?? null }, ctx })).userId : null);
    if (requesterId === null) throw unprocessable("Choose the requester or add them as a new contact", { requesterId: ["required"] });
    return registerTicketInTransaction(tx, { actor, input: { ...ticketInput, requesterId }, now: at, backdated });
  }, TRANSACTION_OPTIONS);
  return getStaffTicket({ actor, input: { id: ticketId }, ctx: { ...ctx, now: () => now } });
}
