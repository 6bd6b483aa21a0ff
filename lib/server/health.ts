import "server-only";
/**
 * What GET /api/health (and the admin page) reports: the database and its applied migration,
 * Redis, each worker process's heartbeat, the queues' depths and the notifications by status
 * (dead letters included).
 */
import type { Queue } from "bullmq";
import type { PrismaClient } from "../generated/prisma/client";
import type { RedisClient } from "./redis";
import type { ReplicaStatus } from "./db/replica";
import { QUEUES, type QueueName } from "./jobs/queues";
import { MAIL_INTAKE_HEARTBEAT, WORKER_HEARTBEAT_KEY } from "./health-keys";
import { HEARTBEAT_EVERY_MS } from "./jobs/registry";
import { notificationStats, type NotificationStats } from "./notifications/notification-stats";

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface Health {
  status: "ok" | "unavailable";
  database: { ok: boolean; latencyMs?: number; migration?: string | null; error?: string };
  redis: { ok: boolean; latencyMs?: number; error?: string };
  /** Each worker process's last heartbeat (through its own queue; the mail intake beats by itself). */
  workers: Record<"system" | "slaTimers" | "mailIntake", { ok: boolean; lastHeartbeatAt: string | null }>;
  queues?: Partial<Record<QueueName, QueueDepth>>;
  notifications?: NotificationStats;
  /** The read replica (DATABASE_REPLICA_URL): in use, or down / lagging with its reads on the primary. */
  readReplica?: ReplicaStatus;
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

export async function checkHealth(deps: {
  prisma: PrismaClient;
  redis: RedisClient;
  prefix: string;
  /** Queues to report the depth of (opened by the caller, who keeps them). */
  queues?: Queue[];
  /** The read replica's state (db/replica.ts); not reported when absent. */
  replica?: () => Promise<ReplicaStatus>;
  now?: Date;
}): Promise<Health> {
  const now = deps.now ?? new Date();
  const heartbeatQueues = { system: QUEUES.system, slaTimers: QUEUES.slaTimers, mailIntake: MAIL_INTAKE_HEARTBEAT } as const;
  const [database, redis, readReplica] = await Promise.all([
    timed("PostgreSQL", async () => {
      const rows = await deps.prisma.$queryRaw<Array<{ migration_name: string }>>`
        select migration_name from _prisma_migrations
        where finished_at is not null and rolled_back_at is null
        order by migration_name desc limit 1`;
      return { migration: rows[0]?.migration_name ?? null, notifications: await notificationStats(deps.prisma) };
    }).then(
      ({ value, latencyMs }) => ({ ok: true as const, latencyMs, ...value }),
      (error: unknown) => ({ ok: false as const, error: message(error), migration: undefined, notifications: undefined }),
    ),
    timed("Redis", async () => {
      await deps.redis.ping();
      const beats = await deps.redis.mget(...Object.values(heartbeatQueues).map((q) => WORKER_HEARTBEAT_KEY(deps.prefix, q)));
      const depths = await Promise.all((deps.queues ?? []).map(async (q) => [q.name, await q.getJobCounts("waiting", "active", "delayed", "failed")] as const));
      return { beats, depths };
    }).then(
      ({ value, latencyMs }) => ({ ok: true as const, latencyMs, ...value }),
      (error: unknown) => ({ ok: false as const, error: message(error), beats: [] as Array<string | null>, depths: [] }),
    ),
    deps.replica?.(),
  ]);

  const workers = Object.fromEntries(
    Object.keys(heartbeatQueues).map((name, i) => {
      const beat = redis.beats[i];
      const lastHeartbeatAt = beat ? (JSON.parse(beat) as { at: string }).at : null;
      const fresh = lastHeartbeatAt !== null && now.getTime() - Date.parse(lastHeartbeatAt) < 3 * HEARTBEAT_EVERY_MS;
      return [name, { ok: fresh, lastHeartbeatAt }];
    }),
  ) as Health["workers"];

  return {
    status: database.ok && redis.ok ? "ok" : "unavailable",
    database: database.ok ? { ok: true, latencyMs: database.latencyMs, migration: database.migration } : { ok: false, error: database.error },
    redis: redis.ok ? { ok: true, latencyMs: redis.latencyMs } : { ok: false, error: redis.error },
    workers,
    ...(redis.ok && redis.depths.length
      ? { queues: Object.fromEntries(redis.depths.map(([name, c]) => [name, { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 }])) }
      : {}),
    ...(database.notifications ? { notifications: database.notifications } : {}),
    ...(readReplica ? { readReplica } : {}),
    checkedAt: now.toISOString(),
  };
}
