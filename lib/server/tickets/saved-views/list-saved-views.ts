import "server-only";
/** The views an agent sees on /arbeid: their own, then those shared with their line (provider admins: every line's). */
import type { Prisma } from "../../../generated/prisma/client";
import { isStaff, type Actor } from "../../actor";
import type { UseCaseContext } from "../context";
import type { SavedViewView } from "./schemas";
import { mayDeleteView } from "./may-manage";

export async function listSavedViews({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<SavedViewView[]> {
  if (!isStaff(actor)) return [];
  const shared: Prisma.SavedViewWhereInput = actor.role === "PROVIDER_ADMIN" ? { line: { not: null } } : actor.supportLine ? { line: actor.supportLine } : { id: { in: [] } };
  const rows = await ctx.prisma.savedView.findMany({
    where: { OR: [{ ownerId: actor.userId, line: null }, shared] },
    orderBy: [{ line: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, query: true, line: true, ownerId: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, line: r.line, deletable: mayDeleteView(actor, r) }));
}
