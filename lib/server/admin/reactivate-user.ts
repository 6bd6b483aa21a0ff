import "server-only";
/**
 * Activates a deactivated user again (issue 15): they can sign in with their password or identity
 * provider once more. Their API tokens stay revoked and their old links cancelled (deactivate-user
 * ended them for good); a new token or invitation is a new decision. One audit row.
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { UserIdSchema, type UserIdInput } from "./schemas";

export async function reactivateUser({ actor, input: raw, ctx }: { actor: Actor; input: UserIdInput; ctx: UseCaseContext }): Promise<{ id: string; organizationId: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { userId } = parseInput(UserIdSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, organizationId: true, deactivatedAt: true, organization: { select: { isProvider: true } } } });
    if (!user) throw notFound("User");
    if (!user.deactivatedAt) return { id: user.id, organizationId: user.organizationId, changed: false };
    // A fresh start: no lockout carried over from before.
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: null, failedLogins: 0, lockedUntil: null } });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "user.reactivate",
      targetType: "User",
      targetId: user.id,
      organizationId: user.organization.isProvider ? null : user.organizationId,
      before: { deactivated: true },
      after: { deactivated: false },
    });
    return { id: user.id, organizationId: user.organizationId, changed: true };
  }, TRANSACTION_OPTIONS);
}
