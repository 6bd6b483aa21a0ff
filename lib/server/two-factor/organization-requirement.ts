import "server-only";
/** Whether the customer admin's own organisation requires two-factor sign-in (for the toggle on /organisasjon/brukere). */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";

export async function organizationRequiresTwoFactor({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<boolean> {
  if (actor.role !== "CUSTOMER_ADMIN") throw notFound("Organization");
  const org = await ctx.prisma.organization.findUnique({ where: { id: actor.organizationId }, select: { requireTwoFactor: true } });
  if (!org) throw notFound("Organization");
  return org.requireTwoFactor;
}
