import "server-only";
/**
 * A customer admin requires (or stops requiring) two-factor sign-in for every user of their own
 * organisation. Audited as an organisation change. Turning it on ends the sessions of the users
 * who have not enrolled (the admin who turned it on excepted), so each of them enrols at once at
 * the next sign-in; those who have enrolled already give a code at every sign-in.
 */
import { z } from "zod";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { writeAudit } from "../audit/write-audit";
import type { UseCaseContext } from "../tickets/context";
import { defaultSessionStore, endAllSessions, type SessionStore } from "../auth/sessions";

export const SetOrganizationTwoFactorSchema = z.object({ requireTwoFactor: z.enum(["on", "off"]).transform((v) => v === "on") });
export type SetOrganizationTwoFactorInput = z.infer<typeof SetOrganizationTwoFactorSchema>;

export async function setOrganizationTwoFactor({
  actor,
  input,
  ctx,
  sessions = defaultSessionStore(),
}: {
  actor: Actor;
  input: SetOrganizationTwoFactorInput;
  ctx: UseCaseContext;
  sessions?: SessionStore;
}): Promise<void> {
  if (actor.role !== "CUSTOMER_ADMIN") throw notFound("Organization");
  const changed = await ctx.prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: actor.organizationId }, select: { requireTwoFactor: true, isProvider: true } });
    if (!org || org.isProvider) throw notFound("Organization");
    if (org.requireTwoFactor === input.requireTwoFactor) return false;
    await tx.organization.update({ where: { id: actor.organizationId }, data: { requireTwoFactor: input.requireTwoFactor } });
    await writeAudit(tx, ctx, {
      actor,
      action: "organization.update",
      targetType: "Organization",
      targetId: actor.organizationId,
      organizationId: actor.organizationId,
      before: { requireTwoFactor: org.requireTwoFactor },
      after: { requireTwoFactor: input.requireTwoFactor },
    });
    return true;
  });
  if (!changed || !input.requireTwoFactor) return;
  const unenrolled = await ctx.prisma.user.findMany({ where: { organizationId: actor.organizationId, totpSecret: null, id: { not: actor.userId } }, select: { id: true } });
  for (const user of unenrolled) await endAllSessions(sessions, user.id);
}
