import { Redis } from "ioredis";

/** Deletes every key under `prefix:` (a test run's queues and counters). */
export const deleteKeys = (redisUrl: string, prefix: string): Promise<void> => deleteKeysMatching(redisUrl, `${prefix}:*`);

/** Deletes every key matching a SCAN pattern. */
export async function deleteKeysMatching(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
