import "server-only";
/** A customer admin's view of their own organisation's API tokens (/organisasjon/tokens): newest first, live and revoked. */
import type { ApiTokenScope } from "../../generated/prisma/enums";
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { requireRole } from "../tickets/scope";

export interface OrganizationTokenRow {
  id: string;
  name: string;
  scope: ApiTokenScope;
  displayPrefix: string;
  owner: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listOrganizationTokens({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<{ organization: { id: string; name: string }; tokens: OrganizationTokenRow[] }> {
  requireRole(actor, ["CUSTOMER_ADMIN"], "Page");
  const [organization, rows] = await Promise.all([
    ctx.prisma.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { id: true, name: true } }),
    ctx.prisma.apiToken.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      select: { id: true, name: true, scope: true, displayPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { name: true } } },
    }),
  ]);
  return { organization, tokens: rows.map(({ user, ...t }) => ({ ...t, owner: user.name })) };
}
