import "server-only";
/** Saves the queue's current search and filters under a name: the agent's own, or shared with their line. */
import { isStaff, type Actor } from "../../actor";
import { notFound, unprocessable } from "../../errors";
import { parseInput } from "../../validation";
import type { UseCaseContext } from "../context";
import { queueQueryString } from "../queue-query";
import { CreateSavedViewSchema, MAX_SAVED_VIEWS, type CreateSavedViewInput } from "./schemas";
import { mayShareWith } from "./may-manage";

export async function createSavedView({ actor, input, ctx }: { actor: Actor; input: CreateSavedViewInput; ctx: UseCaseContext }): Promise<{ id: string; query: string }> {
  if (!isStaff(actor)) throw notFound();
  const v = parseInput(CreateSavedViewSchema, input);
  if (v.line && !mayShareWith(actor, v.line)) throw unprocessable("A view can be shared only with your own line", { line: ["not your line"] });
  const query = queueQueryString(Object.fromEntries(new URLSearchParams(v.query.replace(/^\?/, ""))));
  const count = await ctx.prisma.savedView.count({ where: v.line ? { line: v.line } : { ownerId: actor.userId, line: null } });
  if (count >= MAX_SAVED_VIEWS) throw unprocessable(`At most ${MAX_SAVED_VIEWS} saved views`, { name: ["too many saved views"] });
  const view = await ctx.prisma.savedView.create({
    data: { ownerId: actor.userId, name: v.name, query, line: v.line ?? null, createdAt: ctx.now() },
    select: { id: true, query: true },
  });
  return view;
}
