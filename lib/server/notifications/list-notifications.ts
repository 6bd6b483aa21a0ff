import "server-only";
/** Notifications for the admin page, newest first, by status (e.g. DEAD: the dead letters). Authorise (provider admin) in the route. */
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import { parseInput } from "../validation";

export const NOTIFICATION_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED", "DEAD", "DIGESTED"] as const;

export const ListNotificationsSchema = z.object({
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last id of the previous page. */
  cursor: z.uuid().optional(),
});
export type ListNotificationsInput = z.input<typeof ListNotificationsSchema>;

const viewSelect = {
  id: true,
  channel: true,
  template: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  digestId: true,
  address: true,
  recipient: { select: { id: true, email: true } },
  ticket: { select: { id: true, reference: true } },
} as const;

export interface NotificationView {
  id: string;
  channel: string;
  template: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  digestId: string | null;
  to: string | null;
  ticket: { id: string; reference: string } | null;
}

export async function listNotifications({ prisma, ...input }: { prisma: PrismaClient } & ListNotificationsInput): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
  const { status, limit, cursor } = parseInput(ListNotificationsSchema, input);
  // uuid v7 ids are ordered by creation time.
  const rows = await prisma.notification.findMany({
    where: { ...(status ? { status } : {}), ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: viewSelect,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((n) => ({
      id: n.id,
      channel: n.channel,
      template: n.template,
      status: n.status,
      attempts: n.attempts,
      nextAttemptAt: n.nextAttemptAt.toISOString(),
      lastError: n.lastError,
      createdAt: n.createdAt.toISOString(),
      sentAt: n.sentAt?.toISOString() ?? null,
      digestId: n.digestId,
      to: n.address ?? n.recipient?.email ?? null,
      ticket: n.ticket,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
