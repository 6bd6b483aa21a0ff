import "server-only";
/**
 * Changes a user's name, e-mail, role, line and phone (issue 15), under the rules of creating one:
 * staff roles in the provider organisation and customer roles in a customer's, agents with a line,
 * e-mail unique. An admin cannot change their own role (nobody locks the last admin out by
 * mistake). The actor is re-read on every request, so a new role applies at once. One audit row.
 */
import { CUSTOMER_ROLES, STAFF_ROLES, type Actor } from "../actor";
import { AppError, notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { changedFields, writeAudit } from "../audit/write-audit";
import { UpdateUserSchema, type UpdateUserInput } from "./user-edit-schemas";

export async function updateUser({ actor, input: raw, ctx }: { actor: Actor; input: UpdateUserInput; ctx: UseCaseContext }): Promise<{ id: string; organizationId: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(UpdateUserSchema, raw);
  if (input.role === "AGENT" && !input.supportLine) throw unprocessable("An agent needs a support line", { supportLine: ["required for agents"] });
  const supportLine = input.role === "AGENT" ? input.supportLine : null;
  return ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, name: true, email: true, role: true, supportLine: true, phone: true, organizationId: true, organization: { select: { isProvider: true } } },
    });
    if (!user) throw notFound("User");
    const allowed = user.organization.isProvider ? STAFF_ROLES : CUSTOMER_ROLES;
    if (!allowed.includes(input.role)) throw unprocessable("The role does not fit the organisation", { role: [user.organization.isProvider ? "staff roles only" : "customer roles only"] });
    if (user.id === actor.userId && input.role !== user.role) throw unprocessable("You cannot change your own role", { role: ["yourself"] });
    if (input.email !== user.email) {
      const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) throw new AppError("conflict", `A user with e-mail ${input.email} exists`, { email: ["taken"] });
    }
    const { organization: _org, id, organizationId, ...before } = user;
    void _org;
    const after = { name: input.name, email: input.email, role: input.role, supportLine, phone: input.phone };
    const diff = changedFields(before, after);
    if (!diff) return { id, organizationId, changed: false };
    await tx.user.update({ where: { id }, data: { ...after, ...(after.role === "AGENT" ? {} : { isLineLead: false }) } });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: diff.after.role !== undefined ? "user.role_change" : "user.update",
      targetType: "User",
      targetId: id,
      organizationId: user.organization.isProvider ? null : organizationId,
      ...diff,
    });
    return { id, organizationId, changed: true };
  }, TRANSACTION_OPTIONS);
}
