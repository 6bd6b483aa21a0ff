/** What GET /api/health reports: database, applied migration, Redis, and the workers' heartbeat. */
import type { PrismaClient } from "../generated/prisma/client";
import type { Redis } from "ioredis";
import { QUEUES } from "./jobs/queues";
import { WORKER_HEARTBEAT_KEY } from "./health-keys";
import { HEARTBEAT_EVERY_MS } from "./jobs/registry";

export interface Health {
  status: "ok" | "unavailable";
  database: { ok: boolean; latencyMs?: number; migration?: string | null; error?: string };
  redis: { ok: boolean; latencyMs?: number; error?: string };
  workers: { system: { ok: boolean; lastHeartbeatAt: string | null } };
  checkedAt: string;
}

const TIMEOUT_MS = 2000;

async function timed<T>(what: string, fn: () => Promise<T>): Promise<{ value: T; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    const value = await Promise.race([fn(), timeout]);
    return { value, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } finally {
    clearTimeout(timer);
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function checkHealth(deps: { prisma: PrismaClient; redis: Redis; prefix: string; now?: Date }): Promise<Health> {
  const now = deps.now ?? new Date();
  const [database, redis] = await Promise.all([
    timed("PostgreSQL", () =>
      deps.prisma.$queryRaw<Array<{ migration_name: string }>>`
        select migration_name from _prisma_migrations
        where finished_at is not null and rolled_back_at is null
        order by migration_name desc limit 1`,
    ).then(
      ({ value, latencyMs }) => ({ ok: true, latencyMs, migration: value[0]?.migration_name ?? null }),
      (error: unknown) => ({ ok: false, error: message(error) }),
    ),
    timed("Redis", async () => {
      await deps.redis.ping();
      return deps.redis.get(WORKER_HEARTBEAT_KEY(deps.prefix, QUEUES.system));
    }).then(
      ({ value, latencyMs }) => ({ ok: true as const, latencyMs, heartbeat: value }),
      (error: unknown) => ({ ok: false as const, error: message(error), heartbeat: null }),
    ),
  ]);
  const lastHeartbeatAt = redis.heartbeat ? (JSON.parse(redis.heartbeat) as { at: string }).at : null;
  const fresh = lastHeartbeatAt !== null && now.getTime() - Date.parse(lastHeartbeatAt) < 3 * HEARTBEAT_EVERY_MS;
  const { heartbeat: _unused, ...redisStatus } = redis;
  return {
    status: database.ok && redis.ok ? "ok" : "unavailable",
    database,
    redis: redisStatus,
    workers: { system: { ok: fresh, lastHeartbeatAt } },
    checkedAt: now.toISOString(),
  };
}
