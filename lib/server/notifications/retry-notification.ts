import "server-only";
/** An admin sends a dead letter again: DEAD → PENDING, due now, attempts reset. Authorise (provider admin) in the route. */
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import { conflict } from "../errors";
import { parseInput } from "../validation";

export const RetryNotificationSchema = z.object({ id: z.uuid() });

export async function retryNotification({ prisma, id, now }: { prisma: PrismaClient; id: string; now: Date }): Promise<void> {
  parseInput(RetryNotificationSchema, { id });
  const { count } = await prisma.notification.updateMany({
    where: { id, status: "DEAD" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: now },
  });
  if (count !== 1) throw conflict("Only a dead notification can be retried (it is gone or not DEAD)");
}
