import "server-only";
/** A user's API tokens: display prefix, name, scope, last use and whether revoked (never the token). */
import type { ApiTokenScope } from "../../generated/prisma/enums";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { UserIdSchema, type UserIdInput } from "./schemas";

export interface UserTokens {
  user: { id: string; name: string; email: string; organizationId: string; organizationName: string; active: boolean };
  tokens: Array<{ id: string; name: string; scope: ApiTokenScope; displayPrefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }>;
}

export async function listUserTokens({ actor, input: raw, ctx }: { actor: Actor; input: UserIdInput; ctx: UseCaseContext }): Promise<UserTokens> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { userId } = parseInput(UserIdSchema, raw);
  const user = await ctx.prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      organizationId: true,
      deactivatedAt: true,
      organization: { select: { name: true } },
      apiTokens: { orderBy: { createdAt: "desc" }, select: { id: true, name: true, scope: true, displayPrefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } },
    },
  });
  if (!user) throw notFound("User");
  return {
    user: { id: user.id, name: user.name, email: user.email, organizationId: user.organizationId, organizationName: user.organization.name, active: !user.deactivatedAt },
    tokens: user.apiTokens,
  };
}
