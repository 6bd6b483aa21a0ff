import "server-only";
/**
 * A customer admin requires (or stops requiring) two-factor sign-in for every user of their own
 * organisation; it applies from each user's next sign-in. Audited as an organisation change.
 */
import { z } from "zod";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { writeAudit } from "../audit/write-audit";
import type { UseCaseContext } from "../tickets/context";

export const SetOrganizationTwoFactorSchema = z.object({ requireTwoFactor: z.enum(["on", "off"]).transform((v) => v === "on") });
export type SetOrganizationTwoFactorInput = z.infer<typeof SetOrganizationTwoFactorSchema>;

export async function setOrganizationTwoFactor({ actor, input, ctx }: { actor: Actor; input: SetOrganizationTwoFactorInput; ctx: UseCaseContext }): Promise<void> {
  if (actor.role !== "CUSTOMER_ADMIN") throw notFound("Organization");
  await ctx.prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: actor.organizationId }, select: { requireTwoFactor: true, isProvider: true } });
    if (!org || org.isProvider) throw notFound("Organization");
    if (org.requireTwoFactor === input.requireTwoFactor) return;
    await tx.organization.update({ where: { id: actor.organizationId }, data: { requireTwoFactor: input.requireTwoFactor } });
    await writeAudit(tx, ctx, {
      actor,
      action: "organization.update",
      targetType: "organization",
      targetId: actor.organizationId,
      organizationId: actor.organizationId,
      before: { requireTwoFactor: org.requireTwoFactor },
      after: { requireTwoFactor: input.requireTwoFactor },
    });
  });
}
