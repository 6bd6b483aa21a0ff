import "server-only";
/**
 * Ticket registration with an idempotency key (issue 14): a double-clicked portal form (its form
 * token) or an API client retrying with the same `Idempotency-Key` registers one ticket, and every
 * request with that key is answered with it. The key is claimed in Redis with SET NX, scoped to the
 * person registering, for 24 hours: the first request registers and records the ticket's id; a
 * request arriving meanwhile waits for that id (a few seconds at most), then answers with the same
 * ticket. If the first registration fails, the claim is released so a retry can register.
 */
import { z } from "zod";
import type { RedisClient } from "../redis";
import type { Actor } from "../actor";
import { conflict } from "../errors";
import { redis, redisPrefix } from "../redis";
import { parseInput } from "../validation";
import type { UseCaseContext } from "./context";
import { registerTicket } from "./register-ticket";
import { readTicketView } from "./view";
import type { RegisterTicketInput, TicketView } from "./schemas";
import type { NewAttachments } from "../attachments/save";

export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,200}$/, "8–200 letters, digits, _ . : -");

const KEY_TTL_SECONDS = 24 * 3600;
const PENDING = "pending";
const WAIT_MS = 10_000;

export interface IdempotencyStore {
  redis: RedisClient;
  prefix: string;
}

export const defaultIdempotencyStore = (): IdempotencyStore => ({ redis: redis(), prefix: redisPrefix() });

export async function registerTicketOnce({
  actor,
  input,
  idempotencyKey,
  ctx,
  store = defaultIdempotencyStore(),
  attachments,
}: {
  actor: Actor;
  input: RegisterTicketInput;
  idempotencyKey: string;
  ctx: UseCaseContext;
  store?: IdempotencyStore;
  attachments?: NewAttachments;
}): Promise<{ ticket: TicketView; replayed: boolean }> {
  const key = parseInput(z.object({ idempotencyKey: IdempotencyKeySchema }), { idempotencyKey }).idempotencyKey;
  const redisKey = `${store.prefix}:idempotency:register-ticket:${actor.userId}:${key}`;
  const claimed = await store.redis.set(redisKey, PENDING, "EX", KEY_TTL_SECONDS, "NX");
  if (claimed === "OK") {
    let ticket: TicketView;
    try {
      ticket = await registerTicket({ actor, input, ctx, attachments });
    } catch (error) {
      await store.redis.del(redisKey); // nothing was registered: the key is free again
      throw error;
    }
    // Registered: the key is never released now, or a retry would register a second ticket.
    await store.redis.set(redisKey, ticket.id, "EX", KEY_TTL_SECONDS);
    return { ticket, replayed: false };
  }
  const started = Date.now();
  for (;;) {
    const value = await store.redis.get(redisKey);
    if (value && value !== PENDING) {
      const ticket = await readTicketView(ctx.prisma, value, ctx.now());
      if (ticket) return { ticket, replayed: true };
    }
    // The first request failed and released the key: this one registers instead.
    if (value === null) return registerTicketOnce({ actor, input, idempotencyKey, ctx, store, attachments });
    if (Date.now() - started > WAIT_MS) throw conflict("A registration with this idempotency key is still in progress; try again");
    await new Promise((r) => setTimeout(r, 50));
  }
}
