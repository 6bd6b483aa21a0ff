import { Cluster, Redis } from "ioredis";

/** Deletes every key under `prefix:` (a test run's queues and counters). */
export const deleteKeys = (redisUrl: string, prefix: string): Promise<void> => deleteKeysMatching(redisUrl, `${prefix}:*`);

async function deleteOn(redis: Redis, pattern: string, clusterNode: boolean): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    // One by one on a cluster node: keys of different slots cannot share a DEL there.
    if (keys.length) await (clusterNode ? Promise.all(keys.map((k) => redis.del(k))) : redis.del(...keys));
    cursor = next;
  } while (cursor !== "0");
}

/** Deletes every key matching a SCAN pattern, on one server or on every master of a cluster (REDIS_URL with several nodes). */
export async function deleteKeysMatching(redisUrl: string, pattern: string): Promise<void> {
  const urls = redisUrl.split(",").map((u) => u.trim());
  if (urls.length > 1) {
    const cluster = new Cluster(urls.map((u) => ({ host: new URL(u).hostname, port: Number(new URL(u).port) })));
    try {
      await cluster.ping(); // connected, so the masters are known
      await Promise.all(cluster.nodes("master").map((node) => deleteOn(node, pattern, true)));
    } finally {
      cluster.disconnect();
    }
    return;
  }
  const redis = new Redis(redisUrl);
  try {
    await deleteOn(redis, pattern, false);
  } finally {
    redis.disconnect();
  }
}
