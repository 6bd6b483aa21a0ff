import "server-only";
/**
 * Deactivates a user: they can no longer sign in or use their API tokens (the actor is re-read per
 * request, and their live tokens are revoked), their open invitation and reset links are
 * cancelled, and every session they have ends at once. A provider admin deactivates anyone; a
 * customer admin the users of their own organisation (anyone else is not found, issue 15).
 */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { requireRole } from "../tickets/scope";
import { UserIdSchema, type UserIdInput } from "./schemas";
import { defaultSessionStore, endAllSessions, type SessionStore } from "../auth/sessions";
import { cancelOpenLinks } from "../people/issue-account-link";
import { writeAudit } from "../audit/write-audit";

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
  requireRole(actor, ["PROVIDER_ADMIN", "CUSTOMER_ADMIN"], "Page");
  const { userId } = parseInput(UserIdSchema, raw);
  if (userId === actor.userId) throw unprocessable("You cannot deactivate yourself", { userId: ["yourself"] });
  const deactivated = await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, organizationId: true, deactivatedAt: true, organization: { select: { isProvider: true } } } });
    if (!user || (actor.role === "CUSTOMER_ADMIN" && user.organizationId !== actor.organizationId)) throw notFound("User");
    const now = ctx.now();
    if (!user.deactivatedAt) {
      await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: now } });
      const tokens = await tx.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
      const links = await cancelOpenLinks(tx, user.id, now);
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "user.deactivate",
        targetType: "User",
        targetId: user.id,
        organizationId: user.organization.isProvider ? null : user.organizationId,
        before: { deactivated: false },
        after: { deactivated: true, tokensRevoked: tokens.count, linksCancelled: links },
      });
    }
    return { id: user.id, organizationId: user.organizationId };
  }, TRANSACTION_OPTIONS);
  await endAllSessions(sessions, deactivated.id);
  return deactivated;
}
