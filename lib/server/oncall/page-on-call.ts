import "server-only";
/**
 * Pages the on-call person about a ticket (SLA-RULES.md §3), inside the caller's transaction:
 * one Escalation ONCALL_PAGE per ticket and reason (paging twice for the same reason is the same
 * page), its first notice to the first person in the chain, or to the provider admins and
 * 1st-line leads when nobody is on call, and the acknowledgement check through the outbox.
 * Whether a ticket needs paging at all is lib/sla/oncall's onCallPageDecision (out-of-hours.ts).
 */
import type { DbClient } from "../db/prisma";
import { generateAckToken, hashAckToken } from "./ack-token";
import { DEFAULT_ACK_LINK_HOURS, dueAfter, onCallConfig, type OnCallConfig } from "./config";
import { firstStep } from "./next-step";
import { fallbackRecipients } from "./recipients";
import { onCallChain } from "./rota";
import { PageReasonSchema } from "./schemas";
import { sendNotice } from "./send-notice";
import { onCallPageKey } from "../escalation/keys";

export { onCallPageKey as pageDedupeKey } from "../escalation/keys";

export async function pageOnCall(tx: DbClient, { ticketId, reason, now, config = onCallConfig() }: { ticketId: string; reason: string; now: Date; config?: OnCallConfig }): Promise<string> {
  const why = PageReasonSchema.parse(reason);
  const dedupeKey = onCallPageKey(ticketId, why);
  const existing = await tx.escalation.findUnique({ where: { dedupeKey }, select: { id: true } });
  if (existing) return existing.id;

  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { id: true, reference: true, title: true, priority: true } });
  const chain = (await onCallChain(tx, now)).map((l) => l.userId);
  const step = firstStep(chain);
  const recipients = step.kind === "person" ? [step.userId] : await fallbackRecipients(tx);
  const token = generateAckToken(now, config.ackLinkHours ?? DEFAULT_ACK_LINK_HOURS);
  const dueAt = dueAfter(now, config);

  // ON CONFLICT DO NOTHING: a concurrent page of the same ticket and reason waits for ours and adds nothing.
  const created = await tx.escalation.createManyAndReturn({
    data: [
      {
        ticketId,
        kind: "ONCALL_PAGE",
        dedupeKey,
        targetUserId: step.kind === "person" ? step.userId : null,
        status: "NOTIFIED",
        attempt: 1,
        dueAt,
        ackTokenHash: hashAckToken(token),
        createdAt: now,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const escalationId = created[0]?.id;
  if (!escalationId) return (await tx.escalation.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } })).id;

  await sendNotice(tx, { escalationId, ticket, reason: why, step, recipients, attempt: 1, notice: 1, token, dueAt, now, config });
  return escalationId;
}
