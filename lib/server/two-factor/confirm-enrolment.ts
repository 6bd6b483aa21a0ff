import "server-only";
/**
 * Enrolment, second half: a code from the app proves the secret was stored; the secret becomes
 * the user's, a fresh set of recovery codes replaces any old one, and the audit log says so. The
 * recovery codes are returned once, in clear, to be shown once. The code counts as taken (the
 * enrolment at sign-in completes the session), so it cannot sign in again (verify-second-factor.ts).
 */
import { AppError, notFound } from "../errors";
import { writeAudit } from "../audit/write-audit";
import type { TwoFactorContext } from "./context";
import { openTotpSecret } from "./context";
import { auditOrganizationOf } from "./requirement";
import { newRecoveryCodes } from "./recovery-codes";
import { totpMatchedStep } from "./totp";

export const wrongCode = () => new AppError("bad_request", "The code is not right", { code: ["The code is not right"] });

export async function confirmTwoFactorEnrolment({ userId, code, ctx }: { userId: string; code: string; ctx: TwoFactorContext }): Promise<{ recoveryCodes: string[] }> {
  const user = await ctx.prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, organizationId: true, totpPendingSecret: true, totpSecret: true, totpLastStep: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt || !user.totpPendingSecret || user.totpSecret) throw notFound("Enrolment");
  const now = ctx.now();
  const step = await totpMatchedStep(openTotpSecret(ctx, user.totpPendingSecret), code, now, null);
  if (step === null) throw wrongCode();
  const { codes, hashes } = newRecoveryCodes();
  await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpPendingSecret: user.totpPendingSecret, totpSecret: null },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, twoFactorEnabledAt: now, totpLastStep: Math.max(step, user.totpLastStep ?? step) },
    });
    if (count !== 1) throw notFound("Enrolment");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: user.id, codeHash, createdAt: now })) });
    await writeAudit(tx, ctx, {
      actor: { userId: user.id, email: user.email },
      action: "two_factor.enrol",
      targetType: "User",
      targetId: user.id,
      organizationId: auditOrganizationOf(user),
      after: { twoFactor: true, recoveryCodes: hashes.length },
    });
  });
  return { recoveryCodes: codes };
}
