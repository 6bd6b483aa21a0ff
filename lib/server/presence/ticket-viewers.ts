import "server-only";
/**
 * Who is viewing a ticket (issue 19, collision warning): each staff member's page says "I am here"
 * every PRESENCE_HEARTBEAT_MS and gets back the others. Kept in Redis, one sorted set per ticket
 * (member: user id, score: when their presence runs out), so a closed tab drops out by itself
 * after PRESENCE_TTL_MS and the key itself expires when nobody is left. One key per call: safe on a
 * Redis Cluster (the prefix is the installation's hash tag, like every other key we write).
 */
import { isStaff, type Actor } from "../actor";
import { notFound } from "../errors";
import { redis, redisPrefix, type RedisClient } from "../redis";
import type { UseCaseContext } from "../tickets/context";
import { UUID } from "../tickets/scope";

export const PRESENCE_TTL_MS = 30_000;
export const PRESENCE_HEARTBEAT_MS = 10_000;

export const presenceKey = (prefix: string, ticketId: string): string => `${prefix}:presence:ticket:${ticketId}`;

export interface PresenceStore {
  redis: RedisClient;
  prefix: string;
}
const defaultPresenceStore = (): PresenceStore => ({ redis: redis(), prefix: redisPrefix() });

export interface TicketViewer {
  userId: string;
  name: string;
}

/** Records the actor as viewing the ticket now and returns the other staff viewing it (by name). */
export async function touchTicketPresence({
  actor,
  input,
  ctx,
  store = defaultPresenceStore(),
}: {
  actor: Actor;
  input: { ticketId: string };
  ctx: UseCaseContext;
  store?: PresenceStore;
}): Promise<TicketViewer[]> {
  if (!isStaff(actor) || !UUID.test(input.ticketId)) throw notFound();
  const now = ctx.now().getTime();
  const key = presenceKey(store.prefix, input.ticketId);
  const results = await store.redis
    .multi()
    .zremrangebyscore(key, "-inf", now)
    .zadd(key, now + PRESENCE_TTL_MS, actor.userId)
    .pexpire(key, PRESENCE_TTL_MS)
    .zrangebyscore(key, now, "+inf")
    .exec();
  const [error, members] = results?.[3] ?? [new Error("Redis MULTI was discarded"), null];
  if (error) throw error;
  const others = (members as string[]).filter((id) => id !== actor.userId && UUID.test(id));
  if (others.length === 0) return [];
  const users = await ctx.prisma.user.findMany({ where: { id: { in: others } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return users.map((u) => ({ userId: u.id, name: u.name }));
}
