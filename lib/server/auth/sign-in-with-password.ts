import "server-only";
/**
 * Sign-in with e-mail and password (SLA-RULES.md §5: local accounts, OWASP baseline). Unknown
 * e-mail, wrong password, a deactivated and a locked account give the same answer to the browser
 * (next-auth's CredentialsSignin) after the same hashing work (password-hash.ts); repeated failures lock the account
 * for a while. Attempts are also throttled per address and per client before they get here
 * (sign-in-throttle.ts), for known and unknown addresses alike.
 */
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import { readEnv } from "../../config/env";
import { dummyHash, hashPassword, verifyPassword } from "./password-hash";
import { currentLock, recordFailedLogin, recordNothing, recordSuccessfulLogin, type LockoutPolicy } from "./failed-logins";

export const SignInWithPasswordSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  password: z.string().min(1).max(1024),
});
export type SignInWithPasswordInput = z.infer<typeof SignInWithPasswordSchema>;

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; lockedUntil: Date };

const INVALID: SignInResult = { ok: false, reason: "invalid" };

export function lockoutPolicy(env = readEnv()): LockoutPolicy {
  return { maxFailures: env.LOGIN_MAX_FAILURES, lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES };
}

export async function signInWithPassword({
  prisma,
  email,
  password,
  now,
  policy = lockoutPolicy(),
}: {
  prisma: PrismaClient;
  email: unknown;
  password: unknown;
  now: Date;
  /** Defaults to LOGIN_MAX_FAILURES and LOGIN_LOCKOUT_MINUTES. */
  policy?: LockoutPolicy;
}): Promise<SignInResult> {
  const input = SignInWithPasswordSchema.safeParse({ email, password });
  if (!input.success) return INVALID;

  const user = await prisma.user.findUnique({
    where: { email: input.data.email },
    select: { id: true, passwordHash: true, lockedUntil: true, deactivatedAt: true, organization: { select: { deactivatedAt: true } } },
  });
  // Exactly one hash comparison on every path (unknown address, no password, deactivated, locked,
  // wrong or right password; the dummy is argon2id at today's cost), so the time taken does not
  // tell which it was (issue 14).
  const { ok: matches, needsRehash } = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.data.password);
  if (!user || !user.passwordHash || user.deactivatedAt || user.organization.deactivatedAt) {
    await recordNothing(prisma, now, policy);
    return INVALID;
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordNothing(prisma, now, policy);
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  }

  if (matches) {
    if (await recordSuccessfulLogin(prisma, user.id, now)) {
      // An old bcrypt (or weaker argon2) hash becomes argon2id now that the password is known (issue 15).
      if (needsRehash) await prisma.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(input.data.password) } });
      return { ok: true, userId: user.id };
    }
    // Locked or deactivated while the hash was being compared.
    const lock = await currentLock(prisma, user.id, now);
    return lock.locked ? { ok: false, reason: "locked", lockedUntil: lock.lockedUntil } : INVALID;
  }

  const outcome = await recordFailedLogin(prisma, user.id, now, policy);
  return outcome.locked ? { ok: false, reason: "locked", lockedUntil: outcome.lockedUntil } : INVALID;
}
