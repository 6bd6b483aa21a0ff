import "server-only";
import { wallClockOf } from "../../config/time-zone";
import type { DbClient } from "../db/prisma";

/**
 * The next human reference for a prefix in the local year of `at` (TIME_ZONE), e.g. WS-2026-000123.
 * The counter row is incremented inside the registering transaction: concurrent registrations
 * queue on its row lock, and a rolled-back registration gives its number back, so there are no
 * gaps and no duplicates.
 */
export async function nextReference(tx: DbClient, prefix: string, at: Date): Promise<string> {
  const year = wallClockOf(at).year;
  const rows = await tx.$queryRaw<Array<{ value: number }>>`
    insert into "ReferenceCounter" ("prefix", "year", "value") values (${prefix}, ${year}, 1)
    on conflict ("prefix", "year") do update set "value" = "ReferenceCounter"."value" + 1
    returning "value"`;
  const value = rows[0]!.value;
  return `${prefix}-${year}-${String(value).padStart(6, "0")}`;
}
