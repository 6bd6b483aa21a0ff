import type { DbClient } from "../db/prisma";
import { toJson } from "../db/json";

/**
 * Notification rows for one escalation: an e-mail per person and one webhook message (delivered to
 * the organisation's and the provider's endpoints that take this template). dedupeKey makes a
 * repeated call write nothing new.
 */
export async function notifyEscalation(
  tx: DbClient,
  n: { template: string; escalationKey: string; ticketId: string; userIds: string[]; payload: Record<string, unknown>; now: Date },
): Promise<void> {
  const payload = toJson(n.payload);
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
      { channel: "WEBHOOK" as const, template: n.template, ticketId: n.ticketId, payload, dedupeKey: `${n.escalationKey}-webhook`, nextAttemptAt: n.now, createdAt: n.now },
    ],
    skipDuplicates: true,
  });
}
