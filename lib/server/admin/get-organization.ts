import "server-only";
/** One customer organisation for its admin page: its settings and its users (contact persons marked). */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole, UUID } from "../tickets/scope";
import { organizationSnapshot, ORGANIZATION_SNAPSHOT_SELECT, type OrganizationSnapshot } from "./organization-record";

export interface OrganizationDetail extends OrganizationSnapshot {
  id: string;
  active: boolean;
  agreementName: string | null;
  contactPersons: number;
  users: Array<{ id: string; name: string; email: string; role: string; active: boolean; contactPerson: boolean }>;
}

export async function getOrganization({ actor, input, ctx }: { actor: Actor; input: { organizationId: string }; ctx: UseCaseContext }): Promise<OrganizationDetail> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  if (!UUID.test(input.organizationId)) throw notFound("Organisation");
  const org = await ctx.prisma.organization.findUnique({
    where: { id: input.organizationId },
    select: {
      id: true,
      isProvider: true,
      deactivatedAt: true,
      agreement: { select: { name: true } },
      users: { orderBy: [{ name: "asc" }], select: { id: true, name: true, email: true, role: true, deactivatedAt: true, isContactPerson: true } },
      ...ORGANIZATION_SNAPSHOT_SELECT,
    },
  });
  if (!org || org.isProvider) throw notFound("Organisation");
  const { id, isProvider: _provider, deactivatedAt, agreement, users, ...snapshot } = org;
  void _provider;
  const people = users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, active: u.deactivatedAt === null, contactPerson: u.isContactPerson }));
  return {
    id,
    active: deactivatedAt === null,
    agreementName: agreement?.name ?? null,
    contactPersons: people.filter((u) => u.active && u.contactPerson).length,
    users: people,
    ...organizationSnapshot(snapshot),
  };
}
