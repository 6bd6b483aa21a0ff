import "server-only";
/** A new set of recovery codes (the old ones stop working), confirmed with a current code not taken before (take-totp-code.ts); returned once, in clear. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { writeAudit } from "../audit/write-audit";
import type { TwoFactorContext } from "./context";
import { openTotpSecret } from "./context";
import { wrongCode } from "./confirm-enrolment";
import { auditOrganizationOf } from "./requirement";
import { newRecoveryCodes } from "./recovery-codes";
import { takeTotpCode } from "./take-totp-code";

export async function regenerateRecoveryCodes({ actor, code, ctx }: { actor: Actor; code: string; ctx: TwoFactorContext }): Promise<{ recoveryCodes: string[] }> {
  const user = await ctx.prisma.user.findUnique({ where: { id: actor.userId }, select: { id: true, role: true, organizationId: true, totpSecret: true, totpLastStep: true } });
  if (!user?.totpSecret) throw notFound("Two-factor sign-in");
  const now = ctx.now();
  const secret = openTotpSecret(ctx, user.totpSecret);
  const { codes, hashes } = newRecoveryCodes();
  await ctx.prisma.$transaction(async (tx) => {
    // The code is taken with the new set, so a failed change leaves it untaken.
    if (!(await takeTotpCode(tx, user, secret, code, now))) throw wrongCode();
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: user.id, codeHash, createdAt: now })) });
    await writeAudit(tx, ctx, {
      actor,
      action: "two_factor.recovery_codes_regenerated",
      targetType: "User",
      targetId: user.id,
      organizationId: auditOrganizationOf(user),
      after: { recoveryCodes: hashes.length },
    });
  });
  return { recoveryCodes: codes };
}
