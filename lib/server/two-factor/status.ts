import "server-only";
/** What the profile's two-factor page shows: whether it is on, since when, codes left, and whether it may be turned off. */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { twoFactorRequired } from "./requirement";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  required: boolean;
}

export async function twoFactorStatus({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<TwoFactorStatus> {
  const user = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { totpSecret: true, twoFactorEnabledAt: true, role: true, organization: { select: { requireTwoFactor: true } } },
  });
  const left = await ctx.prisma.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
  return { enabled: user.totpSecret !== null, enabledAt: user.twoFactorEnabledAt, recoveryCodesLeft: left, required: twoFactorRequired(user.role, user.organization.requireTwoFactor) };
}
