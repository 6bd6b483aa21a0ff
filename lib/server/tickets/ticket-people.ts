import "server-only";
/**
 * The people on a ticket, for the agent's side panel and timeline (issue 19): who the requester
 * is (name, e-mail, phone, organisation, agreement), their other open tickets the agent may see,
 * and the name of everyone who wrote an event, so the timeline shows colleagues and the customer
 * by name.
 */
import { ACTIVE } from "./actions/action-context";
import type { Actor } from "../actor";
import { STAFF_ROLES, isStaff } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "./context";
import { requireVisibleTicketId, visibleTicketsWhere } from "./scope";
import type { TicketView } from "./schemas";

export interface TicketPeople {
  requester: { id: string; name: string; email: string; phone: string | null; organizationName: string; agreementName: string | null };
  otherOpenTickets: Array<{ id: string; reference: string; title: string; status: TicketView["status"] }>;
  /** By user id: the name of everyone who wrote an event on the ticket, and whether they are staff. */
  authors: Record<string, { name: string; staff: boolean }>;
}

export async function getTicketPeople({ actor, input, ctx }: { actor: Actor; input: { ticketId: string }; ctx: UseCaseContext }): Promise<TicketPeople> {
  if (!isStaff(actor)) throw notFound();
  const id = await requireVisibleTicketId(ctx.prisma, actor, input.ticketId);
  const ticket = await ctx.prisma.ticket.findUniqueOrThrow({
    where: { id },
    select: {
      requester: { select: { id: true, name: true, email: true, phone: true } },
      organization: { select: { name: true, agreement: { select: { name: true } } } },
    },
  });
  const [others, actorRows] = await Promise.all([
    ctx.prisma.ticket.findMany({
      where: { AND: [{ requesterId: ticket.requester.id, id: { not: id }, status: { in: [...ACTIVE] } }, visibleTicketsWhere(actor)] },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, reference: true, title: true, status: true },
    }),
    ctx.prisma.ticketEvent.findMany({ where: { ticketId: id, actorId: { not: null } }, distinct: ["actorId"], select: { actor: { select: { id: true, name: true, role: true } } } }),
  ]);
  const authors: TicketPeople["authors"] = {};
  for (const row of actorRows) if (row.actor) authors[row.actor.id] = { name: row.actor.name, staff: STAFF_ROLES.includes(row.actor.role) };
  return {
    requester: { ...ticket.requester, organizationName: ticket.organization.name, agreementName: ticket.organization.agreement?.name ?? null },
    otherOpenTickets: others,
    authors,
  };
}
