import "server-only";
/**
 * Who must give a second factor: provider staff always, a customer when their organisation
 * requires it, and anyone who turned it on. The stage of a fresh sign-in follows: a code
 * ("verify") when a secret is enrolled, enrolment first ("enrol") when it is required but missing.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { STAFF_ROLES } from "../actor";

export type SecondFactorStage = "verify" | "enrol";

export const twoFactorRequired = (role: Role, organizationRequires: boolean): boolean => STAFF_ROLES.includes(role) || organizationRequires;

/** The stage a user's new session starts in; null when no second factor is needed. */
export async function secondFactorStage(prisma: PrismaClient, userId: string): Promise<SecondFactorStage | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, totpSecret: true, organization: { select: { requireTwoFactor: true } } } });
  if (!user) return null;
  if (user.totpSecret) return "verify";
  return twoFactorRequired(user.role, user.organization.requireTwoFactor) ? "enrol" : null;
}

/** The audit row's organisation for a user: a customer's own organisation, null (provider-wide) for staff. */
export const auditOrganizationOf = (user: { role: Role; organizationId: string }): string | null => (STAFF_ROLES.includes(user.role) ? null : user.organizationId);
