import "server-only";
/**
 * Creates an API token for an active user; the plain token is returned once and only its hash is
 * stored. Provider admins for anyone; a customer admin for a user of their own organisation only
 * (anyone else is "not found"). Scope READ (GET only) or READ_WRITE. Audited as "token.create".
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { displayPrefixOf, generateToken, hashToken } from "../tokens/token-secret";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { CreateUserTokenSchema, type CreateUserTokenInput } from "./schemas";
import { TOKEN_ADMINS } from "./revoke-user-token";

export async function createUserToken({ actor, input: raw, ctx }: { actor: Actor; input: CreateUserTokenInput; ctx: UseCaseContext }): Promise<{ id: string; token: string; displayPrefix: string }> {
  requireRole(actor, TOKEN_ADMINS, "Page");
  const input = parseInput(CreateUserTokenSchema, raw);
  const token = generateToken();
  const row = await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: input.userId, deactivatedAt: null, ...(actor.role === "PROVIDER_ADMIN" ? {} : { organizationId: actor.organizationId }) },
      select: { id: true, organizationId: true, organization: { select: { isProvider: true } } },
    });
    if (!user) throw notFound("Active user");
    const created = await tx.apiToken.create({
      data: { userId: user.id, organizationId: user.organizationId, name: input.name, scope: input.scope, tokenHash: hashToken(token), displayPrefix: displayPrefixOf(token), createdAt: ctx.now() },
      select: { id: true, displayPrefix: true },
    });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "token.create",
      targetType: "ApiToken",
      targetId: created.id,
      organizationId: user.organization.isProvider ? null : user.organizationId,
      after: { name: input.name, scope: input.scope, userId: user.id, displayPrefix: created.displayPrefix },
    });
    return created;
  }, TRANSACTION_OPTIONS);
  return { ...row, token };
}
