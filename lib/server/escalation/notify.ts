import "server-only";
import type { DbClient } from "../db/prisma";
import { wantsWebhook } from "../notifications/webhook-endpoints";
import { byEmail, byWebhook, notificationRows, writeNotifications } from "../notifications/write-notifications";
import type { TemplatePayload } from "../notifications/templates";
import { escalationEmailKey, escalationWebhookKey } from "./keys";

/**
 * Notification rows for a P1's mobilisation: an e-mail per person and, if any endpoint takes the
 * template, one webhook message (delivered to the organisation's and the provider's endpoints).
 * The keys make a repeated call write nothing new.
 */
export async function notifyEscalation(
  tx: DbClient,
  n: { template: "p1-registered"; escalationKey: string; ticketId: string; organizationId: string; userIds: string[]; payload: TemplatePayload<"p1-registered">; now: Date },
): Promise<void> {
  const webhook = await wantsWebhook(tx, n.template, n.organizationId);
  const rows = notificationRows({
    template: n.template,
    ticketId: n.ticketId,
    payload: n.payload,
    to: [...n.userIds.map((userId) => byEmail(userId, escalationEmailKey(n.escalationKey, userId))), ...(webhook ? [byWebhook(escalationWebhookKey(n.escalationKey))] : [])],
  });
  await writeNotifications(tx, rows, n.now);
}
