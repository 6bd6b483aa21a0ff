import "server-only";
/**
 * The lockout counter, changed only by single conditional statements so that concurrent sign-in
 * attempts can neither undercount failures nor slip past a lock another attempt just set.
 */
import type { PrismaClient } from "../../generated/prisma/client";

export interface LockoutPolicy {
  /** Failed attempts in a row that lock the account. */
  maxFailures: number;
  /** How long a lock lasts. */
  lockoutMinutes: number;
}

export type FailureOutcome = { locked: false } | { locked: true; lockedUntil: Date };

/**
 * Counts one failed attempt in one UPDATE (`failedLogins + 1` in SQL, never read-modify-write).
 * The attempt that reaches the limit locks the account until now + lockoutMinutes and resets the
 * counter. An account that is already locked is not counted, and the answer is its lock.
 */
export async function recordFailedLogin(prisma: PrismaClient, userId: string, now: Date, policy: LockoutPolicy): Promise<FailureOutcome> {
  const rows = await recordFailedLoginRow(prisma, userId, now, policy);
  const row = rows[0];
  if (!row) return currentLock(prisma, userId, now);
  const lockedUntil = row.lockedUntil === null ? null : new Date(row.lockedUntil);
  return lockedUntil && lockedUntil > now ? { locked: true, lockedUntil } : { locked: false };
}

function recordFailedLoginRow(prisma: PrismaClient, userId: string, now: Date, policy: LockoutPolicy) {
  const until = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
  return prisma.$queryRaw<{ lockedUntil: Date | string | null }[]>`
    UPDATE "User"
    SET "failedLogins" = CASE WHEN "failedLogins" + 1 >= ${policy.maxFailures}::int THEN 0 ELSE "failedLogins" + 1 END,
        "lockedUntil" = CASE WHEN "failedLogins" + 1 >= ${policy.maxFailures}::int THEN ${until}::timestamptz ELSE "lockedUntil" END
    WHERE "id" = ${userId}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamptz)
    RETURNING "lockedUntil"`;
}

/**
 * After the right password: resets the counter and clears an expired lock, unless another attempt
 * locked the account (or it was deactivated) in the meantime. Returns whether it succeeded.
 */
export async function recordSuccessfulLogin(prisma: PrismaClient, userId: string, now: Date): Promise<boolean> {
  const { count } = await prisma.user.updateMany({
    where: { id: userId, deactivatedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { failedLogins: 0, lockedUntil: null },
  });
  return count === 1;
}

/** The account's lock at `now`, read after a conditional write matched nothing. */
export async function currentLock(prisma: PrismaClient, userId: string, now: Date): Promise<FailureOutcome> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { lockedUntil: true } });
  return user?.lockedUntil && user.lockedUntil > now ? { locked: true, lockedUntil: user.lockedUntil } : { locked: false };
}

const NO_USER = "00000000-0000-0000-0000-000000000000";

/**
 * The same UPDATE as a counted failure, matching no row: run on the paths that count nothing
 * (unknown address, deactivated or locked account), so every failed sign-in costs one lookup, one
 * bcrypt comparison and one write, and its time does not tell the paths apart.
 */
export async function recordNothing(prisma: PrismaClient, now: Date, policy: LockoutPolicy): Promise<void> {
  await recordFailedLoginRow(prisma, NO_USER, now, policy);
}
