import "server-only";
/**
 * Creates a bearer token for a user of the REST API. The token is returned once; only its hash is
 * stored, with the user's organisation so the rate limit and tenancy follow the token.
 */
import type { ApiTokenScope } from "../../generated/prisma/enums";
import { notFound } from "../errors";
import type { TokenContext } from "./context";
import { writeAudit } from "../audit/write-audit";
import { CreateApiTokenSchema, type CreateApiTokenInput } from "./schemas";
import { displayPrefixOf, generateToken, hashToken } from "./token-secret";

export interface CreatedApiToken {
  /** The plain token: shown once, never stored. */
  token: string;
  id: string;
  name: string;
  displayPrefix: string;
  userId: string;
  organizationId: string;
  expiresAt: Date | null;
  scope: ApiTokenScope;
}

export async function createApiToken({ input, ctx }: { input: CreateApiTokenInput; ctx: TokenContext }): Promise<CreatedApiToken> {
  const { email, name, expiresAt, scope } = CreateApiTokenSchema.parse(input);
  const user = await ctx.prisma.user.findUnique({
    where: { email },
    select: { id: true, organizationId: true, deactivatedAt: true, organization: { select: { isProvider: true } } },
  });
  if (!user || user.deactivatedAt) throw notFound(`Active user with e-mail ${email}`);
  const token = generateToken();
  const row = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        scope,
        userId: user.id,
        organizationId: user.organizationId,
        name,
        tokenHash: hashToken(token),
        displayPrefix: displayPrefixOf(token),
        expiresAt: expiresAt ?? null,
        createdAt: ctx.now(),
      },
      select: { id: true, name: true, displayPrefix: true, userId: true, organizationId: true, expiresAt: true, scope: true },
    });
    // From the CLI: no signed-in actor (the system).
    await writeAudit(tx, ctx, {
      actor: null,
      action: "token.create",
      targetType: "ApiToken",
      targetId: created.id,
      organizationId: user.organization.isProvider ? null : user.organizationId,
      after: { name, scope, userId: user.id, displayPrefix: created.displayPrefix },
    });
    return created;
  });
  return { token, ...row };
}
