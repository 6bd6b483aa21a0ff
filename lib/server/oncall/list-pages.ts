import "server-only";
/** For the on-call person's page in the app: the pages waiting for them, and their rota for the coming 14 days. */
import type { PrismaClient } from "../../generated/prisma/client";
import type { Actor } from "../actor";

export const ROTA_DAYS_AHEAD = 14;

export interface WaitingPage {
  escalationId: string;
  ticketId: string;
  reference: string;
  title: string;
  priority: string;
  attempt: number;
  dueAt: Date | null;
  createdAt: Date;
}

export interface UpcomingShift {
  id: string;
  startsAt: Date;
  endsAt: Date;
  position: number;
}

export async function listPagesFor({ prisma, actor, now }: { prisma: PrismaClient; actor: Actor; now: Date }): Promise<{ pages: WaitingPage[]; shifts: UpcomingShift[] }> {
  const until = new Date(now.getTime() + ROTA_DAYS_AHEAD * 86_400_000);
  const [pages, shifts] = await Promise.all([
    prisma.escalation.findMany({
      where: { kind: "ONCALL_PAGE", status: "NOTIFIED", targetUserId: actor.userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, attempt: true, dueAt: true, createdAt: true, ticket: { select: { id: true, reference: true, title: true, priority: true } } },
    }),
    prisma.onCallShift.findMany({
      where: { userId: actor.userId, endsAt: { gt: now }, startsAt: { lt: until } },
      orderBy: [{ startsAt: "asc" }, { position: "asc" }],
      select: { id: true, startsAt: true, endsAt: true, position: true },
    }),
  ]);
  return {
    pages: pages.map((p) => ({
      escalationId: p.id,
      ticketId: p.ticket.id,
      reference: p.ticket.reference,
      title: p.ticket.title,
      priority: p.ticket.priority,
      attempt: p.attempt,
      dueAt: p.dueAt,
      createdAt: p.createdAt,
    })),
    shifts,
  };
}
