import "server-only";
/** Revokes one API token by id; the next call with it is refused. A token already revoked stays so. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { RevokeUserTokenSchema, type RevokeUserTokenInput } from "./schemas";

export async function revokeUserToken({ actor, input: raw, ctx }: { actor: Actor; input: RevokeUserTokenInput; ctx: UseCaseContext }): Promise<{ userId: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { tokenId } = parseInput(RevokeUserTokenSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, userId: true, revokedAt: true } });
    if (!token) throw notFound("API token");
    if (!token.revokedAt) await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: ctx.now() } });
    return { userId: token.userId };
  }, TRANSACTION_OPTIONS);
}
