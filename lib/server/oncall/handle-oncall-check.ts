import "server-only";
/**
 * The acknowledgement check of an on-call page (job ONCALL_CHECK_JOB on the SLA timer queue, one
 * per notice). Safe to run twice and stale-proof: the notice is claimed with a conditional update
 * on (id, attempt, NOTIFIED), so an acknowledged page, an older attempt or a second run is a no-op.
 * Otherwise the next notice goes out: the same person again until they have had
 * ONCALL_NOTICES_PER_PERSON notices, then the next person in the chain (see next-step.ts).
 */
import type { PrismaClient } from "../../generated/prisma/client";
import type { DbClient } from "../db/prisma";
import { generateAckToken, hashAckToken } from "./ack-token";
import { DEFAULT_ACK_LINK_HOURS, dueAfter, onCallConfig, type OnCallConfig } from "./config";
import { OnCallCheckPayloadSchema } from "./job-names";
import { nextNotice, type Notice } from "./next-step";
import { fallbackRecipients } from "./recipients";
import { onCallChain } from "./rota";
import { sendNotice } from "./send-notice";

export { ONCALL_CHECK_JOB, OnCallCheckPayloadSchema, type OnCallCheckPayload } from "./job-names";

export type OnCallCheckOutcome = { outcome: "noop" } | { outcome: "expired" } | { outcome: "notified"; attempt: number; targetUserId: string | null; notice: number };

const CLOSED_STATUSES = new Set(["SOLVED", "CLOSED"]);

export async function handleOnCallCheck({ prisma, payload, now, config = onCallConfig() }: { prisma: PrismaClient; payload: unknown; now: Date; config?: OnCallConfig }): Promise<OnCallCheckOutcome> {
  const { escalationId, attempt } = OnCallCheckPayloadSchema.parse(payload);
  const page = await prisma.escalation.findUnique({
    where: { id: escalationId },
    select: { kind: true, status: true, attempt: true, targetUserId: true, dedupeKey: true, ticket: { select: { id: true, reference: true, title: true, priority: true, status: true } } },
  });
  if (!page || page.kind !== "ONCALL_PAGE" || page.status !== "NOTIFIED" || page.attempt !== attempt) return { outcome: "noop" };
  const claimWhere = { id: escalationId, attempt, status: "NOTIFIED" as const };

  return prisma.$transaction(async (tx) => {
    if (CLOSED_STATUSES.has(page.ticket.status)) {
      const claimed = await tx.escalation.updateMany({ where: claimWhere, data: { status: "EXPIRED", dueAt: null } });
      return claimed.count === 1 ? { outcome: "expired" } : { outcome: "noop" };
    }
    const current = await currentNotice(tx, page.ticket.id, escalationId, attempt, page.targetUserId);
    const chain = (await onCallChain(tx, now)).map((l) => l.userId);
    const next = nextNotice({ current, chain, noticesPerPerson: config.noticesPerPerson });
    const recipients = next.step.kind === "person" ? [next.step.userId] : await fallbackRecipients(tx);
    const token = generateAckToken(now, config.ackLinkHours ?? DEFAULT_ACK_LINK_HOURS);
    const dueAt = dueAfter(now, config);
    const targetUserId = next.step.kind === "person" ? next.step.userId : null;

    // The claim is the transaction's first write: a concurrent run blocks here, then matches nothing.
    const claimed = await tx.escalation.updateMany({
      where: claimWhere,
      data: { attempt: attempt + 1, targetUserId, ackTokenHash: hashAckToken(token), dueAt },
    });
    if (claimed.count !== 1) return { outcome: "noop" };

    await sendNotice(tx, {
      escalationId,
      ticket: page.ticket,
      reason: reasonOf(page.dedupeKey),
      step: next.step,
      recipients,
      attempt: attempt + 1,
      notice: next.notice,
      token,
      dueAt,
      now,
      fallbackBecause: chain.length === 0 ? "nobody_on_call" : "chain_exhausted",
      config,
    });
    return { outcome: "notified", attempt: attempt + 1, targetUserId, notice: next.notice };
  });
}

const reasonOf = (dedupeKey: string): string => dedupeKey.split(":").slice(2).join(":") || "page";

/** The notice `attempt` was, from its ticket event (who, and how many in a row). */
async function currentNotice(tx: DbClient, ticketId: string, escalationId: string, attempt: number, targetUserId: string | null): Promise<Notice> {
  const event = await tx.ticketEvent.findFirst({
    where: {
      ticketId,
      type: "ESCALATED",
      AND: [{ data: { path: ["kind"], equals: "oncall_page" } }, { data: { path: ["escalationId"], equals: escalationId } }, { data: { path: ["attempt"], equals: attempt } }],
    },
    orderBy: { id: "desc" },
    select: { data: true },
  });
  const data = (event?.data ?? {}) as { notice?: unknown };
  const notice = typeof data.notice === "number" ? data.notice : 1;
  return { step: targetUserId ? { kind: "person", userId: targetUserId } : { kind: "fallback" }, notice };
}
