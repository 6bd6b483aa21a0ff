import "server-only";
/**
 * Start-up checks: can this process reach PostgreSQL and Redis? When not, the answer is one line
 * that names the URL and how to start the service, never a stack trace.
 */
import pg from "pg";
import { connectRedis, redisTarget, type RedisTarget } from "./redis";
import { readEnv, redactUrl } from "../config/env";
import { maintenanceUrl } from "./db/admin";

export class ServiceUnavailableError extends Error {
  override name = "ServiceUnavailableError";
}

const TIMEOUT_MS = 3000;

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ?? e.message ?? String(error);
}

export async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "3D000") {
      throw new ServiceUnavailableError(`PostgreSQL at ${redactUrl(url)} has no such database: run \`npm run db:migrate\` to create it.`);
    }
    throw new ServiceUnavailableError(
      `PostgreSQL is not reachable at ${redactUrl(url)} (${reason(error)}): start it (\`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\`, or \`docker compose up -d postgres\`) or set DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Redis (one server, or a cluster whose slots are all served: `connect` waits for that) answers PING. */
export async function checkRedis(url: string, prefix: string = readEnv().REDIS_PREFIX): Promise<void> {
  let target: RedisTarget;
  try {
    target = redisTarget(url, prefix);
  } catch (error) {
    throw new ServiceUnavailableError(reason(error));
  }
  const redis = connectRedis(target, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let firstError: unknown;
  redis.on("error", (error) => (firstError ??= error)); // reported below, once
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new ServiceUnavailableError(
      `Redis${target.cluster ? " Cluster" : ""} is not reachable at ${redactUrl(url)} (${reason(firstError ?? error)}): start it (\`redis-server --daemonize yes --bind 127.0.0.1 --port 6379\`, or \`docker compose up -d redis\`) or set REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}

/**
 * Checks the services a process needs, in parallel. `postgres: "server"` only needs the server
 * (for tools that create the database themselves); `"database"` needs the configured database.
 */
export async function preflight(needs: { postgres?: "server" | "database"; redis?: boolean }): Promise<void> {
  const env = readEnv();
  await Promise.all([
    needs.postgres === "database" ? checkPostgres(env.DATABASE_URL) : undefined,
    needs.postgres === "server" ? checkPostgres(maintenanceUrl(env.DATABASE_URL)) : undefined,
    needs.redis ? checkRedis(env.REDIS_URL) : undefined,
  ]);
}
