import "server-only";
/**
 * What a customer's ticket page shows beside the conversation (issue 19): the expected time to
 * solution the servicedesk gave (000 §13), and, for a merged ticket, the reference it was merged
 * into, with its id only when the reader may open that ticket.
 */
import type { Actor } from "../actor";
import type { UseCaseContext } from "./context";
import { requireVisibleTicketId, visibleTicketsWhere } from "./scope";

export interface TicketNotes {
  expectedResolution: { at: string; note: string | null } | null;
  mergedInto: { reference: string; id: string | null } | null;
}

export async function getTicketNotes({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<TicketNotes> {
  const id = await requireVisibleTicketId(ctx.prisma, actor, input.id);
  const ticket = await ctx.prisma.ticket.findUniqueOrThrow({
    where: { id },
    select: { status: true, expectedResolutionAt: true, expectedResolutionNote: true, mergedInto: { select: { id: true, reference: true } } },
  });
  let mergedInto: TicketNotes["mergedInto"] = null;
  if (ticket.mergedInto) {
    const open = await ctx.prisma.ticket.count({ where: { AND: [{ id: ticket.mergedInto.id }, visibleTicketsWhere(actor)] } });
    mergedInto = { reference: ticket.mergedInto.reference, id: open > 0 ? ticket.mergedInto.id : null };
  }
  const showExpected = ticket.expectedResolutionAt && ticket.status !== "SOLVED" && ticket.status !== "CLOSED";
  return {
    expectedResolution: showExpected && ticket.expectedResolutionAt ? { at: ticket.expectedResolutionAt.toISOString(), note: ticket.expectedResolutionNote } : null,
    mergedInto,
  };
}
