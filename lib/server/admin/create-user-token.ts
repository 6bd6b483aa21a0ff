import "server-only";
/** Creates an API token for an active user; the plain token is returned once and only its hash is stored. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { displayPrefixOf, generateToken, hashToken } from "../tokens/token-secret";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { CreateUserTokenSchema, type CreateUserTokenInput } from "./schemas";

export async function createUserToken({ actor, input: raw, ctx }: { actor: Actor; input: CreateUserTokenInput; ctx: UseCaseContext }): Promise<{ id: string; token: string; displayPrefix: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(CreateUserTokenSchema, raw);
  const token = generateToken();
  const row = await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: input.userId, deactivatedAt: null }, select: { id: true, organizationId: true } });
    if (!user) throw notFound("Active user");
    return tx.apiToken.create({
      data: { userId: user.id, organizationId: user.organizationId, name: input.name, tokenHash: hashToken(token), displayPrefix: displayPrefixOf(token), createdAt: ctx.now() },
      select: { id: true, displayPrefix: true },
    });
  }, TRANSACTION_OPTIONS);
  return { ...row, token };
}
