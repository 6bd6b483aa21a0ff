import "server-only";
/**
 * Creates a bearer token for a user of the REST API. The token is returned once; only its hash is
 * stored, with the user's organisation so the rate limit and tenancy follow the token.
 */
import { notFound } from "../errors";
import type { TokenContext } from "./context";
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
}

export async function createApiToken({ input, ctx }: { input: CreateApiTokenInput; ctx: TokenContext }): Promise<CreatedApiToken> {
  const { email, name, expiresAt } = CreateApiTokenSchema.parse(input);
  const user = await ctx.prisma.user.findUnique({
    where: { email },
    select: { id: true, organizationId: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) throw notFound(`Active user with e-mail ${email}`);
  const token = generateToken();
  const row = await ctx.prisma.apiToken.create({
    data: {
      userId: user.id,
      organizationId: user.organizationId,
      name,
      tokenHash: hashToken(token),
      displayPrefix: displayPrefixOf(token),
      expiresAt: expiresAt ?? null,
      createdAt: ctx.now(),
    },
    select: { id: true, name: true, displayPrefix: true, userId: true, organizationId: true, expiresAt: true },
  });
  return { token, ...row };
}
