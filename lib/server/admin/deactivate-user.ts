import "server-only";
/**
 * Deactivates a user: they can no longer sign in or use their API tokens (the actor is re-read per
 * request), and every session they have ends at once.
 */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { UserIdSchema, type UserIdInput } from "./schemas";
import { defaultSessionStore, endAllSessions, type SessionStore } from "../auth/sessions";

export async function deactivateUser({
  actor,
  input: raw,
  ctx,
  sessions = defaultSessionStore(),
}: {
  actor: Actor;
  input: UserIdInput;
  ctx: UseCaseContext;
  sessions?: SessionStore;
}): Promise<{ id: string; organizationId: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { userId } = parseInput(UserIdSchema, raw);
  if (userId === actor.userId) throw unprocessable("You cannot deactivate yourself", { userId: ["yourself"] });
  const deactivated = await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, organizationId: true, deactivatedAt: true } });
    if (!user) throw notFound("User");
    if (!user.deactivatedAt) await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: ctx.now() } });
    return { id: user.id, organizationId: user.organizationId };
  }, TRANSACTION_OPTIONS);
  await endAllSessions(sessions, deactivated.id);
  return deactivated;
}
