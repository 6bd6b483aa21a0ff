import "server-only";
import { Queue } from "bullmq";
import { createRedis, redisPrefix } from "../redis";
import { QUEUES } from "./queues";

const globalForQueues = globalThis as unknown as { queueHandles?: Queue[] };

/** The web process's handles on every queue (for depths on /api/health), opened once. */
export function queueHandles(): Queue[] {
  if (!globalForQueues.queueHandles) {
    const connection = createRedis({ maxRetriesPerRequest: 1, connectTimeout: 2000 });
    globalForQueues.queueHandles = Object.values(QUEUES).map((name) => new Queue(name, { connection, prefix: redisPrefix() }));
  }
  return globalForQueues.queueHandles;
}
