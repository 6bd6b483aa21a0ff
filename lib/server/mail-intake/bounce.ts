import "server-only";
/**
 * A bounce of our own mail: the delivery report (or the mailer-daemon's message) names the
 * original — its `X-Helpdesk-Notification: <id>` header or its Message-ID `<id@domain>` — and the
 * address that failed. That notification is marked DEAD ("bounced: <reason>", as a permanent SMTP
 * failure is: notifications/outcome.ts) and the recipient's address shown as bouncing on the user.
 */
import type { DbClient } from "../db/prisma";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const MAX_REASON = 500;

export interface BounceReport {
  notificationId: string | null;
  recipient: string | null;
  reason: string;
}

/** Reads a bounce (pure): `text` is everything of the mail but its own headers; `references` its In-Reply-To/References. */
export function readBounce(text: string, references: readonly string[]): BounceReport {
  const unfolded = text.replace(/\r?\n[ \t]+/g, " ");
  const header = new RegExp(`^X-Helpdesk-Notification:\\s*(${UUID})`, "im").exec(unfolded)?.[1];
  const messageId = new RegExp(`^Message-ID:\\s*<(${UUID})@`, "im").exec(unfolded)?.[1];
  const referenced = references.map((r) => new RegExp(`^<(${UUID})@`, "i").exec(r)?.[1]).find(Boolean);
  const recipient = /^(?:Final|Original)-Recipient:\s*rfc822;\s*<?([^\s<>;]+@[^\s<>;]+)>?/im.exec(unfolded)?.[1] ?? null;
  const diagnostic = /^Diagnostic-Code:\s*(?:[a-z0-9-]+;\s*)?(.+)$/im.exec(unfolded)?.[1];
  const status = /^Status:\s*(\d\.\d{1,3}\.\d{1,3})/im.exec(unfolded)?.[1];
  const reason = (diagnostic ?? (status ? `status ${status}` : "undeliverable")).trim().slice(0, MAX_REASON);
  return { notificationId: (header ?? messageId ?? referenced ?? null)?.toLowerCase() ?? null, recipient: recipient?.toLowerCase() ?? null, reason };
}

/**
 * Records the bounce of our notification; a bounce that names none of ours changes nothing (it
 * may be about anyone's mail, and must not mark an address bouncing).
 */
export async function recordBounce(tx: DbClient, report: BounceReport, at: Date): Promise<{ notificationFound: boolean; userId: string | null }> {
  const notification = report.notificationId
    ? await tx.notification.findUnique({ where: { id: report.notificationId }, select: { id: true, address: true, recipientUserId: true, recipient: { select: { email: true } } } })
    : null;
  if (!notification) return { notificationFound: false, userId: null };
  await tx.notification.update({ where: { id: notification.id }, data: { status: "DEAD", lastError: `bounced: ${report.reason}` } });
  // The address that failed: the report's, else the one the notification went to.
  const address = report.recipient ?? notification.address ?? notification.recipient?.email ?? null;
  const user = address ? await tx.user.findUnique({ where: { email: address.toLowerCase() }, select: { id: true } }) : null;
  const userId = user?.id ?? (address === null ? notification.recipientUserId : null);
  if (userId) await tx.user.update({ where: { id: userId }, data: { emailBouncingAt: at, emailBounceReason: report.reason } });
  return { notificationFound: true, userId };
}
