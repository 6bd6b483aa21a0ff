/**
 * Tenancy, in exactly one place: which tickets an actor may see. Every read and every write of a
 * ticket goes through `visibleTicketsWhere`, so a ticket outside the actor's reach is "not found".
 *
 * - END_USER: the tickets they requested.
 * - CUSTOMER_ADMIN: every ticket of their organisation (000 §5.7).
 * - AGENT: the queues of their line and the lines below it (L1 sees L1, L2 sees L1–L2, L3 all),
 *   and tickets assigned to them.
 * - ONCALL: P1 tickets (what the on-call phone covers, 000 §19) and tickets assigned to them.
 * - PROVIDER_ADMIN: everything.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { SupportLine } from "../../generated/prisma/enums";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { DbClient } from "../db/prisma";

const LINES: readonly SupportLine[] = ["L1", "L2", "L3"];

export const linesUpTo = (line: SupportLine): SupportLine[] => LINES.slice(0, LINES.indexOf(line) + 1);

export function visibleTicketsWhere(actor: Actor): Prisma.TicketWhereInput {
  switch (actor.role) {
    case "END_USER":
      return { organizationId: actor.organizationId, requesterId: actor.userId };
    case "CUSTOMER_ADMIN":
      return { organizationId: actor.organizationId };
    case "AGENT":
      return { OR: [{ line: { in: linesUpTo(actor.supportLine ?? "L1") } }, { assigneeId: actor.userId }] };
    case "ONCALL":
      return { OR: [{ priority: "P1" }, { assigneeId: actor.userId }] };
    case "PROVIDER_ADMIN":
      return {};
    default: {
      // A role this code does not know sees nothing.
      const unknown: never = actor.role;
      void unknown;
      return { id: { in: [] } };
    }
  }
}

/** A uuid as the database stores ticket ids: anything else cannot name a ticket. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of a ticket the actor may see, or not_found (also for ids that are not uuids). */
export async function requireVisibleTicketId(client: DbClient, actor: Actor, id: string): Promise<string> {
  if (!UUID.test(id)) throw notFound();
  const ticket = await client.ticket.findFirst({ where: { AND: [{ id }, visibleTicketsWhere(actor)] }, select: { id: true } });
  if (!ticket) throw notFound();
  return ticket.id;
}
