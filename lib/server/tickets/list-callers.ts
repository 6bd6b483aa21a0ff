import "server-only";
/**
 * Who a call can be registered for (issue 19, /arbeid/ny): the active customer organisations and
 * their active users, by name, for staff.
 */
import { CUSTOMER_ROLES, STAFF_ROLES, type Actor } from "../actor";
import type { UseCaseContext } from "./context";
import { requireRole } from "./scope";

export interface CallerOrganization {
  id: string;
  name: string;
  users: Array<{ id: string; name: string; email: string }>;
}

export async function listCallers({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<CallerOrganization[]> {
  requireRole(actor, STAFF_ROLES, "Page");
  const orgs = await ctx.prisma.organization.findMany({
    where: { isProvider: false, deactivatedAt: null },
    select: {
      id: true,
      name: true,
      users: { where: { deactivatedAt: null, role: { in: [...CUSTOMER_ROLES] } }, select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { id: "asc" }] },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return orgs;
}
