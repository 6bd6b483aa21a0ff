import "server-only";
/** A customer admin's own organisation's users, active first, each active, invited (no password yet, a live invitation) or deactivated. */
import type { Role } from "../../generated/prisma/enums";
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { requireRole } from "../tickets/scope";

export type PersonStatus = "active" | "invited" | "deactivated";

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: PersonStatus;
}

export async function listOrganizationUsers({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<{ organization: { id: string; name: string }; users: PersonRow[] }> {
  requireRole(actor, ["CUSTOMER_ADMIN"], "Page");
  const now = ctx.now();
  const [organization, rows] = await Promise.all([
    ctx.prisma.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { id: true, name: true } }),
    ctx.prisma.user.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        deactivatedAt: true,
        passwordHash: true,
        accountLinks: { where: { purpose: "INVITE", usedAt: null, cancelledAt: null, expiresAt: { gt: now } }, select: { id: true }, take: 1 },
      },
    }),
  ]);
  const users = rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status: (u.deactivatedAt ? "deactivated" : !u.passwordHash && u.accountLinks.length > 0 ? "invited" : "active") as PersonStatus,
  }));
  return { organization, users };
}
