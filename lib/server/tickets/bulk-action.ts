import "server-only";
/**
 * One action on many tickets from the queue (issue 19): assign (or back to the line's queue),
 * change priority with a reason, escalate to a line, or solve with a public reply. Each ticket is
 * its own applyTicketAction, so its own transaction with its own events and clock recompute: a
 * ticket that is refused (solved meanwhile, another line's, …) rolls back only itself, and the
 * result lists which were done and which failed, with the reason.
 */
import { z } from "zod";
import { isStaff, type Actor } from "../actor";
import { AppError, unprocessable } from "../errors";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { applyTicketAction } from "./apply-ticket-action";
import { TicketActionSchema, type TicketActionRequest } from "./schemas";
import { visibleTicketsWhere } from "./scope";

/** The most tickets one bulk action takes (a queue page is at most 100). */
export const MAX_BULK_TICKETS = 100;
export const BULK_ACTIONS = ["assign", "priority", "escalate", "resolve"] as const;

const BulkTicketActionSchema = TicketActionSchema.refine((a) => (BULK_ACTIONS as readonly string[]).includes(a.type), { message: "not an action for many tickets", path: ["type"] });

export const BulkActionSchema = z.object({
  ticketIds: z.array(z.uuid()).min(1, "choose at least one ticket").max(MAX_BULK_TICKETS),
  action: BulkTicketActionSchema,
});
export type BulkActionInput = z.input<typeof BulkActionSchema>;

export interface BulkActionResult {
  done: Array<{ id: string; reference: string }>;
  failed: Array<{ id: string; reference: string | null; code: string; reason: string }>;
}

export async function bulkAction({ actor, input, ctx }: { actor: Actor; input: BulkActionInput; ctx: UseCaseContext }): Promise<BulkActionResult> {
  if (!isStaff(actor)) throw unprocessable("Only servicedesk staff act on many tickets");
  const { ticketIds, action } = parseInput(BulkActionSchema, input);
  const ids = [...new Set(ticketIds)];
  // References for the report, of what the actor may read (others are reported as not found, by id only).
  const known = await ctx.prisma.ticket.findMany({ where: { AND: [{ id: { in: ids } }, visibleTicketsWhere(actor)] }, select: { id: true, reference: true } });
  const reference = new Map(known.map((t) => [t.id, t.reference]));
  const result: BulkActionResult = { done: [], failed: [] };
  // One after another: each ticket locks itself in its own transaction; in parallel they would only queue for the pool.
  for (const id of ids) {
    try {
      const after = await applyTicketAction({ actor, input: { ticketId: id, action: action as TicketActionRequest }, ctx });
      result.done.push({ id, reference: after.reference });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({ id, reference: reference.get(id) ?? null, code: error.code, reason: error.message });
    }
  }
  return result;
}
