import "server-only";
/**
 * What the related-ticket use cases (issue 19: links, merge, parent and children, expected
 * resolution) share: finding a ticket the actor may see by its reference, and locking two or
 * more tickets in one order so concurrent merges and links never deadlock.
 */
import type { Prisma } from "../../generated/prisma/client";
import { isStaff, type Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import type { DbClient } from "../db/prisma";
import { UUID, mayWriteTicket, notWritable, visibleTicketsWhere } from "./scope";
import { lockTicket } from "./clock";

/** Related tickets are the servicedesk's: anyone else gets the same 404 as for a ticket they cannot see. */
export function requireStaffActor(actor: Actor): void {
  if (!isStaff(actor)) throw notFound();
}

/** A reference as people type it: trimmed, upper case. */
export const normalizeReference = (reference: string): string => reference.trim().toUpperCase();

/** The id of the ticket with this reference, when the actor may see it; not_found otherwise. */
export async function visibleTicketIdByReference(client: DbClient, actor: Actor, reference: string): Promise<string> {
  const ref = normalizeReference(reference);
  if (!ref) throw unprocessable("Give a ticket reference");
  const row = await client.ticket.findFirst({ where: { AND: [{ reference: ref }, visibleTicketsWhere(actor)] }, select: { id: true } });
  if (!row) throw notFound(`Ticket ${ref}`);
  return row.id;
}

/** Locks the tickets in id order (the one order every use case here takes them in). */
export async function lockTickets(tx: DbClient, ids: readonly string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) {
    if (!UUID.test(id)) throw notFound();
    await lockTicket(tx, id);
  }
}

const WRITE_RULE_FIELDS = { reference: true, line: true, priority: true, assigneeId: true } satisfies Prisma.TicketSelect;

/**
 * After locking: a ticket the actor may change, by id (every use case here writes an event on each
 * ticket it names); not_found when they cannot see it, forbidden when it is another line's to change.
 */
export async function requireVisible<S extends Prisma.TicketSelect>(tx: DbClient, actor: Actor, id: string, select: S): Promise<Prisma.TicketGetPayload<{ select: S }>> {
  // One read: the caller's fields and those the write rule needs.
  const row = await tx.ticket.findFirst({ where: { AND: [{ id }, visibleTicketsWhere(actor)] }, select: { ...select, ...WRITE_RULE_FIELDS } });
  if (!row) throw notFound();
  const access = row as unknown as Prisma.TicketGetPayload<{ select: typeof WRITE_RULE_FIELDS }>;
  if (isStaff(actor) && !mayWriteTicket(actor, access)) throw notWritable(access);
  return row as unknown as Prisma.TicketGetPayload<{ select: S }>;
}

/** How many links join two tickets, in either direction (at most one: links are kept once). */
export function linksBetween(tx: DbClient, a: string, b: string): Promise<number> {
  return tx.ticketLink.count({
    where: {
      OR: [
        { fromTicketId: a, toTicketId: b },
        { fromTicketId: b, toTicketId: a },
      ],
    },
  });
}
