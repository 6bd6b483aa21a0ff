import "server-only";
/**
 * Portal form posts per person (issue 14: 20 posts in 0.3 s were all served): at most
 * PORTAL_POSTS_PER_MINUTE registrations, replies, acceptances and reopenings a minute per user,
 * counted in Redis across web instances. Past that the form says so and nothing is written.
 */
import { readEnv } from "../config/env";
import type { Actor } from "./actor";
import { checkRateLimit } from "./api/rate-limit";
import { redis, redisPrefix } from "./redis";
import type { RedisClient } from "./redis";

export async function portalPostAllowed({
  actor,
  now,
  store = { redis: redis(), prefix: redisPrefix() },
  limit = readEnv().PORTAL_POSTS_PER_MINUTE,
}: {
  actor: Actor;
  now: Date;
  store?: { redis: RedisClient; prefix: string };
  limit?: number;
}): Promise<boolean> {
  const decision = await checkRateLimit({ redis: store.redis, prefix: store.prefix, bucket: `portal-post:${actor.userId}`, limit, now });
  return decision.allowed;
}
