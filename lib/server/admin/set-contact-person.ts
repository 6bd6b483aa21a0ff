import "server-only";
/**
 * Marks a customer's user as a contact person (who may register cases, 003), or unmarks them.
 * The organisation's limit (Pureservice: three) is enforced under a lock on the organisation's row,
 * so two admins marking at once cannot pass it. One audit row per change.
 */
import { CUSTOMER_ROLES, type Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { SetContactPersonSchema, type SetContactPersonInput } from "./organization-schemas";

export async function setContactPerson({
  actor,
  input: raw,
  ctx,
}: {
  actor: Actor;
  input: SetContactPersonInput;
  ctx: UseCaseContext;
}): Promise<{ id: string; organizationId: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(SetContactPersonSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, organizationId: true, isContactPerson: true, deactivatedAt: true } });
    if (!user || !CUSTOMER_ROLES.includes(user.role)) throw notFound("User");
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${user.organizationId}::uuid FOR UPDATE`;
    if (user.isContactPerson === input.contactPerson) return { id: user.id, organizationId: user.organizationId, changed: false };
    if (input.contactPerson) {
      if (user.deactivatedAt) throw unprocessable("A deactivated user cannot be a contact person", { contactPerson: ["deactivated"] });
      const org = await tx.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { contactPersonLimit: true } });
      const contacts = await tx.user.count({ where: { organizationId: user.organizationId, isContactPerson: true, deactivatedAt: null } });
      if (org.contactPersonLimit !== null && contacts >= org.contactPersonLimit) {
        throw unprocessable(`The organisation already has its ${org.contactPersonLimit} contact persons`, { contactPerson: [`limit ${org.contactPersonLimit}`] });
      }
    }
    await tx.user.update({ where: { id: user.id }, data: { isContactPerson: input.contactPerson } });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "user.contact_person",
      targetType: "User",
      targetId: user.id,
      organizationId: user.organizationId,
      before: { contactPerson: user.isContactPerson },
      after: { contactPerson: input.contactPerson },
    });
    return { id: user.id, organizationId: user.organizationId, changed: true };
  }, TRANSACTION_OPTIONS);
}
