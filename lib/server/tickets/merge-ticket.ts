import "server-only";
/**
 * Merges a duplicate into another ticket of the same customer (issue 19). It cannot be undone.
 *
 * The history is append-only (TicketEvent refuses UPDATE and DELETE), so nothing moves in place:
 * - every event of the duplicate is copied onto the target as a new MERGED_IN event (internal,
 *   for the agents) that names the original ticket, event, type, time and author and carries its
 *   data; the first copy carries the duplicate's title and description;
 * - every attachment of the duplicate gets a row on the target (the bytes are content-addressed,
 *   so the file is stored once), joined to the copy of its event, internal like it;
 * - the duplicate keeps its own history and files (its requester still sees them), gets a MERGED
 *   event with the pointer, is closed, and from then on answers with "merged into <ref>".
 *
 * Clocks: the target's clock is not touched (MERGED_IN is not a clock event). The duplicate's
 * response clock stops honestly: already stopped (met, or breached and then responded), it stays as
 * it is; still running and not yet breached, it is reclassified with the reason
 * "merged into <ref>" (out of measurement: the customer's case is measured on the target);
 * running and already breached, the merge stops it as breached (a merge never hides a breach).
 *
 * The duplicate's requester is told by e-mail, in their language (ticket-merged).
 */
import { z } from "zod";
import type { Actor } from "../actor";
import { conflict } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { appendEvent } from "./events";
import { recomputeResponseClock } from "./clock";
import { linksBetween, lockTickets, requireStaffActor, requireVisible, visibleTicketIdByReference } from "./related-tickets-common";
import { noticeToRequester } from "../notifications/customer-notices";
import { copyAttachments, keptFileSelect } from "../attachments/copy";

export const MergeTicketSchema = z.object({
  /** The duplicate, which is closed. */
  ticketId: z.string(),
  /** The ticket it is merged into, by reference. */
  intoReference: z.string().trim().min(1).max(40),
});

/** The words of a copied event: the description of the registration, else the event's own text. */
function textOf(type: string, data: unknown, source: { title: string; description: string }): Record<string, string> {
  if (type === "REGISTERED") return { title: source.title, description: source.description, body: `${source.title}\n\n${source.description}` };
  const body = data && typeof data === "object" && "body" in data && typeof data.body === "string" ? data.body : null;
  return body ? { body } : {};
}

export const mergedReason = (reference: string): string => `merged into ${reference}`;

const select = { id: true, reference: true, organizationId: true, status: true, title: true, description: true, mergedIntoId: true, slaExclusionReason: true } as const;

export async function mergeTicket({
  actor,
  input,
  ctx,
}: {
  actor: Actor;
  input: z.input<typeof MergeTicketSchema>;
  ctx: UseCaseContext;
}): Promise<{ intoTicketId: string; copiedEvents: number; copiedAttachments: number }> {
  requireStaffActor(actor);
  const { ticketId, intoReference } = parseInput(MergeTicketSchema, input);
  const now = ctx.now();
  return ctx.prisma.$transaction(async (tx) => {
    const intoId = await visibleTicketIdByReference(tx, actor, intoReference);
    await lockTickets(tx, [ticketId, intoId]);
    const source = await requireVisible(tx, actor, ticketId, select);
    const target = await requireVisible(tx, actor, intoId, select);
    if (source.id === target.id) throw conflict("A ticket cannot be merged into itself");
    if (source.organizationId !== target.organizationId) throw conflict("Only tickets of the same customer can be merged");
    if (source.status === "CLOSED" || source.mergedIntoId) throw conflict(`${source.reference} is closed`);
    if (target.status === "CLOSED" || target.mergedIntoId) throw conflict(`${target.reference} is closed: merge into an open ticket`);
    const children = await tx.ticket.count({ where: { parentId: source.id } });
    if (children > 0) throw conflict(`${source.reference} is a parent of other tickets: move them first`);

    // 1. The copies on the target, oldest first, each pointing at its original.
    const events = await tx.ticketEvent.findMany({ where: { ticketId: source.id }, orderBy: { id: "asc" }, select: { id: true, type: true, at: true, actorId: true, data: true } });
    const copyOf = new Map<bigint, bigint>();
    for (const e of events) {
      const copy = await appendEvent(tx, {
        ticketId: target.id,
        type: "MERGED_IN",
        actorId: actor.userId,
        at: now,
        data: {
          fromTicketId: source.id,
          fromReference: source.reference,
          fromEventId: e.id.toString(),
          originalType: e.type,
          originalAt: e.at.toISOString(),
          originalActorId: e.actorId,
          original: e.data ?? {},
          // The text, for the agents' timeline: internal on the target whatever it was on the duplicate.
          ...textOf(e.type, e.data, source),
          visibility: "INTERNAL",
        },
      });
      copyOf.set(e.id, copy);
    }
    // 2. The files, joined to the copies of their events (internal on the target).
    const files = await tx.attachment.findMany({ where: { ticketId: source.id }, orderBy: { createdAt: "asc" }, select: { eventId: true, ...keptFileSelect } });
    await copyAttachments(
      tx,
      files.flatMap((file) => {
        const eventId = copyOf.get(file.eventId);
        return eventId === undefined ? [] : [{ file, eventId }];
      }),
      { ticketId: target.id, visibility: "INTERNAL", at: now },
    );

    // 3. The duplicate's clock stops honestly (see above), then it is closed with the pointer.
    const clock = await recomputeResponseClock(tx, source.id, now);
    const stillRunning = (clock.state === "RUNNING" || clock.state === "PAUSED" || clock.state === "BREACHED") && clock.stoppedAt === null;
    const reason = mergedReason(target.reference);
    if (stillRunning && clock.state === "BREACHED") {
      await appendEvent(tx, { ticketId: source.id, type: "TROUBLESHOOTING_STARTED", actorId: actor.userId, at: now, data: { cause: "merged", intoReference: target.reference } });
    } else if (stillRunning && !source.slaExclusionReason) {
      await appendEvent(tx, { ticketId: source.id, type: "RECLASSIFIED", actorId: actor.userId, at: now, data: { reason } });
    }
    await appendEvent(tx, {
      ticketId: source.id,
      type: "MERGED",
      actorId: actor.userId,
      at: now,
      data: { intoTicketId: target.id, intoReference: target.reference, copiedEvents: events.length, copiedAttachments: files.length },
    });
    await tx.ticket.update({
      where: { id: source.id },
      data: {
        status: "CLOSED",
        closedAt: now,
        // Closed by the merge, not solved: an e-mail reply to it is never a reopening (mail-ticket.ts reopens within the window from solvedAt).
        solvedAt: null,
        confirmationDueAt: null,
        mergedIntoId: target.id,
        ...(stillRunning && clock.state !== "BREACHED" && !source.slaExclusionReason ? { slaExclusionReason: reason } : {}),
      },
    });
    // A merged duplicate is marked as such on both tickets.
    if ((await linksBetween(tx, source.id, target.id)) === 0)
      await tx.ticketLink.create({ data: { fromTicketId: source.id, toTicketId: target.id, kind: "DUPLICATE", createdById: actor.userId, createdAt: now } });
    // Again, now with the events above: the clock stops as troubleshooting started (breached) or reclassified.
    await recomputeResponseClock(tx, source.id, now);

    await noticeToRequester(tx, { ticketId: source.id, template: "ticket-merged", fields: { intoReference: target.reference }, actorId: actor.userId, now });
    return { intoTicketId: target.id, copiedEvents: events.length, copiedAttachments: files.length };
  }, TRANSACTION_OPTIONS);
}
