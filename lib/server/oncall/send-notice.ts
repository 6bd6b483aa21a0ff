import "server-only";
/**
 * One notice of an on-call page, inside the caller's transaction: the notification rows (e-mail
 * and webhook, delivered by the notification worker), the ticket event, and the acknowledgement
 * check through the outbox at the notice's due instant.
 */
import { QUEUES } from "../jobs/queues";
import type { DbClient } from "../db/prisma";
import { z } from "zod";
import { notificationRows, writeNotifications } from "../notifications/write-notifications";
import { onCallNoticeKey } from "../escalation/keys";
import { wantsWebhook } from "../notifications/webhook-endpoints";
import { scheduleJob } from "../outbox/schedule-job";
import { appendEvent } from "../tickets/events";
import { ackUrlFor } from "./ack-token";
import type { OnCallConfig } from "./config";
import { ONCALL_CHECK_JOB, onCallCheckJobId } from "./job-names";
import type { PageStep } from "./next-step";

export const ONCALL_PAGE_TEMPLATE = "oncall-page" as const;

const PrioritySchema = z.enum(["P1", "P2", "P3", "P4"]);

export interface NoticeInput {
  escalationId: string;
  ticket: { id: string; reference: string; title: string; priority: string };
  reason: string;
  step: PageStep;
  recipients: readonly string[];
  attempt: number;
  notice: number;
  token: string;
  dueAt: Date;
  now: Date;
  /** Why the fallback group was paged: nobody on call, or everyone in the chain was tried. */
  fallbackBecause?: "nobody_on_call" | "chain_exhausted";
  config: OnCallConfig;
}

export async function sendNotice(tx: DbClient, n: NoticeInput): Promise<void> {
  const payload = { reference: n.ticket.reference, title: n.ticket.title, priority: PrioritySchema.parse(n.ticket.priority), ackUrl: ackUrlFor(n.config.appUrl, n.token), attempt: n.attempt };
  // E-mail always; a webhook (e.g. the SMS gateway) when one takes on-call pages.
  const organizationId = (await tx.ticket.findUniqueOrThrow({ where: { id: n.ticket.id }, select: { organizationId: true } })).organizationId;
  const channels = (await wantsWebhook(tx, ONCALL_PAGE_TEMPLATE, organizationId)) ? (["EMAIL", "WEBHOOK"] as const) : (["EMAIL"] as const);
  await writeNotifications(
    tx,
    notificationRows({
      template: ONCALL_PAGE_TEMPLATE,
      ticketId: n.ticket.id,
      payload,
      to: n.recipients.flatMap((userId) => channels.map((channel) => ({ channel, userId, dedupeKey: onCallNoticeKey(n.escalationId, n.attempt, userId, channel) }))),
    }),
    n.now,
  );
  await appendEvent(tx, {
    ticketId: n.ticket.id,
    type: "ESCALATED",
    actorId: null,
    at: n.now,
    data: {
      kind: "oncall_page",
      escalationId: n.escalationId,
      reason: n.reason,
      targetUserId: n.step.kind === "person" ? n.step.userId : null,
      attempt: n.attempt,
      notice: n.notice,
      recipients: n.recipients,
      ...(n.step.kind === "fallback" ? { fallback: n.fallbackBecause ?? "nobody_on_call" } : {}),
    },
  });
  await scheduleJob(tx, {
    queue: QUEUES.slaTimers,
    name: ONCALL_CHECK_JOB,
    jobId: onCallCheckJobId(n.escalationId, n.attempt),
    data: { escalationId: n.escalationId, attempt: n.attempt },
    at: n.dueAt.toISOString(),
  });
}
