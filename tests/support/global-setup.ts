/**
 * Integration tests get a database and a Redis key prefix of their own for the whole run, so runs
 * never collide; both are removed afterwards.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { readEnv } from "../../lib/config/env";
import { checkPostgres, checkRedis } from "../../lib/server/preflight";
import { migrate } from "../../lib/server/db/migrations";
import { dropDatabase, maintenanceUrl } from "../../lib/server/db/admin";
import { tempDatabaseUrl } from "./temp-database";

export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const env = readEnv();
  await Promise.all([checkPostgres(maintenanceUrl(env.DATABASE_URL)), checkRedis(env.REDIS_URL)]);
  const url = tempDatabaseUrl("run");
  await migrate(url);
  const prefix = `hd-test-${randomBytes(4).toString("hex")}`;
  process.env.DATABASE_URL = url;
  process.env.REDIS_PREFIX = prefix;
  process.env.DATABASE_POOL_SIZE = "4";
  return async () => {
    await dropDatabase(url);
    await deleteKeys(env.REDIS_URL, prefix);
  };
}
