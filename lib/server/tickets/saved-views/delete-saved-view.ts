import "server-only";
/** Deletes a saved view (after the page has asked): the owner's own, or a shared one by its line's agents. */
import { isStaff, type Actor } from "../../actor";
import { notFound } from "../../errors";
import type { UseCaseContext } from "../context";
import { UUID } from "../scope";
import { mayDeleteView } from "./may-manage";

export async function deleteSavedView({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<void> {
  if (!isStaff(actor) || !UUID.test(input.id)) throw notFound("Saved view");
  const view = await ctx.prisma.savedView.findUnique({ where: { id: input.id }, select: { ownerId: true, line: true } });
  if (!view || !mayDeleteView(actor, view)) throw notFound("Saved view");
  const deleted = await ctx.prisma.savedView.deleteMany({ where: { id: input.id } });
  if (deleted.count === 0) throw notFound("Saved view");
}
