import "server-only";
import type { DbClient } from "../db/prisma";
import { toJson } from "../db/json";
import { wantsWebhook } from "../notifications/webhook-endpoints";

/**
 * Notification rows for one escalation: an e-mail per person and, if any endpoint takes this
 * template, one webhook message (delivered to the organisation's and the provider's endpoints).
 * dedupeKey makes a repeated call write nothing new.
 */
export async function notifyEscalation(
  tx: DbClient,
  n: { template: string; escalationKey: string; ticketId: string; organizationId: string; userIds: string[]; payload: Record<string, unknown>; now: Date },
): Promise<void> {
  const payload = toJson(n.payload);
  const webhook = await wantsWebhook(tx, n.template, n.organizationId);
  await tx.notification.createMany({
    data: [
      ...n.userIds.map((userId) => ({
        channel: "EMAIL" as const,
        template: n.template,
        recipientUserId: userId,
        ticketId: n.ticketId,
        payload,
        dedupeKey: `${n.escalationKey}-email-${userId}`,
        nextAttemptAt: n.now,
        createdAt: n.now,
      })),
      ...(webhook
        ? [{ channel: "WEBHOOK" as const, template: n.template, ticketId: n.ticketId, payload, dedupeKey: `${n.escalationKey}-webhook`, nextAttemptAt: n.now, createdAt: n.now }]
        : []),
    ],
    skipDuplicates: true,
  });
}
