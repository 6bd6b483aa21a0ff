/** Deactivates a user: they can no longer sign in or use their API tokens (the actor is re-read per request). */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { assertProviderAdmin } from "./access";
import { UserIdSchema, type UserIdInput } from "./schemas";

export async function deactivateUser({ actor, input: raw, ctx }: { actor: Actor; input: UserIdInput; ctx: UseCaseContext }): Promise<{ id: string; organizationId: string }> {
  assertProviderAdmin(actor);
  const { userId } = parseInput(UserIdSchema, raw);
  if (userId === actor.userId) throw unprocessable("You cannot deactivate yourself", { userId: ["yourself"] });
  return ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, organizationId: true, deactivatedAt: true } });
    if (!user) throw notFound("User");
    if (!user.deactivatedAt) await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: ctx.now() } });
    return { id: user.id, organizationId: user.organizationId };
  }, TRANSACTION_OPTIONS);
}
