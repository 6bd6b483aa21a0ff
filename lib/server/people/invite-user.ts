import "server-only";
/**
 * Invites a person by e-mail (issue 15): the user is created (or, when they were invited before or
 * deactivated, their name and role updated), and gets a one-time link to choose a password, which
 * activates the account. A provider admin invites anyone into any organisation (staff roles into
 * the provider, customer roles into a customer); a customer admin invites end users and contact
 * persons (customer admins) into their own organisation only: another organisation is not found,
 * another role is refused, and nothing is written. An address with an active account is a conflict.
 */
import { CUSTOMER_ROLES, STAFF_ROLES, type Actor } from "../actor";
import { AppError, notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { issueAccountLink } from "./issue-account-link";
import { InviteUserSchema, type InviteUserInput } from "./schemas";

export const INVITERS = ["PROVIDER_ADMIN", "CUSTOMER_ADMIN"] as const;

export async function inviteUser({ actor, input: raw, ctx }: { actor: Actor; input: InviteUserInput; ctx: UseCaseContext }): Promise<{ userId: string; linkId: string; email: string }> {
  requireRole(actor, INVITERS, "Page");
  const input = parseInput(InviteUserSchema, raw);
  const customerAdmin = actor.role === "CUSTOMER_ADMIN";
  if (customerAdmin && input.organizationId !== undefined && input.organizationId !== actor.organizationId) throw notFound("Organisation");
  const organizationId = customerAdmin ? actor.organizationId : input.organizationId;
  if (!organizationId) throw unprocessable("Choose the organisation to invite into", { organizationId: ["required"] });
  if (customerAdmin && !CUSTOMER_ROLES.includes(input.role)) throw unprocessable("A customer admin invites end users and customer admins only", { role: ["customer roles only"] });
  if (input.role === "AGENT" && !input.supportLine) throw unprocessable("An agent needs a support line", { supportLine: ["required for agents"] });
  const supportLine = input.role === "AGENT" ? input.supportLine : null;
  const now = ctx.now();

  return ctx.prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true, isProvider: true } });
    if (!org || (customerAdmin && org.isProvider)) throw notFound("Organisation");
    const allowed = org.isProvider ? STAFF_ROLES : CUSTOMER_ROLES;
    if (!allowed.includes(input.role)) {
      throw unprocessable(org.isProvider ? "The provider organisation has staff roles only" : "A customer organisation has customer roles only", {
        role: [org.isProvider ? "staff roles only" : "customer roles only"],
      });
    }
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, organizationId: true, passwordHash: true, deactivatedAt: true, name: true, role: true, supportLine: true },
    });
    // Someone with an active account (they reset their password instead), or in another organisation.
    if (existing && (existing.organizationId !== org.id || (existing.passwordHash && !existing.deactivatedAt))) {
      throw new AppError("conflict", "The address has an active account or belongs elsewhere", { email: ["taken"] });
    }
    const fields = { name: input.name, role: input.role, supportLine };
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : await tx.user.create({ data: { organizationId: org.id, email: input.email, ...fields, createdAt: now }, select: { id: true } });
    const link = await issueAccountLink(tx, { userId: user.id, purpose: "INVITE", now, organizationName: org.name, invitedBy: actor.name });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: existing ? "user.reinvite" : "user.invite",
      targetType: "User",
      targetId: user.id,
      organizationId: org.isProvider ? null : org.id,
      before: existing ? { name: existing.name, role: existing.role, supportLine: existing.supportLine, deactivated: existing.deactivatedAt !== null } : null,
      after: { email: input.email, ...fields, link: "sent", expiresAt: link.expiresAt.toISOString() },
    });
    return { userId: user.id, linkId: link.id, email: input.email };
  }, TRANSACTION_OPTIONS);
}
