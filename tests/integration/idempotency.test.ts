/**
 * A double submit registers one ticket (issue 14): two simultaneous API registrations with one
 * Idempotency-Key, and two simultaneous submits of the portal form's token, each give one ticket,
 * and both answers carry it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { deleteKeys } from "../support/redis-keys";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import { loadActor } from "../../lib/server/actor";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { registerTicketOnce } from "../../lib/server/tickets";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import { portalPostAllowed } from "../../lib/server/portal-throttle";

describe("idempotent ticket registration", () => {
  const prisma = db();
  let token = "";
  const post = (title: string, key?: string) =>
    ticketsRoute.POST(
      new Request("http://test/api/v1/tickets", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
        body: JSON.stringify({ title, description: "Dobbeltklikk", priority: "P3" }),
      }),
    );
  const count = (title: string) => prisma.ticket.count({ where: { title } });

  beforeAll(async () => {
    await seed(prisma);
    await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
    token = (await createApiToken({ input: { email: "kari@nordlys.example" }, ctx: { prisma, now: () => new Date() } })).token;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    redis().disconnect();
  });

  it("two simultaneous API registrations with one Idempotency-Key give one ticket, and both answers carry it", async () => {
    const [a, b] = await Promise.all([post("API dobbel", "key-0123456789"), post("API dobbel", "key-0123456789")]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [ta, tb] = [await a.json(), await b.json()];
    expect(ta.id).toBe(tb.id);
    expect(await count("API dobbel")).toBe(1);
    // A later retry gets it too; another key is another ticket; no key registers every time.
    const retry = await post("API dobbel", "key-0123456789");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect((await retry.json()).id).toBe(ta.id);
    expect((await post("API dobbel", "key-other-9876543210")).status).toBe(201);
    expect(await count("API dobbel")).toBe(2);
    await Promise.all([post("Uten nøkkel"), post("Uten nøkkel")]);
    expect(await count("Uten nøkkel")).toBe(2);
    expect((await post("Dårlig nøkkel", "x")).status).toBe(400);
  });

  it("portal form posts are limited per person per minute (PORTAL_POSTS_PER_MINUTE)", async () => {
    const per = await loadActor(prisma, (await prisma.user.findUniqueOrThrow({ where: { email: "per@nordlys.example" } })).id);
    const kari = await loadActor(prisma, (await prisma.user.findUniqueOrThrow({ where: { email: "kari@nordlys.example" } })).id);
    const now = new Date(Date.UTC(2031, 5, 1, 10, 0, 10));
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await portalPostAllowed({ actor: per!, now }));
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results.at(-1)).toBe(false);
    expect(await portalPostAllowed({ actor: kari!, now })).toBe(true);
    expect(await portalPostAllowed({ actor: per!, now: new Date(now.getTime() + 60_000) })).toBe(true);
  });

  it("two simultaneous submits of one portal form token give one ticket, and a failed first try can be retried", async () => {
    const kari = await loadActor(prisma, (await prisma.user.findUniqueOrThrow({ where: { email: "kari@nordlys.example" } })).id);
    const ctx = { prisma, now: () => new Date() };
    const input = { title: "Portal dobbel", description: "Dobbeltklikk på send", priority: "P2" as const, channel: "PORTAL" as const };
    const formToken = "5b0e1c9e-4a55-4c1e-9d1a-0d7f1c2b3a4e";
    const [a, b] = await Promise.all([registerTicketOnce({ actor: kari!, input, idempotencyKey: formToken, ctx }), registerTicketOnce({ actor: kari!, input, idempotencyKey: formToken, ctx })]);
    expect(a.ticket.id).toBe(b.ticket.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await count("Portal dobbel")).toBe(1);

    const failing = { ...input, title: "" };
    await expect(registerTicketOnce({ actor: kari!, input: failing, idempotencyKey: "retry-token-12345", ctx })).rejects.toMatchObject({ code: "bad_request" });
    const ok = await registerTicketOnce({ actor: kari!, input: { ...input, title: "Portal etter feil" }, idempotencyKey: "retry-token-12345", ctx });
    expect(ok.replayed).toBe(false);
  });
});
