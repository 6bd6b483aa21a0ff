import "server-only";
/** When a person's current secret calendar link was made (issue 18), for /vakt. */
import type { PrismaClient } from "../../generated/prisma/client";

/** When the person's current link was made, or null. */
export async function calendarTokenMadeAt(prisma: PrismaClient, userId: string): Promise<Date | null> {
  return (await prisma.onCallCalendarToken.findUnique({ where: { userId }, select: { createdAt: true } }))?.createdAt ?? null;
}
