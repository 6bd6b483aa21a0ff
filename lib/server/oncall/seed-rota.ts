import "server-only";
/**
 * The demo rota (called from the seed): vakt@servicedesk.example on call over the vakttelefon
 * hours of the coming 8 weeks, lise@servicedesk.example as backup. Safe to run again: shifts that
 * exist (same person, start and position) are kept, only missing ones are added.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { vakttelefonIntervals } from "../../sla/oncall";
import type { PlannedShift } from "./rota";

export const DEMO_ONCALL_PRIMARY = "vakt@servicedesk.example";
export const DEMO_ONCALL_BACKUP = "lise@servicedesk.example";
const WEEKS = 8;

export async function seedOnCallRota(prisma: PrismaClient, now: Date): Promise<{ created: number }> {
  const [primary, backup] = await Promise.all([DEMO_ONCALL_PRIMARY, DEMO_ONCALL_BACKUP].map((email) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })));
  const to = new Date(now.getTime() + WEEKS * 7 * 86_400_000);
  const planned: PlannedShift[] = vakttelefonIntervals(now, to).flatMap(({ startsAt, endsAt }) => [
    { userId: primary!.id, startsAt, endsAt, position: 0 },
    { userId: backup!.id, startsAt, endsAt, position: 1 },
  ]);
  if (planned.length === 0) return { created: 0 };
  const existing = await prisma.onCallShift.findMany({
    where: { userId: { in: [primary!.id, backup!.id] }, startsAt: { gte: planned[0]!.startsAt, lt: to } },
    select: { userId: true, startsAt: true, position: true },
  });
  const key = (s: { userId: string; startsAt: Date; position: number }) => `${s.userId}|${s.startsAt.getTime()}|${s.position}`;
  const have = new Set(existing.map(key));
  const missing = planned.filter((s) => !have.has(key(s)));
  if (missing.length > 0) await prisma.onCallShift.createMany({ data: missing.map((s) => ({ ...s, createdAt: now })) });
  return { created: missing.length };
}
