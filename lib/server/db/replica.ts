import "server-only";
/**
 * Reads that may be a second stale (reports, the agents' queue) go to a streaming replica when
 * DATABASE_REPLICA_URL names one; writes and anything that locks always go to the primary (db()).
 * A replica that does not answer, or is further behind than DATABASE_REPLICA_MAX_LAG_MS, is left
 * alone and its reads go to the primary until it is back; /api/health says which it is. The check
 * is one query on a connection of its own, repeated at most every few seconds per process.
 *
 * Lag: nothing when the replica has replayed all the WAL it received, else the time since the
 * last transaction it replayed was committed on the primary.
 */
import pg from "pg";
import type { PrismaClient } from "../../generated/prisma/client";
import { readEnv, redactUrl } from "../../config/env";
import { createPrisma, db } from "./prisma";

export type ReplicaStatus = { state: "not_configured" } | { state: "in_use"; lagMs: number } | { state: "lagging"; lagMs: number; maxLagMs: number } | { state: "down"; error: string };

export interface ReadRouter {
  /** The client for a stale-tolerant read: the replica when it is usable, else the primary. */
  client(): Promise<PrismaClient>;
  /** The replica's state as last checked (checked now when the last check is older than `recheckMs`). */
  status(): Promise<ReplicaStatus>;
  close(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 1000;
const LAG_SQL = `select case when not pg_is_in_recovery() or pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
  else coalesce(extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000, 0) end::float8 as lag_ms`;

async function probe(url: string, maxLagMs: number): Promise<ReplicaStatus> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => undefined); // a dropped connection is reported by the query below
  try {
    await client.connect();
    const { rows } = await client.query<{ lag_ms: number }>(LAG_SQL);
    const lagMs = Math.round(rows[0]!.lag_ms);
    return lagMs > maxLagMs ? { state: "lagging", lagMs, maxLagMs } : { state: "in_use", lagMs };
  } catch (error) {
    return { state: "down", error: `${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function createReadRouter({
  primary,
  replicaUrl,
  maxLagMs,
  recheckMs = 5000,
  poolSize,
}: {
  primary: () => PrismaClient;
  replicaUrl: string | undefined;
  maxLagMs: number;
  recheckMs?: number;
  poolSize?: number;
}): ReadRouter {
  let replica: PrismaClient | null = null;
  let last: { at: number; status: Promise<ReplicaStatus> } | null = null;
  let reported: ReplicaStatus["state"] = "in_use";
  const status = (): Promise<ReplicaStatus> => {
    if (!replicaUrl) return Promise.resolve({ state: "not_configured" });
    const now = performance.now();
    if (!last || now - last.at >= recheckMs) {
      const checked = probe(replicaUrl, maxLagMs);
      last = { at: now, status: checked };
      void checked.then((s) => {
        // Said once when it changes, not on every check.
        if (s.state === reported) return;
        reported = s.state;
        if (s.state === "in_use") console.log(`[db] read replica back in use (${s.lagMs} ms behind)`);
        if (s.state === "down") console.warn(`[db] read replica down (${s.error}): its reads go to the primary`);
        if (s.state === "lagging") console.warn(`[db] read replica ${s.lagMs} ms behind (limit ${s.maxLagMs} ms): its reads go to the primary`);
      });
    }
    return last.status;
  };
  return {
    status,
    async client() {
      if ((await status()).state !== "in_use") return primary();
      replica ??= createPrisma(replicaUrl, poolSize);
      return replica;
    },
    async close() {
      await replica?.$disconnect();
      replica = null;
    },
  };
}

const globalForReads = globalThis as unknown as { readRouter?: ReadRouter };

/** The process-wide router, from DATABASE_REPLICA_URL and DATABASE_REPLICA_MAX_LAG_MS. */
export function readRouter(): ReadRouter {
  const env = readEnv();
  globalForReads.readRouter ??= createReadRouter({ primary: db, replicaUrl: env.DATABASE_REPLICA_URL, maxLagMs: env.DATABASE_REPLICA_MAX_LAG_MS });
  return globalForReads.readRouter;
}

/** The client for a read that may be a second stale: the replica when usable, else the primary. */
export const readDb = (): Promise<PrismaClient> => readRouter().client();
