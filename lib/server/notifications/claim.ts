import "server-only";
/**
 * Claiming due notifications so that several workers never send the same row:
 *
 * 1. Leases: a SENDING row's nextAttemptAt is its lease expiry (claim time + LEASE_MS). A row
 *    still SENDING after that belonged to a worker that died mid-delivery: it is released
 *    (FAILED, due now; DEAD if it has used all its attempts). The dead worker may have sent it
 *    already — SMTP has no idempotency — so after a crash a notification can go out at most once
 *    more (at-least-once delivery). Receivers drop the duplicate by its Message-ID / Idempotency-Key.
 * 2. Due rows (PENDING or FAILED, nextAttemptAt <= now) are selected FOR UPDATE SKIP LOCKED and
 *    each is moved to SENDING by a conditional update whose count is checked (attempts + 1:
 *    the attempt counts even if the worker dies). E-mails over a recipient's throttle are
 *    folded into a digest instead, in the same transaction.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { LEASE_MS, MAX_ATTEMPTS } from "./backoff";
import { foldIntoDigest, isThrottled, lockRecipients, recentEmailCount, type ThrottleSettings } from "./throttle";
import { isRenderable } from "./templates";

export interface ClaimedNotification {
  id: string;
  /** The attempt this claim is (also the token that proves the claim is still ours). */
  attempts: number;
}

export async function releaseExpiredLeases(prisma: PrismaClient, now: Date): Promise<number> {
  const lastError = `lease of ${LEASE_MS / 60_000} min expired while SENDING (the worker stopped mid-delivery); it may have gone out once already`;
  return prisma.$executeRaw`
    UPDATE "Notification"
    SET status = (CASE WHEN attempts >= ${MAX_ATTEMPTS} THEN 'DEAD' ELSE 'FAILED' END)::"NotificationStatus",
        "nextAttemptAt" = ${now}, "lastError" = ${lastError}
    WHERE status = 'SENDING' AND "nextAttemptAt" <= ${now}`;
}

interface DueRow {
  id: string;
  channel: string;
  template: string;
  recipientUserId: string | null;
  payload: unknown;
  attempts: number;
}

export async function claimDueNotifications(
  prisma: PrismaClient,
  { now, limit, throttle }: { now: Date; limit: number; throttle: ThrottleSettings },
): Promise<{ claimed: ClaimedNotification[]; digested: number }> {
  return prisma.$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<DueRow[]>`
        SELECT id::text AS id, channel::text AS channel, template, "recipientUserId"::text AS "recipientUserId", payload, attempts
        FROM "Notification"
        WHERE status IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      // Only valid e-mails are folded; an invalid one goes on to delivery, which marks it DEAD with the reason.
      const throttled = due.filter((row) => isThrottled(row) && isRenderable(row.template, row.payload));
      const recipients = throttled.map((row) => row.recipientUserId as string);
      await lockRecipients(tx, recipients);
      const sent = new Map<string, number>();
      for (const id of new Set(recipients)) sent.set(id, await recentEmailCount(tx, id, now, throttle));

      const claimed: ClaimedNotification[] = [];
      let digested = 0;
      const leaseUntil = new Date(now.getTime() + LEASE_MS);
      for (const row of due) {
        const recipient = throttled.includes(row) ? (row.recipientUserId as string) : null;
        if (recipient !== null && (sent.get(recipient) ?? 0) >= throttle.maxPerWindow) {
          if (await foldIntoDigest(tx, { id: row.id, recipientUserId: recipient }, now, throttle)) digested++;
          continue;
        }
        const { count } = await tx.notification.updateMany({
          where: { id: row.id, status: { in: ["PENDING", "FAILED"] } },
          data: { status: "SENDING", attempts: { increment: 1 }, nextAttemptAt: leaseUntil },
        });
        if (count !== 1) continue;
        claimed.push({ id: row.id, attempts: row.attempts + 1 });
        if (recipient !== null) sent.set(recipient, (sent.get(recipient) ?? 0) + 1);
      }
      return { claimed, digested };
    },
    { timeout: 15_000 },
  );
}
