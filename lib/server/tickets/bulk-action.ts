import "server-only";
/**
 * One action on many tickets from the queue (issue 19): assign (or back to the line's queue),
 * change priority with a reason, escalate to a line, solve with a public reply (typed, or a macro
 * filled in for each ticket: its requester, reference and due time), or add to a parent ticket
 * (one outage, many customers: related tickets' addToParent). Each ticket is
 * its own applyTicketAction, so its own transaction with its own events and clock recompute: a
 * ticket that is refused (solved meanwhile, another line's, …) rolls back only itself, and the
 * result lists which were done and which failed, with the reason.
 */
import { z } from "zod";
import { isStaff, type Actor } from "../actor";
import { AppError, unprocessable } from "../errors";
import { parseInput, safeString } from "../validation";
import { listMacros } from "../macros/list-macros";
import { fillPlaceholders, placeholderValues } from "../macros/render-macro";
import { addToParent } from "./add-to-parent";
import { normalizeReference } from "./related-tickets-common";
import type { UseCaseContext } from "./context";
import { applyTicketAction } from "./apply-ticket-action";
import { TicketActionSchema, type TicketActionRequest } from "./schemas";
import { visibleTicketsWhere } from "./scope";

/** The most tickets one bulk action takes (a queue page is at most 100). */
export const MAX_BULK_TICKETS = 100;
export const BULK_ACTIONS = ["assign", "priority", "escalate", "resolve"] as const;

const BulkTicketActionSchema = TicketActionSchema.refine((a) => (BULK_ACTIONS as readonly string[]).includes(a.type), { message: "not an action for many tickets", path: ["type"] });

/** Bulk-only steps: each becomes per-ticket work (a parent found once by its reference; a macro filled in per ticket). */
const AddToParentStep = z.object({ type: z.literal("addToParent"), parentReference: safeString().trim().min(1, "give the parent ticket's reference").max(40) });
const ResolveWithMacroStep = z.object({ type: z.literal("resolveWithMacro"), macroId: z.uuid() });

export const BulkActionSchema = z.object({
  ticketIds: z.array(z.uuid()).min(1, "choose at least one ticket").max(MAX_BULK_TICKETS),
  action: z.union([AddToParentStep, ResolveWithMacroStep, BulkTicketActionSchema]),
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
  const perTicket = await perTicketStep(actor, action, ctx);
  // One after another: each ticket locks itself in its own transaction; in parallel they would only queue for the pool.
  for (const id of ids) {
    try {
      await perTicket(id);
      result.done.push({ id, reference: reference.get(id) ?? id });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.failed.push({ id, reference: reference.get(id) ?? null, code: error.code, reason: error.message });
    }
  }
  return result;
}

/** What the bulk action does to one ticket, in that ticket's own transaction(s). */
async function perTicketStep(actor: Actor, action: z.output<typeof BulkActionSchema>["action"], ctx: UseCaseContext): Promise<(ticketId: string) => Promise<unknown>> {
  if (action.type === "addToParent") {
    const parent = await ctx.prisma.ticket.findFirst({ where: { AND: [{ reference: normalizeReference(action.parentReference) }, visibleTicketsWhere(actor)] }, select: { id: true } });
    if (!parent) throw unprocessable("No ticket with that reference", { parentReference: ["unknown"] });
    return (childId) => addToParent({ actor, input: { parentId: parent.id, childId }, ctx });
  }
  if (action.type === "resolveWithMacro") {
    const macro = (await listMacros({ actor, ctx })).find((m) => m.id === action.macroId);
    if (!macro) throw unprocessable("No macro with that id that you may use", { macroId: ["unknown"] });
    return async (ticketId) => {
      const solution = fillPlaceholders(macro.body, await placeholderValues({ actor, input: { ticketId }, ctx }));
      return applyTicketAction({ actor, input: { ticketId, action: { type: "resolve", solution } }, ctx });
    };
  }
  return (ticketId) => applyTicketAction({ actor, input: { ticketId, action: action as TicketActionRequest }, ctx });
}
