import "server-only";
/** Notifications by status, every status present (for /api/health and the admin page). */
import type { PrismaClient } from "../../generated/prisma/client";
import { NOTIFICATION_STATUSES } from "./list-notifications";

export type NotificationStats = Record<(typeof NOTIFICATION_STATUSES)[number], number>;

export async function notificationStats(prisma: PrismaClient): Promise<NotificationStats> {
  const groups = await prisma.notification.groupBy({ by: ["status"], _count: { _all: true } });
  const stats = Object.fromEntries(NOTIFICATION_STATUSES.map((s) => [s, 0])) as NotificationStats;
  for (const g of groups) stats[g.status] = g._count._all;
  return stats;
}
