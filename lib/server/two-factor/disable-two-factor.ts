import "server-only";
/**
 * Turning two-factor sign-in off, confirmed with a current code not taken before (take-totp-code.ts): only for someone who is not
 * required to have it (staff and users of an organisation that requires it are refused).
 */
import type { Actor } from "../actor";
import { AppError, notFound } from "../errors";
import { writeAudit } from "../audit/write-audit";
import type { TwoFactorContext } from "./context";
import { openTotpSecret } from "./context";
import { wrongCode } from "./confirm-enrolment";
import { auditOrganizationOf, twoFactorRequired } from "./requirement";
import { takeTotpCode } from "./take-totp-code";

export async function disableTwoFactor({ actor, code, ctx }: { actor: Actor; code: string; ctx: TwoFactorContext }): Promise<void> {
  const user = await ctx.prisma.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, role: true, organizationId: true, totpSecret: true, totpLastStep: true, organization: { select: { requireTwoFactor: true } } },
  });
  if (!user?.totpSecret) throw notFound("Two-factor sign-in");
  if (twoFactorRequired(user.role, user.organization.requireTwoFactor))
    throw new AppError("conflict", "Two-factor sign-in is required for this account", { _: ["Two-factor sign-in is required for this account"] });
  const secret = openTotpSecret(ctx, user.totpSecret);
  await ctx.prisma.$transaction(async (tx) => {
    // The code is taken with the change, so a refused or failed change leaves it untaken.
    if (!(await takeTotpCode(tx, user, secret, code, ctx.now()))) throw wrongCode();
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpPendingSecret: null, twoFactorEnabledAt: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await writeAudit(tx, ctx, {
      actor,
      action: "two_factor.disable",
      targetType: "User",
      targetId: user.id,
      organizationId: auditOrganizationOf(user),
      before: { twoFactor: true },
      after: { twoFactor: false },
    });
  });
}
