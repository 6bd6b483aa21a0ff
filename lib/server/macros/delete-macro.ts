import "server-only";
/** Deletes a macro: one's own personal macro, or (provider admins) a shared one. */
import { z } from "zod";
import type { Actor } from "../actor";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import type { UseCaseContext } from "../tickets/context";
import { mayEditMacro, requireStaffForMacros } from "./access";

export async function deleteMacro({ actor, input, ctx }: { actor: Actor; input: { id: string }; ctx: UseCaseContext }): Promise<void> {
  requireStaffForMacros(actor);
  const { id } = parseInput(z.object({ id: z.uuid() }), input);
  const existing = await ctx.prisma.macro.findUnique({ where: { id }, select: { ownerId: true } });
  if (!existing || (existing.ownerId !== null && existing.ownerId !== actor.userId)) throw notFound("Macro");
  if (!mayEditMacro(actor, existing.ownerId)) throw new AppError("forbidden", "Only provider admins can delete shared macros");
  await ctx.prisma.macro.delete({ where: { id } });
}
