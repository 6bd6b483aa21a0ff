/**
 * Calls per minute per organisation (SLA-RULES.md §5: 100 per customer), shared by all of its
 * tokens and all web instances: a fixed window counted in Redis, one key per organisation and
 * minute, which expires when its minute is over.
 */
import type { Redis } from "ioredis";

export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Calls left in this window after this one. */
  remaining: number;
  /** Seconds until the window ends (the Retry-After of a refused call). */
  retryAfterSeconds: number;
}

export const rateLimitKey = (prefix: string, organizationId: string, windowStart: number): string =>
  `${prefix}:ratelimit:${organizationId}:${windowStart}`;

export async function checkRateLimit(o: {
  redis: Redis;
  prefix: string;
  organizationId: string;
  limit: number;
  now: Date;
}): Promise<RateLimitDecision> {
  const nowMs = o.now.getTime();
  const windowStart = nowMs - (nowMs % RATE_LIMIT_WINDOW_MS);
  const msLeft = windowStart + RATE_LIMIT_WINDOW_MS - nowMs;
  const key = rateLimitKey(o.prefix, o.organizationId, windowStart);
  // The key outlives its window by a little, so a clock skew between instances never resets it early.
  const results = await o.redis.multi().incr(key).pexpire(key, msLeft + 5_000).exec();
  const [incrError, count] = results?.[0] ?? [new Error("Redis MULTI was discarded"), null];
  if (incrError) throw incrError;
  const calls = Number(count);
  return {
    allowed: calls <= o.limit,
    limit: o.limit,
    remaining: Math.max(0, o.limit - calls),
    retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
  };
}
