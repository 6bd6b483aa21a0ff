import "server-only";
/**
 * Redis connections: one server, or a Redis Cluster when REDIS_URL lists several nodes
 * (`redis://10.0.0.1:6379,redis://10.0.0.2:6379,…`; the others are discovered from them).
 * BullMQ workers need maxRetriesPerRequest: null (they block on Redis).
 *
 * On a cluster every key this installation writes must hash to one slot: BullMQ's scripts and
 * our own MULTI/EVAL touch several keys at once. REDIS_PREFIX must therefore be a hash tag,
 * e.g. `{helpdesk}`; redisTarget() refuses a cluster with a plain prefix, with the reason.
 */
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from "ioredis";
import { readEnv } from "../config/env";

/** A connection to the configured Redis: a single server or a cluster (the same commands). */
export type RedisClient = Redis | Cluster;

export type RedisTarget = { cluster: false; url: string } | { cluster: true; nodes: Array<{ host: string; port: number }>; username?: string; password?: string; tls: boolean };

/** A prefix that keeps every key in one cluster slot: `{tag}` or `{tag}…`. */
export const isHashTagged = (prefix: string): boolean => /^\{[^{}]+\}/.test(prefix);

/** Where REDIS_URL points: one server, or the nodes of a cluster (two or more URLs, comma-separated). */
export function redisTarget(url: string = readEnv().REDIS_URL, prefix: string = readEnv().REDIS_PREFIX): RedisTarget {
  const urls = url
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length <= 1) return { cluster: false, url: urls[0] ?? url };
  if (!isHashTagged(prefix)) {
    throw new Error(
      `REDIS_URL lists ${urls.length} nodes (a Redis Cluster), but REDIS_PREFIX=${prefix} is no hash tag: a queue's keys would be split across slots and every BullMQ command would fail with CROSSSLOT. Set REDIS_PREFIX={${prefix}}.`,
    );
  }
  const parsed = urls.map((u) => new URL(u));
  const first = parsed[0]!;
  if (parsed.some((u) => u.protocol !== first.protocol)) throw new Error(`REDIS_URL mixes redis:// and rediss:// nodes: a cluster is reached one way, with TLS (rediss://) or without`);
  return {
    cluster: true,
    tls: first.protocol === "rediss:",
    nodes: parsed.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })),
    ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
    ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
  };
}

/** Options that belong to the cluster client itself rather than to its connection to each node. */
const CLUSTER_LEVEL = ["lazyConnect", "enableAutoPipelining", "enableOfflineQueue", "enableReadyCheck"] as const;

export function connectRedis(target: RedisTarget, options: RedisOptions = {}): RedisClient {
  if (!target.cluster) return new Redis(target.url, options);
  const redisOptions: RedisOptions = { ...options };
  const clusterOptions: ClusterOptions = {};
  for (const key of CLUSTER_LEVEL) {
    if (key in options) {
      Object.assign(clusterOptions, { [key]: options[key] });
      delete redisOptions[key];
    }
  }
  if (options.retryStrategy) clusterOptions.clusterRetryStrategy = (times) => options.retryStrategy!(times) ?? null;
  return new Cluster(target.nodes, {
    ...clusterOptions,
    redisOptions: {
      ...redisOptions,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    },
  });
}

export function createRedis(options: RedisOptions = {}): RedisClient {
  return connectRedis(redisTarget(), { maxRetriesPerRequest: null, ...options });
}

/** Prefix of every key this installation writes, BullMQ's included. */
export const redisPrefix = (): string => readEnv().REDIS_PREFIX;

const globalForRedis = globalThis as unknown as { redis?: RedisClient };

/** The process-wide connection for short commands (health, counters); gives up on a command after one retry. */
export function redis(): RedisClient {
  globalForRedis.redis ??= createRedis({ maxRetriesPerRequest: 1, connectTimeout: 2000 });
  return globalForRedis.redis;
}
