import "server-only";
/**
 * The roll-forward (issue 18): lays the weekly patterns' shifts over the coming ROLL_WEEKS weeks.
 * Idempotent: it compares what the patterns give (minus the periods overrides, swaps and shifts
 * set by hand hold at the same position) with the PATTERN shifts there are, removes the ones no
 * longer given (never one already started) and adds the missing ones. It never touches a shift of
 * another kind. A repeatable job runs it (rota-jobs.ts); every editor change runs it too.
 */
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { TIME_ZONE } from "../../config/time-zone";
import { expandPatterns, ROLL_WEEKS, WEEK_MS, withoutHeldPeriods, type RotaPattern } from "../../sla/rota-pattern";
import { lockRota } from "./rota-lock";
import { PatternWeeksSchema } from "./rota-schemas";

export interface RollOutcome {
  created: number;
  removed: number;
}

const localDate = (d: Date) => d.toISOString().slice(0, 10);

/** The stored patterns as lib/sla reads them. */
export async function loadPatterns(db: Prisma.TransactionClient | PrismaClient): Promise<RotaPattern[]> {
  const rows = await db.onCallPattern.findMany({ orderBy: { startsOn: "asc" }, select: { id: true, startsOn: true, hours: true, weeks: true } });
  return rows.map((p) => ({ id: p.id, startsOn: localDate(p.startsOn), hours: p.hours === "ALWAYS" ? "24/7" : "vakttelefon", weeks: PatternWeeksSchema.parse(p.weeks) }));
}

const key = (s: { patternId: string | null; userId: string; position: number; startsAt: Date; endsAt: Date }) =>
  `${s.patternId}|${s.userId}|${s.position}|${s.startsAt.getTime()}|${s.endsAt.getTime()}`;

/** One pass in the caller's transaction (it takes the rota lock). */
export async function rollRotaIn(tx: Prisma.TransactionClient, now: Date): Promise<RollOutcome> {
  await lockRota(tx);
  const horizon = new Date(now.getTime() + ROLL_WEEKS * WEEK_MS);
  const planned = expandPatterns(await loadPatterns(tx), now, horizon, TIME_ZONE);
  const from = planned[0]?.startsAt ?? now;
  const [held, existing] = await Promise.all([
    tx.onCallShift.findMany({ where: { kind: { not: "PATTERN" }, endsAt: { gt: from }, startsAt: { lt: horizon } }, select: { startsAt: true, endsAt: true, position: true } }),
    tx.onCallShift.findMany({
      where: { kind: "PATTERN", endsAt: { gt: now }, startsAt: { lt: horizon } },
      select: { id: true, patternId: true, userId: true, position: true, startsAt: true, endsAt: true },
    }),
  ]);
  // A person a pattern names who no longer exists gets no shifts (the period shows as a gap) rather than failing the whole pass.
  const known = new Set((await tx.user.findMany({ where: { id: { in: [...new Set(planned.map((s) => s.userId))] } }, select: { id: true } })).map((u) => u.id));
  const desired = withoutHeldPeriods(
    planned.filter((s) => known.has(s.userId)),
    held,
  );
  const want = new Set(desired.map(key));
  const have = new Set(existing.map(key));
  const stale = existing.filter((s) => !want.has(key(s)) && s.startsAt >= now);
  const running = existing.filter((s) => s.startsAt < now);
  // A shift already running is left as it is; a planned one for the same time and position is not added beside it.
  const missing = desired.filter((s) => !have.has(key(s)) && (s.startsAt >= now || !running.some((r) => r.position === s.position && r.startsAt < s.endsAt && r.endsAt > s.startsAt)));
  if (stale.length) await tx.onCallShift.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  if (missing.length)
    await tx.onCallShift.createMany({
      data: missing.map((s) => ({ userId: s.userId, position: s.position, startsAt: s.startsAt, endsAt: s.endsAt, kind: "PATTERN" as const, patternId: s.patternId, createdAt: now })),
    });
  return { created: missing.length, removed: stale.length };
}

export async function rollRota({ prisma, now }: { prisma: PrismaClient; now: Date }): Promise<RollOutcome> {
  return prisma.$transaction((tx) => rollRotaIn(tx, now), TRANSACTION_OPTIONS);
}
