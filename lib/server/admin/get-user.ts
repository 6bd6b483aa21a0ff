import "server-only";
/** One user for the provider admin's edit page. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole, UUID } from "../tickets/scope";

export interface UserDetail {
  id: string;
  name: string;
  email: string;
  role: "END_USER" | "CUSTOMER_ADMIN" | "AGENT" | "ONCALL" | "PROVIDER_ADMIN";
  supportLine: "L1" | "L2" | "L3" | null;
  phone: string | null;
  active: boolean;
  organization: { id: string; name: string; isProvider: boolean };
  /** Since when our mail to the address bounces (issue 17), and the bounce's words; null when it does not. */
  emailBouncingAt: string | null;
  emailBounceReason: string | null;
}

export async function getUser({ actor, input, ctx }: { actor: Actor; input: { userId: string }; ctx: UseCaseContext }): Promise<UserDetail> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  if (!UUID.test(input.userId)) throw notFound("User");
  const user = await ctx.prisma.user.findUnique({
    where: { id: input.userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      supportLine: true,
      phone: true,
      deactivatedAt: true,
      emailBouncingAt: true,
      emailBounceReason: true,
      organization: { select: { id: true, name: true, isProvider: true } },
    },
  });
  if (!user) throw notFound("User");
  const { deactivatedAt, emailBouncingAt, ...rest } = user;
  return { ...rest, active: deactivatedAt === null, emailBouncingAt: emailBouncingAt?.toISOString() ?? null };
}
