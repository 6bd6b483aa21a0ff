import "server-only";
/** Puts a customer organisation on another agreement (or none); new tickets are measured by it. */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { ChangeOrganizationAgreementSchema, type ChangeOrganizationAgreementInput } from "./schemas";

export async function changeOrganizationAgreement({
  actor,
  input: raw,
  ctx,
}: {
  actor: Actor;
  input: ChangeOrganizationAgreementInput;
  ctx: UseCaseContext;
}): Promise<{ organizationId: string; agreementId: string | null }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(ChangeOrganizationAgreementSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, isProvider: true, agreementId: true } });
    if (!org) throw notFound("Organisation");
    if (org.isProvider) throw unprocessable("The provider organisation has no agreement", { agreementId: ["the provider has no agreement"] });
    if (input.agreementId) {
      const agreement = await tx.serviceAgreement.findUnique({ where: { id: input.agreementId }, select: { id: true } });
      if (!agreement) throw unprocessable("No such agreement", { agreementId: ["unknown agreement"] });
    }
    if (org.agreementId === input.agreementId) return { organizationId: org.id, agreementId: input.agreementId };
    await tx.organization.update({ where: { id: org.id }, data: { agreementId: input.agreementId } });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "organization.update",
      targetType: "Organization",
      targetId: org.id,
      organizationId: org.id,
      before: { agreementId: org.agreementId },
      after: { agreementId: input.agreementId },
    });
    return { organizationId: org.id, agreementId: input.agreementId };
  }, TRANSACTION_OPTIONS);
}
