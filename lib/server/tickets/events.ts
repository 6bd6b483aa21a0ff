import "server-only";
import type { TicketEventType } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import { toJson } from "../db/json";
import { eventDataSchema } from "../db/json-schemas";

/** Appends to a ticket's history (never updated or deleted). */
export async function appendEvent(tx: DbClient, event: { ticketId: string; type: TicketEventType; actorId: string | null; at: Date; data?: Record<string, unknown> }): Promise<bigint> {
  // Checked on write as it is read back (lib/server/db/json-schemas.ts): a clock's events carry what the clock reads.
  const data = eventDataSchema(event.type).parse(toJson(event.data ?? {}));
  const row = await tx.ticketEvent.create({
    data: { ticketId: event.ticketId, type: event.type, actorId: event.actorId, at: event.at, data: toJson(data) },
    select: { id: true },
  });
  return row.id;
}
