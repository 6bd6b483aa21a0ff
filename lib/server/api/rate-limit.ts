import "server-only";
/**
 * Fixed-window rate limits counted in Redis, shared by all web instances: one key per bucket and
 * window, which expires when its window is over. The REST API counts calls per minute per customer
 * organisation (SLA-RULES.md §5: 100 per customer, shared by its tokens) and per token for
 * provider staff; sign-in counts attempts per address and per client (auth/sign-in-throttle.ts).
 */
import type { RedisClient } from "../redis";

export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Calls left in this window after this one. */
  remaining: number;
  /** Seconds until the window ends (the Retry-After of a refused call). */
  retryAfterSeconds: number;
}

export const rateLimitKey = (prefix: string, bucket: string, windowStart: number): string => `${prefix}:ratelimit:${bucket}:${windowStart}`;

export async function checkRateLimit(o: {
  redis: RedisClient;
  prefix: string;
  /** What is counted: an organisation's id, `token:<id>`, `signin-ip:<address>`, … */
  bucket: string;
  limit: number;
  now: Date;
  windowMs?: number;
}): Promise<RateLimitDecision> {
  const windowMs = o.windowMs ?? RATE_LIMIT_WINDOW_MS;
  const nowMs = o.now.getTime();
  const windowStart = nowMs - (nowMs % windowMs);
  const msLeft = windowStart + windowMs - nowMs;
  const key = rateLimitKey(o.prefix, o.bucket, windowStart);
  // The key outlives its window by a little, so a clock skew between instances never resets it early.
  const results = await o.redis
    .multi()
    .incr(key)
    .pexpire(key, msLeft + 5_000)
    .exec();
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
