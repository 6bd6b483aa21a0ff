import "server-only";
/**
 * Revokes one API token by id; the next call with it is refused. A token already revoked stays so.
 * Provider admins any token; a customer admin their own organisation's only (others: "not
 * found"). Audited as "token.revoke".
 */
import type { Role } from "../../generated/prisma/enums";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { RevokeUserTokenSchema, type RevokeUserTokenInput } from "./schemas";

/** Who manages API tokens: provider admins, and customer admins for their own organisation. */
export const TOKEN_ADMINS: readonly Role[] = ["PROVIDER_ADMIN", "CUSTOMER_ADMIN"];

export async function revokeUserToken({ actor, input: raw, ctx }: { actor: Actor; input: RevokeUserTokenInput; ctx: UseCaseContext }): Promise<{ userId: string }> {
  requireRole(actor, TOKEN_ADMINS, "Page");
  const { tokenId } = parseInput(RevokeUserTokenSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: tokenId },
      select: { id: true, userId: true, organizationId: true, name: true, displayPrefix: true, revokedAt: true, organization: { select: { isProvider: true } } },
    });
    if (!token || (actor.role !== "PROVIDER_ADMIN" && token.organizationId !== actor.organizationId)) throw notFound("API token");
    if (!token.revokedAt) {
      await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: ctx.now() } });
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "token.revoke",
        targetType: "ApiToken",
        targetId: token.id,
        organizationId: token.organization.isProvider ? null : token.organizationId,
        before: { name: token.name, displayPrefix: token.displayPrefix, revoked: false },
        after: { name: token.name, displayPrefix: token.displayPrefix, revoked: true },
      });
    }
    return { userId: token.userId };
  }, TRANSACTION_OPTIONS);
}
