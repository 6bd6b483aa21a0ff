/**
 * A report month prepared for a browser test, at instants the test chooses: 10 P2 tickets
 * registered on the 10th at 08:00–17:00 local time and answered, the last one 40 business minutes
 * late, and an hour's outage on the 11th.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { monthBounds, type Month } from "../../lib/server/reports/month";

export async function prepareReportMonth(
  prisma: PrismaClient,
  {
    month,
    organizationId,
    requesterId,
    referencePrefix,
    lateTitle,
    title,
    outageCause,
  }: { month: Month; organizationId: string; requesterId: string; referencePrefix: string; lateTitle: string; title: (n: number) => string; outageCause: string },
): Promise<void> {
  const version = await prisma.agreementVersion.findFirstOrThrow({ where: { agreement: { key: "netpower-ordinary" } }, select: { id: true } });
  const start = monthBounds(month).from.getTime() + 9 * 86_400_000 + 8 * 3_600_000;
  for (let i = 0; i < 10; i++) {
    const at = new Date(start + i * 3_600_000);
    const late = i === 9;
    const ticket = await prisma.ticket.create({
      data: {
        reference: `${referencePrefix}-${randomUUID().slice(0, 6)}`,
        organizationId,
        requesterId,
        agreementVersionId: version.id,
        title: late ? lateTitle : title(i + 1),
        description: "e2e",
        priority: "P2",
        channel: "PORTAL",
        status: "CLOSED",
        createdAt: at,
      },
      select: { id: true },
    });
    await prisma.slaClock.create({
      data: {
        ticketId: ticket.id,
        metric: "RESPONSE",
        state: late ? "BREACHED" : "MET",
        targetMinutes: 120,
        startedAt: at,
        usedMinutes: late ? 160 : 45,
        breachedAt: late ? new Date(at.getTime() + 2 * 3_600_000) : null,
        stoppedAt: new Date(at.getTime() + (late ? 160 : 45) * 60_000),
      },
    });
  }
  await prisma.incident.create({ data: { organizationId, service: "Portal", cause: outageCause, startedAt: new Date(start + 86_400_000), endedAt: new Date(start + 86_400_000 + 3_600_000) } });
}
