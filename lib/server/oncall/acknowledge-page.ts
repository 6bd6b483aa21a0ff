import "server-only";
/**
 * Acknowledges an on-call page, by the one-time link of its latest notice or in the app.
 * Idempotent: a page already acknowledged answers who acknowledged it and when, without change.
 * Once acknowledged, the pending check matches nothing and does nothing.
 *
 * - By token: the link of the page's latest notice (earlier notices' links are replaced, so
 *   refused as unknown); a used link is refused (nothing changes) with "already acknowledged".
 * - By actor: the person paged, or staff (ONCALL, AGENT, PROVIDER_ADMIN) who can see the ticket;
 *   anyone else gets not_found, the same as for a page that does not exist.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { isStaff, type Actor } from "../actor";
import { conflict, notFound } from "../errors";
import { appendEvent } from "../tickets/events";
import { writableTicketsWhere } from "../tickets/scope";
import { AckTokenSchema, ackTokenExpired, hashAckToken } from "./ack-token";
import { EscalationIdSchema } from "./schemas";

export type AcknowledgeBy = { actor: Actor } | { token: string };

export interface AcknowledgeResult {
  escalationId: string;
  ticketId: string;
  reference: string;
  /** "acknowledged" now, or "already_acknowledged" earlier (by `acknowledgedBy` at `acknowledgedAt`). */
  status: "acknowledged" | "already_acknowledged";
  acknowledgedAt: Date;
  /** null when acknowledged by a link sent to several people (nobody was on call). */
  acknowledgedBy: { userId: string; name: string } | null;
}

const PAGE_SELECT = {
  id: true,
  kind: true,
  status: true,
  attempt: true,
  targetUserId: true,
  ackTokenHash: true,
  acknowledgedAt: true,
  acknowledgedBy: { select: { id: true, name: true } },
  ticket: { select: { id: true, reference: true } },
} as const;

const unknownLink = () => notFound("Acknowledgement link");
const unknownPage = () => notFound("Escalation");

export async function acknowledgePage({ prisma, by, escalationId, now }: { prisma: PrismaClient; by: AcknowledgeBy; escalationId?: string; now: Date }): Promise<AcknowledgeResult> {
  const viaLink = "token" in by;
  let page;
  if (viaLink) {
    const token = AckTokenSchema.safeParse(by.token);
    if (!token.success || ackTokenExpired(token.data, now)) throw unknownLink();
    page = await prisma.escalation.findUnique({ where: { ackTokenHash: hashAckToken(token.data) }, select: PAGE_SELECT });
    if (!page || page.kind !== "ONCALL_PAGE" || (escalationId !== undefined && escalationId !== page.id)) throw unknownLink();
  } else {
    const id = EscalationIdSchema.safeParse(escalationId);
    if (!id.success) throw unknownPage();
    page = await prisma.escalation.findFirst({ where: { id: id.data, kind: "ONCALL_PAGE" }, select: PAGE_SELECT });
    if (!page || !(await mayAcknowledge(prisma, by.actor, page.targetUserId, page.ticket.id))) throw unknownPage();
  }
  if (page.status === "ACKNOWLEDGED") return already(page);
  if (page.status === "EXPIRED") throw conflict("The page has expired: its ticket was solved or closed");

  const acknowledgedById = viaLink ? page.targetUserId : by.actor.userId;
  const pageId = page.id;
  const claimed = await prisma.$transaction(async (tx) => {
    const result = await tx.escalation.updateMany({
      where: { id: pageId, status: { in: ["PENDING", "NOTIFIED"] }, ...(viaLink ? { ackTokenHash: page.ackTokenHash } : {}) },
      data: { status: "ACKNOWLEDGED", acknowledgedAt: now, acknowledgedById, dueAt: null },
    });
    if (result.count !== 1) return false;
    await appendEvent(tx, {
      ticketId: page.ticket.id,
      type: "ESCALATED",
      actorId: acknowledgedById,
      at: now,
      data: { kind: "oncall_ack", escalationId: pageId, attempt: page.attempt, acknowledgedById, via: viaLink ? "link" : "app" },
    });
    return true;
  });
  const after = await prisma.escalation.findUniqueOrThrow({ where: { id: pageId }, select: PAGE_SELECT });
  if (after.status !== "ACKNOWLEDGED") throw viaLink ? unknownLink() : conflict("The page changed while acknowledging; try again");
  return claimed ? result(after, "acknowledged") : already(after);
}

type PageRow = {
  id: string;
  acknowledgedAt: Date | null;
  acknowledgedBy: { id: string; name: string } | null;
  ticket: { id: string; reference: string };
};

function result(page: PageRow, status: AcknowledgeResult["status"]): AcknowledgeResult {
  return {
    escalationId: page.id,
    ticketId: page.ticket.id,
    reference: page.ticket.reference,
    status,
    acknowledgedAt: page.acknowledgedAt ?? new Date(0),
    acknowledgedBy: page.acknowledgedBy ? { userId: page.acknowledgedBy.id, name: page.acknowledgedBy.name } : null,
  };
}

const already = (page: PageRow) => result(page, "already_acknowledged");

async function mayAcknowledge(prisma: PrismaClient, actor: Actor, targetUserId: string | null, ticketId: string): Promise<boolean> {
  if (targetUserId === actor.userId) return true;
  if (!isStaff(actor)) return false;
  const writable = await prisma.ticket.findFirst({ where: { AND: [{ id: ticketId }, writableTicketsWhere(actor)] }, select: { id: true } });
  return writable !== null;
}
