import "server-only";
/** The users of one organisation, active first, with their role and line. */
import type { Role, SupportLine } from "../../generated/prisma/enums";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { ListUsersSchema, type ListUsersInput } from "./schemas";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  supportLine: SupportLine | null;
  deactivatedAt: Date | null;
  liveTokens: number;
}

export interface OrganizationUsers {
  organization: { id: string; name: string; isProvider: boolean };
  users: UserRow[];
}

export async function listUsers({ actor, input: raw, ctx }: { actor: Actor; input: ListUsersInput; ctx: UseCaseContext }): Promise<OrganizationUsers> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(ListUsersSchema, raw);
  const organization = await ctx.prisma.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, name: true, isProvider: true } });
  if (!organization) throw notFound("Organisation");
  const rows = await ctx.prisma.user.findMany({
    where: { organizationId: organization.id },
    orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      supportLine: true,
      deactivatedAt: true,
      _count: { select: { apiTokens: { where: { revokedAt: null } } } },
    },
  });
  return { organization, users: rows.map(({ _count, ...u }) => ({ ...u, liveTokens: _count.apiTokens })) };
}
