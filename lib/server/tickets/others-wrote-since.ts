import "server-only";
/**
 * Collision warning (issue 19): what others wrote on a ticket after the event an agent's page last
 * showed — replies, notes, phone calls, solutions and reopenings by anyone but the agent (the
 * customer included). The composer submits the id of the newest event it showed; when this returns
 * anything, the agent is warned and may send anyway or reload.
 */
import { z } from "zod";
import type { Actor } from "../actor";
import { isStaff } from "../actor";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { requireVisibleTicketId } from "./scope";

const WRITTEN = ["PUBLIC_REPLY", "INTERNAL_NOTE", "PHONE_CALL_LOGGED", "SOLVED", "REOPENED", "ESCALATED"] as const;

export interface WrittenSince {
  eventId: string;
  type: (typeof WRITTEN)[number];
  at: string;
  authorName: string;
}

const InputSchema = z.object({ ticketId: z.string(), sinceEventId: z.string().regex(/^\d{1,19}$/) });

export async function othersWroteSince({ actor, input, ctx }: { actor: Actor; input: { ticketId: string; sinceEventId: string }; ctx: UseCaseContext }): Promise<WrittenSince[]> {
  if (!isStaff(actor)) throw notFound();
  const { ticketId, sinceEventId } = parseInput(InputSchema, input);
  const id = await requireVisibleTicketId(ctx.prisma, actor, ticketId);
  const rows = await ctx.prisma.ticketEvent.findMany({
    where: { ticketId: id, id: { gt: BigInt(sinceEventId) }, type: { in: [...WRITTEN] }, actorId: { not: actor.userId }, NOT: { actorId: null } },
    orderBy: { id: "asc" },
    select: { id: true, type: true, at: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ eventId: r.id.toString(), type: r.type as WrittenSince["type"], at: r.at.toISOString(), authorName: r.actor?.name ?? "" }));
}
