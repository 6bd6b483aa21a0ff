import "server-only";
/** Every organisation with its agreement and monthly fee, provider first. */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  isProvider: boolean;
  agreement: { id: string; name: string } | null;
  monthlyFeeOre: number | null;
  activeUsers: number;
  /** False once deactivated (issue 15). */
  active: boolean;
}

export async function listOrganizations({ actor, ctx }: { actor: Actor; input?: undefined; ctx: UseCaseContext }): Promise<OrganizationRow[]> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const rows = await ctx.prisma.organization.findMany({
    orderBy: [{ isProvider: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      isProvider: true,
      monthlyFeeOre: true,
      deactivatedAt: true,
      agreement: { select: { id: true, name: true } },
      _count: { select: { users: { where: { deactivatedAt: null } } } },
    },
  });
  return rows.map(({ _count, deactivatedAt, ...row }) => ({ ...row, activeUsers: _count.users, active: deactivatedAt === null }));
}
