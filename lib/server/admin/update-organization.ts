import "server-only";
/**
 * Changes a customer organisation's settings (issue 15). A lower contact-person limit than the
 * contact persons it has is refused (unmark someone first). One audit row with the changed fields
 * before and after; nothing when nothing changed.
 */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { changedFields, writeAudit } from "../audit/write-audit";
import { UpdateOrganizationSchema, type UpdateOrganizationInput } from "./organization-schemas";
import { checkOrganizationFields, organizationData, organizationSnapshot, ORGANIZATION_SNAPSHOT_SELECT, rethrowUniqueViolation } from "./organization-record";

export async function updateOrganization({ actor, input: raw, ctx }: { actor: Actor; input: UpdateOrganizationInput; ctx: UseCaseContext }): Promise<{ id: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { organizationId, ...fields } = parseInput(UpdateOrganizationSchema, raw);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      // The row lock orders this against a contact person being marked meanwhile.
      await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
      const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, isProvider: true, ...ORGANIZATION_SNAPSHOT_SELECT } });
      if (!org || org.isProvider) throw notFound("Organisation");
      await checkOrganizationFields(tx, fields, org.id);
      if (fields.contactPersonLimit !== null) {
        const contacts = await tx.user.count({ where: { organizationId: org.id, isContactPerson: true, deactivatedAt: null } });
        if (contacts > fields.contactPersonLimit) throw unprocessable(`The organisation has ${contacts} contact persons`, { contactPersonLimit: [`below the ${contacts} contact persons it has`] });
      }
      const before = organizationSnapshot(org);
      const after = { ...before, ...fields, emailDomains: [...fields.emailDomains].sort() };
      const diff = changedFields(before, after);
      if (!diff) return { id: org.id, changed: false };
      await tx.organization.update({ where: { id: org.id }, data: organizationData(fields) });
      if (JSON.stringify(before.emailDomains) !== JSON.stringify([...fields.emailDomains].sort())) {
        await tx.organizationEmailDomain.deleteMany({ where: { organizationId: org.id } });
        await tx.organizationEmailDomain.createMany({ data: fields.emailDomains.map((domain) => ({ domain, organizationId: org.id })) });
      }
      await writeAudit(tx, ctx, { actor: { userId: actor.userId, email: actor.email }, action: "organization.update", targetType: "Organization", targetId: org.id, organizationId: org.id, ...diff });
      return { id: org.id, changed: true };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    rethrowUniqueViolation(error);
  }
}
