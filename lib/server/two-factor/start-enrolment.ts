import "server-only";
/**
 * Enrolment, first half: the secret to put in an authenticator app (as text and as an otpauth://
 * URI), kept encrypted as the user's pending secret until a code confirms it. Showing the page
 * again shows the same secret; an enrolled user gets a conflict (disable first).
 */
import { conflict, notFound } from "../errors";
import type { TwoFactorContext } from "./context";
import { openTotpSecret, sealTotpSecret } from "./context";
import { newTotpSecret, totpUri } from "./totp";

export interface Enrolment {
  secret: string;
  uri: string;
}

export async function startTwoFactorEnrolment({ userId, ctx }: { userId: string; ctx: TwoFactorContext }): Promise<Enrolment> {
  const user = await ctx.prisma.user.findUnique({ where: { id: userId }, select: { email: true, totpSecret: true, totpPendingSecret: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) throw notFound("User");
  if (user.totpSecret) throw conflict("Two-factor sign-in is already on");
  let secret = user.totpPendingSecret ? openTotpSecret(ctx, user.totpPendingSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    // Only if no other request stored one meanwhile; then that one is shown.
    const { count } = await ctx.prisma.user.updateMany({ where: { id: userId, totpPendingSecret: null, totpSecret: null }, data: { totpPendingSecret: sealTotpSecret(ctx, secret) } });
    if (count === 0) return startTwoFactorEnrolment({ userId, ctx });
  }
  return { secret, uri: totpUri(secret, user.email) };
}
