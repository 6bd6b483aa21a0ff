import "server-only";
/** Redis connections. BullMQ workers need maxRetriesPerRequest: null (they block on Redis). */
import { Redis, type RedisOptions } from "ioredis";
import { readEnv } from "../config/env";

export function createRedis(options: RedisOptions = {}): Redis {
  return new Redis(readEnv().REDIS_URL, { maxRetriesPerRequest: null, ...options });
}

/** Prefix of every key this installation writes, BullMQ's included. */
export const redisPrefix = (): string => readEnv().REDIS_PREFIX;

const globalForRedis = globalThis as unknown as { redis?: Redis };

/** The process-wide connection for short commands (health, counters); gives up on a command after one retry. */
export function redis(): Redis {
  globalForRedis.redis ??= createRedis({ maxRetriesPerRequest: 1, connectTimeout: 2000 });
  return globalForRedis.redis;
}
