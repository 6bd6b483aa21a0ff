import "server-only";
/** Reading tickets: lists with filters and cursor pagination, one ticket, its history. */
import type { Prisma } from "../../generated/prisma/client";
import { isStaff, type Actor } from "../actor";
import { badRequest, notFound } from "../errors";
import type { UseCaseContext } from "./context";
import { UUID, requireVisibleTicketId, visibleTicketsWhere } from "./scope";
import type { AudienceTicketView, ListTicketsInput, TicketEventView, TicketView } from "./schemas";
import { eventsFor, ticketViewFor } from "./audience";
import { loadTicketVersions, readTicketView, ticketViewSelect, toTicketView } from "./view";
import { attachmentOrder, attachmentViewSelect, toAttachmentView } from "../attachments/view";

interface Cursor {
  createdAt: Date;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");

function decodeCursor(cursor: string): Cursor {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) throw badRequest("Invalid cursor", { cursor: ["not a cursor from this API"] });
  return { createdAt, id };
}

/** Newest first. */
export async function listTickets({ actor, input, ctx }: { actor: Actor; input: ListTicketsInput; ctx: UseCaseContext }): Promise<{ items: AudienceTicketView[]; nextCursor: string | null }> {
  const filters: Prisma.TicketWhereInput[] = [visibleTicketsWhere(actor)];
  if (input.status) filters.push({ status: input.status });
  if (input.priority) filters.push({ priority: input.priority });
  if (input.line) filters.push({ line: input.line });
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    filters.push({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] });
  }
  const rows = await ctx.prisma.ticket.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: ticketViewSelect,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const now = ctx.now();
  const versions = await loadTicketVersions(ctx.prisma, page);
  return { items: page.map((r) => ticketViewFor(actor, toTicketView(r, now, versions))), nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

/** A ticket the actor may see, with every field (not_found otherwise). */
async function visibleTicketView(actor: Actor, ticketId: string, ctx: UseCaseContext): Promise<TicketView> {
  const id = await requireVisibleTicketId(ctx.prisma, actor, ticketId);
  const view = await readTicketView(ctx.prisma, id, ctx.now());
  if (!view) throw notFound();
  return view;
}

/** One ticket as the caller's audience may see it (audience.ts). */
export async function getTicket({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<AudienceTicketView> {
  return ticketViewFor(actor, await visibleTicketView(actor, input.id, ctx));
}

/** One ticket with every internal field, for staff; anyone else gets the same 404 as for a ticket they cannot see. */
export async function getStaffTicket({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<TicketView> {
  if (!isStaff(actor)) throw notFound();
  return visibleTicketView(actor, input.id, ctx);
}

export async function listTicketEvents({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<TicketEventView[]> {
  const id = await requireVisibleTicketId(ctx.prisma, actor, input.id);
  // Tenancy where the data is read: a customer's user never loads an internal file's row.
  const attachments = { where: isStaff(actor) ? {} : { visibility: "PUBLIC" as const }, orderBy: attachmentOrder, select: attachmentViewSelect };
  const events = await ctx.prisma.ticketEvent.findMany({ where: { ticketId: id }, orderBy: { id: "asc" }, select: { id: true, type: true, at: true, actorId: true, data: true, attachments } });
  return eventsFor(
    actor,
    events.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      at: e.at.toISOString(),
      actorId: e.actorId,
      data: (e.data ?? {}) as Record<string, unknown>,
      attachments: e.attachments.map(toAttachmentView),
    })),
  );
}
