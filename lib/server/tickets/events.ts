import "server-only";
import type { TicketEventType } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import { toJson } from "../db/json";

/** Appends to a ticket's history (never updated or deleted). */
export async function appendEvent(
  tx: DbClient,
  event: { ticketId: string; type: TicketEventType; actorId: string | null; at: Date; data?: Record<string, unknown> },
): Promise<bigint> {
  const row = await tx.ticketEvent.create({
    data: { ticketId: event.ticketId, type: event.type, actorId: event.actorId, at: event.at, data: toJson(event.data ?? {}) },
    select: { id: true },
  });
  return row.id;
}
