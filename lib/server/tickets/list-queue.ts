import "server-only";
/**
 * The servicedesk's queues: a line's open tickets (or the agent's own), sorted by time left on the
 * response clock. Running clocks come first by due instant (so breached ones lead), then paused
 * clocks, then stopped ones (met, breached and stopped, excluded) by registration.
 */
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import { isStaff, type Actor } from "../actor";
import { badRequest, notFound, unprocessable } from "../errors";
import { parseInput, safeString } from "../validation";
import type { UseCaseContext } from "./context";
import { UUID, visibleTicketsWhere } from "./scope";
import type { TicketView } from "./schemas";
import { loadTicketVersions, ticketViewSelect, toTicketView } from "./view";
import type { AgreementVersionSpec } from "../../sla";
import { TicketFiltersSchema, ticketFiltersWhere } from "./ticket-filters";

/** The queue without a search: a text search is search-tickets.ts (full-text, ranked). */
export const ListQueueSchema = TicketFiltersSchema.extend({
  mine: z.boolean().default(false),
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: safeString().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListQueueInput = z.input<typeof ListQueueSchema>;

/** The warning threshold used when an agreement has none (a fraction of the target used). */
export const DEFAULT_WARNING_THRESHOLD = 0.75;

export interface QueueItem extends TicketView {
  organizationName: string;
  /** The first warning threshold of the ticket's agreement, as a fraction of the target used. */
  warningThreshold: number;
}

export const queueSelect = {
  ...ticketViewSelect,
  organization: { select: { name: true } },
} satisfies Prisma.TicketSelect;

/** A queue row as the agents' pages show it, with the versions of its page (loadTicketVersions). */
export function toQueueItem(row: Prisma.TicketGetPayload<{ select: typeof queueSelect }>, now: Date, versions: ReadonlyMap<string, AgreementVersionSpec>): QueueItem {
  const thresholds = (row.agreementVersionId ? versions.get(row.agreementVersionId)?.warningThresholds : undefined) ?? [];
  return { ...toTicketView(row, now, versions), organizationName: row.organization.name, warningThreshold: thresholds.length ? Math.min(...thresholds) : DEFAULT_WARNING_THRESHOLD };
}

const encodeCursor = (offset: number) => Buffer.from(`q${offset}`).toString("base64url");

function decodeCursor(cursor: string): number {
  const match = /^q(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw badRequest("Invalid cursor", { cursor: ["not a cursor from this queue"] });
  return Number(match[1]);
}

export async function listQueue({ actor, input, ctx }: { actor: Actor; input: ListQueueInput; ctx: UseCaseContext }): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  if (!isStaff(actor)) throw unprocessable("Only servicedesk staff have queues");
  const q = parseInput(ListQueueSchema, input);
  const filters: Prisma.TicketWhereInput[] = [visibleTicketsWhere(actor), ...ticketFiltersWhere(q)];
  if (!q.status) filters.push({ status: { notIn: ["SOLVED", "CLOSED"] } });
  if (q.mine) filters.push({ assigneeId: actor.userId });
  const offset = q.cursor ? decodeCursor(q.cursor) : 0;
  // Every registered ticket has its response clock; the clock carries the sort key.
  const order = await ctx.prisma.slaClock.findMany({
    where: { metric: "RESPONSE", ticket: { AND: filters } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { state: "asc" }, { ticket: { createdAt: "asc" } }, { ticketId: "asc" }],
    skip: offset,
    take: q.limit + 1,
    select: { ticketId: true },
  });
  const ids = order.slice(0, q.limit).map((c) => c.ticketId);
  const rows = ids.length ? await ctx.prisma.ticket.findMany({ where: { AND: [{ id: { in: ids } }, visibleTicketsWhere(actor)] }, select: queueSelect }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const now = ctx.now();
  const versions = await loadTicketVersions(ctx.prisma, rows);
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toQueueItem(row, now, versions)] : [];
  });
  return { items, nextCursor: order.length > q.limit ? encodeCursor(offset + q.limit) : null };
}

/** One ticket as a queue row (the agent's ticket page: its view, organisation and clock badge); not_found when the actor may not see it. */
export async function getQueueItem({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<QueueItem> {
  if (!isStaff(actor) || !UUID.test(input.id)) throw notFound();
  const row = await ctx.prisma.ticket.findFirst({ where: { AND: [{ id: input.id }, visibleTicketsWhere(actor)] }, select: queueSelect });
  if (!row) throw notFound();
  return toQueueItem(row, ctx.now(), await loadTicketVersions(ctx.prisma, [row]));
}
