import "server-only";
/**
 * Gaps in the rota (issue 18): periods within the hours on-call must be covered with no active
 * person as primary. The hours needed follow what the active customers bought: every hour when
 * one has the 24/7 option, the vakttelefon hours when one has that, none otherwise.
 */
import { findGaps, type Gap, type RotaHours, type TimedShift } from "../../sla/rota-pattern";
import type { DbClient } from "../db/prisma";
import { TIME_ZONE } from "../../config/time-zone";
import { ON_CALL_ROLES } from "./rota";

export async function requiredRotaHours(db: DbClient): Promise<RotaHours | null> {
  const options = await db.organization.groupBy({ by: ["onCallOption"], where: { isProvider: false, deactivatedAt: null } });
  const bought = new Set(options.map((o) => o.onCallOption));
  return bought.has("ALWAYS") ? "24/7" : bought.has("VAKTTELEFON") ? "vakttelefon" : null;
}

/** The gaps in [from, to), in order; `planned` are shifts not stored yet (the patterns beyond the roll-forward's horizon). */
export async function rotaGaps(db: DbClient, from: Date, to: Date, planned: readonly TimedShift[] = []): Promise<{ required: RotaHours | null; gaps: Gap[] }> {
  const required = await requiredRotaHours(db);
  if (!required) return { required, gaps: [] };
  const shifts = await db.onCallShift.findMany({
    where: { position: 0, endsAt: { gt: from }, startsAt: { lt: to }, user: { deactivatedAt: null, role: { in: [...ON_CALL_ROLES] } } },
    select: { startsAt: true, endsAt: true, position: true },
  });
  return { required, gaps: findGaps({ required, shifts: [...shifts, ...planned], from, to, zone: TIME_ZONE }) };
}
