import "server-only";
/**
 * What the acknowledgement page shows for a link (a GET never acknowledges: mail scanners follow
 * links): the ticket of a page waiting for acknowledgement, one already acknowledged, or nothing
 * for an unknown link or one replaced by a later notice.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { AckTokenSchema, ackTokenExpired, hashAckToken } from "./ack-token";

export type AckLinkView =
  | { state: "waiting"; reference: string; title: string; priority: string; attempt: number }
  | { state: "acknowledged"; reference: string; title: string; priority: string; acknowledgedAt: Date; acknowledgedByName: string | null }
  | { state: "expired"; reference: string; title: string; priority: string };

/** An expired link (ONCALL_ACK_LINK_HOURS after its notice) reads as unknown. */
export async function readAckLink({ prisma, token, now }: { prisma: PrismaClient; token: string; now: Date }): Promise<AckLinkView | null> {
  const parsed = AckTokenSchema.safeParse(token);
  if (!parsed.success || ackTokenExpired(parsed.data, now)) return null;
  const page = await prisma.escalation.findUnique({
    where: { ackTokenHash: hashAckToken(parsed.data) },
    select: {
      kind: true,
      status: true,
      attempt: true,
      acknowledgedAt: true,
      acknowledgedBy: { select: { name: true } },
      ticket: { select: { reference: true, title: true, priority: true } },
    },
  });
  if (!page || page.kind !== "ONCALL_PAGE") return null;
  const ticket = { reference: page.ticket.reference, title: page.ticket.title, priority: page.ticket.priority };
  if (page.status === "ACKNOWLEDGED") {
    return { state: "acknowledged", ...ticket, acknowledgedAt: page.acknowledgedAt ?? new Date(0), acknowledgedByName: page.acknowledgedBy?.name ?? null };
  }
  if (page.status === "EXPIRED") return { state: "expired", ...ticket };
  return { state: "waiting", ...ticket, attempt: page.attempt };
}
