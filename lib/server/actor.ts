import "server-only";
/**
 * Who is acting: resolved from a session or an API token, always re-read from the database so a
 * deactivated user or a changed role takes effect at once. Staff roles belong to the provider
 * organisation and customer roles to a customer organisation; anything else fails closed.
 */
import type { Role, SupportLine } from "../generated/prisma/enums";
import type { PrismaClient } from "../generated/prisma/client";

export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  /** Agents only. */
  supportLine: SupportLine | null;
  email: string;
  name: string;
  locale: string;
}

export const STAFF_ROLES: readonly Role[] = ["AGENT", "ONCALL", "PROVIDER_ADMIN"];
export const CUSTOMER_ROLES: readonly Role[] = ["END_USER", "CUSTOMER_ADMIN"];

export const isStaff = (actor: Actor): boolean => STAFF_ROLES.includes(actor.role);

/** The actor for a user id, or null when the user (or their organisation) does not exist, is deactivated, or is inconsistent. */
export async function loadActor(prisma: PrismaClient, userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      supportLine: true,
      locale: true,
      deactivatedAt: true,
      organizationId: true,
      organization: { select: { isProvider: true, deactivatedAt: true } },
    },
  });
  // A deactivated user, or a user of a deactivated organisation, is nobody (issue 15).
  if (!user || user.deactivatedAt || user.organization.deactivatedAt) return null;
  const staff = STAFF_ROLES.includes(user.role);
  if (staff !== user.organization.isProvider) return null;
  if (user.role === "AGENT" && !user.supportLine) return null;
  return {
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    supportLine: user.role === "AGENT" ? user.supportLine : null,
    email: user.email,
    name: user.name,
    locale: user.locale,
  };
}
