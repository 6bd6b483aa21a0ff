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

/** An event an action wrote, as the files sent with it are joined to it. */
export interface WrittenEvent {
  id: bigint;
  type: TicketEventType;
  at: Date;
  actorId: string | null;
  data: Record<string, unknown>;
}

/** The events written to a ticket after `afterId`, oldest first (what an action just wrote). */
export async function writtenEvents(tx: DbClient, ticketId: string, afterId: bigint): Promise<WrittenEvent[]> {
  const rows = await tx.ticketEvent.findMany({ where: { ticketId, id: { gt: afterId } }, orderBy: { id: "asc" }, select: { id: true, type: true, at: true, actorId: true, data: true } });
  return rows.map((e) => ({ ...e, data: (e.data ?? {}) as Record<string, unknown> }));
}

/**
 * Of the events an action wrote, the one that carries its text (the reply, the note …), else the
 * solution, work done or reason, else the first: the event files sent with the action belong to.
 * Null when nothing was written.
 */
export function eventCarryingText(events: readonly WrittenEvent[]): WrittenEvent | null {
  return events.find((e) => "body" in e.data) ?? events.find((e) => ["solution", "workDone", "reason", "rootCause"].some((f) => f in e.data)) ?? events[0] ?? null;
}
