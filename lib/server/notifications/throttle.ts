import "server-only";
/**
 * Throttle and digest: an e-mail to a user who already got NOTIFY_MAX_PER_WINDOW e-mails in the
 * last NOTIFY_WINDOW_MINUTES is folded into that user's digest for the current window (status
 * DIGESTED, digestId set) instead of being sent. The digest is one row per user and window
 * (dedupeKey `digest-<user>-<window start>`), due at the window's end, listing what was folded.
 * Windows are aligned to the epoch, so a burst inside one window gives at most
 * NOTIFY_MAX_PER_WINDOW single e-mails + 1 digest; a burst across a window boundary, 2 digests.
 * On-call pages and account links (an invitation or reset must arrive as itself) are never folded, and digests themselves are not throttled.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { Env } from "../../config/env";
import { readEnv } from "../../config/env";

export interface ThrottleSettings {
  maxPerWindow: number;
  windowMinutes: number;
}

export const DIGEST_TEMPLATE = "digest";
/**
 * Never folded into a digest: on-call pages, account links, and the customer notices of issue 17
 * other than the receipt, each a message in its ticket's mail thread that the customer answers by
 * replying (a digest has no thread, and would lose a solved notice's one-click links).
 */
export const NEVER_THROTTLED: ReadonlySet<string> = new Set([
  "oncall-page",
  "account-invite",
  "account-reset",
  DIGEST_TEMPLATE,
  "ticket-reply",
  "ticket-waiting",
  "ticket-solved",
  "ticket-closed",
  "ticket-priority-changed",
  "ticket-oncall",
  "ticket-merged",
  "ticket-expected-resolution",
  // Security incidents (issue 18): the breach notice and the RCA report (its PDF) must arrive as themselves.
  "security-flagged",
  "breach-notice-customer",
  "rca-report",
]);

export function throttleFromEnv(env: Pick<Env, "NOTIFY_MAX_PER_WINDOW" | "NOTIFY_WINDOW_MINUTES"> = readEnv()): ThrottleSettings {
  return { maxPerWindow: env.NOTIFY_MAX_PER_WINDOW, windowMinutes: env.NOTIFY_WINDOW_MINUTES };
}

export function isThrottled(row: { channel: string; template: string; recipientUserId: string | null }): row is { channel: "EMAIL"; template: string; recipientUserId: string } {
  return row.channel === "EMAIL" && row.recipientUserId !== null && !NEVER_THROTTLED.has(row.template);
}

export function digestWindow(now: Date, settings: ThrottleSettings): { start: Date; end: Date } {
  const windowMs = settings.windowMinutes * 60_000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { start: new Date(start), end: new Date(start + windowMs) };
}

type Tx = Prisma.TransactionClient;

/** Serialises throttle decisions per recipient until the transaction ends (sorted order: no deadlocks). */
export async function lockRecipients(tx: Tx, recipientIds: string[]): Promise<void> {
  for (const id of [...new Set(recipientIds)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`notify-throttle:${id}`}, 0))`;
  }
}

/** Throttled e-mails (not digests or pages) the recipient got within the window before `now`, or that are being sent right now. */
export async function recentEmailCount(tx: Tx, recipientId: string, now: Date, settings: ThrottleSettings): Promise<number> {
  const since = new Date(now.getTime() - settings.windowMinutes * 60_000);
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "Notification"
    WHERE "recipientUserId" = ${recipientId}::uuid AND channel = 'EMAIL' AND NOT (template = ANY(${[...NEVER_THROTTLED]}::text[]))
      AND (status = 'SENDING' OR (status = 'SENT' AND "sentAt" > ${since}))`;
  return row?.n ?? 0;
}

/**
 * The recipient's open digest for the window of `now`, created if needed and locked, so a worker
 * sending it cannot read its items while this transaction adds one. A digest already being sent
 * (or sent) takes no more items: a later one is opened for them.
 */
async function openDigest(tx: Tx, recipientId: string, now: Date, settings: ThrottleSettings): Promise<string> {
  const { start, end } = digestWindow(now, settings);
  const base = `digest-${recipientId}-${start.toISOString()}`;
  for (const dedupeKey of [base, `${base}-${now.getTime()}`]) {
    const digest = await tx.notification.upsert({
      where: { dedupeKey },
      create: { channel: "EMAIL", template: DIGEST_TEMPLATE, recipientUserId: recipientId, dedupeKey, nextAttemptAt: end, createdAt: now },
      update: {},
      select: { id: true },
    });
    const [locked] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status::text AS status FROM "Notification" WHERE id = ${digest.id}::uuid FOR UPDATE`;
    if (locked?.status === "PENDING" || locked?.status === "FAILED") return digest.id;
  }
  throw new Error(`could not open a digest for recipient ${recipientId}`);
}

/** Folds one claimed-for-decision notification into its recipient's digest; false when the row changed meanwhile. */
export async function foldIntoDigest(tx: Tx, row: { id: string; recipientUserId: string }, now: Date, settings: ThrottleSettings): Promise<boolean> {
  const digestId = await openDigest(tx, row.recipientUserId, now, settings);
  const { count } = await tx.notification.updateMany({
    where: { id: row.id, status: { in: ["PENDING", "FAILED"] } },
    data: { status: "DIGESTED", digestId },
  });
  return count === 1;
}
