import "server-only";
/**
 * The on-call rota: who is on call when. A shift is an interval [startsAt, endsAt) with a
 * position (0 = primary, 1 = first backup, …); the chain at an instant is the order people are paged in.
 */
import type { Role } from "../../generated/prisma/enums";
import { vakttelefonIntervals } from "../../sla/oncall";
import type { DbClient } from "../db/prisma";

/** Roles that can be on call (the staff of the provider). */
export const ON_CALL_ROLES: readonly Role[] = ["ONCALL", "AGENT", "PROVIDER_ADMIN"];

export interface OnCallLink {
  userId: string;
  name: string;
  email: string;
  position: number;
  startsAt: Date;
  endsAt: Date;
}

/** The active people on call at `at`, by shift position then shift start; each person once. */
export async function onCallChain(db: DbClient, at: Date): Promise<OnCallLink[]> {
  const shifts = await db.onCallShift.findMany({
    where: { startsAt: { lte: at }, endsAt: { gt: at }, user: { deactivatedAt: null, role: { in: [...ON_CALL_ROLES] } } },
    orderBy: [{ position: "asc" }, { startsAt: "asc" }, { id: "asc" }],
    select: { userId: true, position: true, startsAt: true, endsAt: true, user: { select: { name: true, email: true } } },
  });
  const seen = new Set<string>();
  const chain: OnCallLink[] = [];
  for (const s of shifts) {
    if (seen.has(s.userId)) continue;
    seen.add(s.userId);
    chain.push({ userId: s.userId, name: s.user.name, email: s.user.email, position: s.position, startsAt: s.startsAt, endsAt: s.endsAt });
  }
  return chain;
}

export interface PlannedShift {
  userId: string;
  startsAt: Date;
  endsAt: Date;
  position: number;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Shifts over the vakttelefon hours from `from` for `weeks` weeks: the users take a week each in
 * turn as primary (position 0), with the next user as backup (position 1). An interval already
 * running at `from` is included whole.
 */
export function defaultRotaShifts({ userIds, from, weeks }: { userIds: readonly string[]; from: Date; weeks: number }): PlannedShift[] {
  if (userIds.length === 0 || weeks <= 0) return [];
  const to = new Date(from.getTime() + weeks * WEEK_MS);
  const out: PlannedShift[] = [];
  for (const { startsAt, endsAt } of vakttelefonIntervals(from, to)) {
    const week = Math.max(0, Math.floor((startsAt.getTime() - from.getTime()) / WEEK_MS));
    const primary = userIds[week % userIds.length]!;
    out.push({ userId: primary, startsAt, endsAt, position: 0 });
    if (userIds.length > 1) out.push({ userId: userIds[(week + 1) % userIds.length]!, startsAt, endsAt, position: 1 });
  }
  return out;
}
