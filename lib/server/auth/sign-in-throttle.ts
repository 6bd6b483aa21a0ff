import "server-only";
/**
 * Throttles password sign-in (issue 14) per e-mail address and per client address, in Redis, the
 * same for addresses that exist and ones that do not: the answer past the limit is 429 with
 * Retry-After, and it comes before any database or bcrypt work, so it does not tell them apart.
 */
import { createHash } from "node:crypto";
import type { RedisClient } from "../redis";
import { readEnv, type Env } from "../../config/env";
import { checkRateLimit } from "../api/rate-limit";

export interface SignInThrottleDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

const addressBucket = (email: string) => `signin-address:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;

export async function checkSignInThrottle(o: { redis: RedisClient; prefix: string; email: string; client: string; now: Date; env?: Env }): Promise<SignInThrottleDecision> {
  const env = o.env ?? readEnv();
  const windowMs = env.SIGNIN_WINDOW_MINUTES * 60_000;
  const [byAddress, byClient] = await Promise.all([
    checkRateLimit({ redis: o.redis, prefix: o.prefix, bucket: addressBucket(o.email), limit: env.SIGNIN_MAX_PER_ADDRESS, now: o.now, windowMs }),
    checkRateLimit({ redis: o.redis, prefix: o.prefix, bucket: `signin-client:${o.client}`, limit: env.SIGNIN_MAX_PER_CLIENT, now: o.now, windowMs }),
  ]);
  const refused = [byAddress, byClient].filter((d) => !d.allowed);
  return { allowed: refused.length === 0, retryAfterSeconds: Math.max(0, ...refused.map((d) => d.retryAfterSeconds)) };
}

/**
 * The client's address as scripts/start.mjs recorded it from the socket (or, with TRUST_PROXY,
 * from X-Forwarded-For); "unknown" when the app runs without it (next dev).
 */
export const CLIENT_ADDRESS_HEADER = "x-helpdesk-client-address";
export const clientAddressOf = (request: Request): string => request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
