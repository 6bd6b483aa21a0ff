import "server-only";
/**
 * Server-side sessions (issue 14): the owner of whether a signed-in session is still alive. The
 * session token (next-auth's JWT) carries a random session id; the session lives in Redis under
 * that id with the idle timeout of the user's audience as its expiry, renewed by each request. So
 * signing out, "sign out everywhere", deactivation and the idle timeout end a session at once, on
 * every web instance, even though the JWT itself is still validly signed.
 */
import { randomBytes } from "node:crypto";
import type { RedisClient } from "../redis";
import { readEnv, type Env } from "../../config/env";
import { STAFF_ROLES } from "../actor";
import type { Role } from "../../generated/prisma/enums";
import { redis, redisPrefix } from "../redis";
import type { SecondFactorStage } from "../two-factor/requirement";

export interface SessionStore {
  redis: RedisClient;
  prefix: string;
}

export const defaultSessionStore = (): SessionStore => ({ redis: redis(), prefix: redisPrefix() });

const sessionKey = (s: SessionStore, sid: string) => `${s.prefix}:session:${sid}`;
const userKey = (s: SessionStore, userId: string) => `${s.prefix}:user-sessions:${userId}`;

/** Idle timeout in milliseconds for a role (default 8 h for staff). */
export function idleTimeoutMs(role: Role, env: Env = readEnv()): number {
  return (STAFF_ROLES.includes(role) ? env.SESSION_IDLE_MINUTES_STAFF : env.SESSION_IDLE_MINUTES_CUSTOMER) * 60_000;
}

interface StoredSession {
  userId: string;
  idleMs: number;
  /** Set while the sign-in's second step (lib/server/two-factor) is not done: the session opens nothing yet. */
  secondFactor?: SecondFactorStage;
}

/** Starts a session for a user who has just signed in; returns its id (for the token). */
export async function startSession(store: SessionStore, user: { id: string; role: Role }, env: Env = readEnv(), secondFactor: SecondFactorStage | null = null): Promise<string> {
  const sid = randomBytes(24).toString("base64url");
  const idleMs = idleTimeoutMs(user.role, env);
  const record: StoredSession = secondFactor ? { userId: user.id, idleMs, secondFactor } : { userId: user.id, idleMs };
  await store.redis
    .multi()
    .set(sessionKey(store, sid), JSON.stringify(record), "PX", idleMs)
    .sadd(userKey(store, user.id), sid)
    .pexpire(userKey(store, user.id), env.SESSION_MAX_HOURS * 3_600_000)
    .exec();
  return sid;
}

/** Reads a session and renews its idle timeout in one round trip (this runs on every request). */
const TOUCH = `local raw = redis.call('GET', KEYS[1])
if raw then redis.call('PEXPIRE', KEYS[1], cjson.decode(raw).idleMs) end
return raw`;

/** True while the session is alive for this user; each call renews its idle timeout. */
export async function touchSession(store: SessionStore, sid: unknown, userId: unknown): Promise<boolean> {
  return (await touchSessionState(store, sid, userId)) !== null;
}

/** The live session of this user (renewing its idle timeout): whether its second step is still to do; null when it is gone. */
export async function touchSessionState(store: SessionStore, sid: unknown, userId: unknown): Promise<{ secondFactor: SecondFactorStage | null } | null> {
  if (typeof sid !== "string" || typeof userId !== "string" || sid.length === 0) return null;
  const raw = (await store.redis.eval(TOUCH, 1, sessionKey(store, sid))) as string | null;
  if (raw === null) return null;
  const record = JSON.parse(raw) as StoredSession;
  return record.userId === userId ? { secondFactor: record.secondFactor ?? null } : null;
}

/** Marks the sign-in's second step done, keeping the session's expiry; false when the session is gone or not this user's. */
const COMPLETE = `local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.userId ~= ARGV[1] then return 0 end
record.secondFactor = nil
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return 1`;

export async function completeSecondFactor(store: SessionStore, sid: string, userId: string): Promise<boolean> {
  return (await store.redis.eval(COMPLETE, 1, sessionKey(store, sid), userId)) === 1;
}

export async function endSession(store: SessionStore, sid: unknown): Promise<void> {
  if (typeof sid !== "string" || sid.length === 0) return;
  const raw = await store.redis.get(sessionKey(store, sid));
  const multi = store.redis.multi().del(sessionKey(store, sid));
  if (raw) multi.srem(userKey(store, (JSON.parse(raw) as StoredSession).userId), sid);
  await multi.exec();
}

/** Ends every session of a user: sign out everywhere, deactivation, a password change. */
export async function endAllSessions(store: SessionStore, userId: string): Promise<number> {
  const sids = await store.redis.smembers(userKey(store, userId));
  if (sids.length === 0) return 0;
  const ended = await store.redis.del(...sids.map((sid) => sessionKey(store, sid)));
  await store.redis.del(userKey(store, userId));
  return ended;
}
