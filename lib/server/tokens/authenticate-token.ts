import "server-only";
/**
 * Resolves a bearer token to the acting user: the token must be known (by hash), not revoked, not
 * expired, and its user active and still in the token's organisation. lastUsedAt is written at
 * most once a minute, so a busy client does not cost a write per call.
 */
import type { ApiTokenScope } from "../../generated/prisma/enums";
import { loadActor, type Actor } from "../actor";
import type { TokenContext } from "./context";
import { TOKEN_PATTERN, hashToken } from "./token-secret";

const LAST_USED_GRANULARITY_MS = 60_000;

/** The acting user and what the token may do (READ: GET and HEAD only; READ_WRITE: everything the user may). */
export interface TokenAuthentication {
  actor: Actor;
  scope: ApiTokenScope;
}

export async function authenticateToken({ token, ctx }: { token: string; ctx: TokenContext }): Promise<Actor | null> {
  return (await authenticateTokenWithScope({ token, ctx }))?.actor ?? null;
}

export async function authenticateTokenWithScope({ token, ctx }: { token: string; ctx: TokenContext }): Promise<TokenAuthentication | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const now = ctx.now();
  const row = await ctx.prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, organizationId: true, lastUsedAt: true, expiresAt: true, revokedAt: true, scope: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const actor = await loadActor(ctx.prisma, row.userId);
  if (!actor || actor.organizationId !== row.organizationId) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await ctx.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { actor, scope: row.scope };
}
