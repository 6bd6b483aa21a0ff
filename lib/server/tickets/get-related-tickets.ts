import "server-only";
/**
 * What the agent's ticket page shows of a ticket's relations (issue 19): its links both ways, its
 * parent or children, what it was merged into or from, and the expected time to solution given to
 * the customer. Other tickets are shown only when the agent may see them.
 */
import type { Actor } from "../actor";
import type { TicketLinkKind, TicketStatus } from "../../generated/prisma/enums";
import type { UseCaseContext } from "./context";
import { requireVisibleTicketId, visibleTicketsWhere } from "./scope";
import { requireStaffActor } from "./related-tickets-common";

export interface RelatedTicket {
  id: string;
  reference: string;
  title: string;
  status: TicketStatus;
}

export interface RelatedTicketsView {
  ticketId: string;
  reference: string;
  status: TicketStatus;
  links: Array<{ id: string; kind: TicketLinkKind; direction: "from" | "to"; ticket: RelatedTicket }>;
  parent: RelatedTicket | null;
  children: RelatedTicket[];
  mergedInto: RelatedTicket | null;
  mergedFrom: RelatedTicket[];
  expectedResolution: { at: string; note: string | null } | null;
}

const related = { id: true, reference: true, title: true, status: true } as const;

export async function getRelatedTickets({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<RelatedTicketsView> {
  requireStaffActor(actor);
  const id = await requireVisibleTicketId(ctx.prisma, actor, input.id);
  const visible = visibleTicketsWhere(actor);
  const ticket = await ctx.prisma.ticket.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      reference: true,
      status: true,
      expectedResolutionAt: true,
      expectedResolutionNote: true,
      parent: { select: related },
      mergedInto: { select: related },
      children: { where: visible, orderBy: { createdAt: "asc" }, select: related },
      mergedFrom: { where: visible, orderBy: { createdAt: "asc" }, select: related },
      linksFrom: { where: { toTicket: visible }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, toTicket: { select: related } } },
      linksTo: { where: { fromTicket: visible }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, fromTicket: { select: related } } },
    },
  });
  return {
    ticketId: ticket.id,
    reference: ticket.reference,
    status: ticket.status,
    links: [
      ...ticket.linksFrom.map((l) => ({ id: l.id, kind: l.kind, direction: "from" as const, ticket: l.toTicket })),
      ...ticket.linksTo.map((l) => ({ id: l.id, kind: l.kind, direction: "to" as const, ticket: l.fromTicket })),
    ],
    parent: ticket.parent,
    children: ticket.children,
    mergedInto: ticket.mergedInto,
    mergedFrom: ticket.mergedFrom,
    expectedResolution: ticket.expectedResolutionAt ? { at: ticket.expectedResolutionAt.toISOString(), note: ticket.expectedResolutionNote } : null,
  };
}
