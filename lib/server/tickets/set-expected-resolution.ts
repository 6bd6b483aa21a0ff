import "server-only";
/**
 * The servicedesk gives the customer an expected time to solution (000 §13, "forventet tid til
 * løsning"), with an optional note: kept on the ticket, an EXPECTED_RESOLUTION_SET event in its
 * history, shown on the customer's ticket page and e-mailed to the requester in their language.
 * Informational only: the agreements guarantee the response, so no clock reads it.
 */
import { z } from "zod";
import type { Actor } from "../actor";
import { conflict } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { appendEvent } from "./events";
import { lockTickets, requireStaffActor, requireVisible } from "./related-tickets-common";
import { noticeToRequester } from "../notifications/customer-notices";

export const SetExpectedResolutionSchema = z.object({
  ticketId: z.string(),
  expectedAt: z.coerce.date(),
  note: z.string().trim().max(2000).optional(),
});

export async function setExpectedResolution({ actor, input, ctx }: { actor: Actor; input: z.input<typeof SetExpectedResolutionSchema>; ctx: UseCaseContext }): Promise<void> {
  requireStaffActor(actor);
  const { ticketId, expectedAt, note } = parseInput(SetExpectedResolutionSchema, input);
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    await lockTickets(tx, [ticketId]);
    const ticket = await requireVisible(tx, actor, ticketId, { id: true, reference: true, status: true });
    if (ticket.status === "SOLVED" || ticket.status === "CLOSED") throw conflict(`${ticket.reference} is already solved`);
    if (expectedAt.getTime() <= now.getTime()) throw conflict("The expected time to solution must be in the future");
    const text = note ? note : null;
    await tx.ticket.update({ where: { id: ticket.id }, data: { expectedResolutionAt: expectedAt, expectedResolutionNote: text } });
    await appendEvent(tx, { ticketId: ticket.id, type: "EXPECTED_RESOLUTION_SET", actorId: actor.userId, at: now, data: { expectedAt: expectedAt.toISOString(), ...(text ? { note: text } : {}) } });
    await noticeToRequester(tx, { ticketId: ticket.id, template: "ticket-expected-resolution", fields: { expectedAt: expectedAt.toISOString(), note: text }, actorId: actor.userId, now });
  }, TRANSACTION_OPTIONS);
}
