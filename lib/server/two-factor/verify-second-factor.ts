import "server-only";
/**
 * The second step of a sign-in: a code from the authenticator app, or one of the recovery codes
 * (used up as it is used). An app code is good for one sign-in: a code of the step last taken, or
 * an earlier one, is refused (someone who saw it over a shoulder cannot use it again). A wrong code
 * counts as a failed sign-in (the same lockout as a wrong password, so six digits cannot be
 * guessed), and every outcome is in the audit log.
 */
import { writeAudit } from "../audit/write-audit";
import { currentLock, recordFailedLogin } from "../auth/failed-logins";
import { lockoutPolicy } from "../auth/sign-in-with-password";
import type { TwoFactorContext } from "./context";
import { openTotpSecret } from "./context";
import { auditOrganizationOf } from "./requirement";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { takeTotpCode } from "./take-totp-code";

export type SecondFactorResult = { ok: true; method: "totp" | "recovery_code"; recoveryCodesLeft?: number } | { ok: false; reason: "wrong_code" | "locked" };

export async function verifySecondFactor({ userId, code, ctx }: { userId: string; code: string; ctx: TwoFactorContext }): Promise<SecondFactorResult> {
  const now = ctx.now();
  const user = await ctx.prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, organizationId: true, totpSecret: true, totpLastStep: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt || !user.totpSecret) return { ok: false, reason: "wrong_code" };
  if ((await currentLock(ctx.prisma, user.id, now)).locked) return { ok: false, reason: "locked" };
  const who = { actor: { userId: user.id, email: user.email }, targetType: "User" as const, targetId: user.id, organizationId: auditOrganizationOf(user) };

  if (looksLikeRecoveryCode(code)) {
    const used = await ctx.prisma.$transaction(async (tx) => {
      const { count } = await tx.recoveryCode.updateMany({ where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
      if (count !== 1) return null;
      const left = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
      await writeAudit(tx, ctx, { ...who, action: "two_factor.recovery_code_used", after: { recoveryCodesLeft: left } });
      return left;
    });
    if (used !== null) return { ok: true, method: "recovery_code", recoveryCodesLeft: used };
  } else {
    if (await takeTotpCode(ctx.prisma, user, openTotpSecret(ctx, user.totpSecret), code, now)) {
      await writeAudit(ctx.prisma, ctx, { ...who, action: "auth.two_factor", after: { method: "totp" } });
      return { ok: true, method: "totp" };
    }
  }

  const outcome = await recordFailedLogin(ctx.prisma, user.id, now, ctx.policy ?? lockoutPolicy());
  await writeAudit(ctx.prisma, ctx, { ...who, action: "auth.two_factor_failed", after: { locked: outcome.locked } });
  return { ok: false, reason: outcome.locked ? "locked" : "wrong_code" };
}
