import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { deleteKeys } from "../support/redis-keys";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import * as ticketRoute from "../../app/api/v1/tickets/[id]/route";
import * as eventsRoute from "../../app/api/v1/tickets/[id]/events/route";
import { apiRequest, routeParams } from "../support/api-request";

/** Rate-limit counters of this run start empty, whatever earlier test files spent in this minute. */
const resetRateLimits = () => deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);

describe("REST API: a ticket's life through /api/v1", () => {
  const prisma = db();
  const tokens = new Map<string, string>();

  const request = (who: string, path: string, body?: unknown) => apiRequest(tokens.get(who), path, body);
  const params = routeParams;
  const register = (who: string, body: object) => ticketsRoute.POST(request(who, "/tickets", body));
  const act = (who: string, id: string, action: object) => eventsRoute.POST(request(who, `/tickets/${id}/events`, action), params(id));
  const events = async (who: string, id: string) => (await (await eventsRoute.GET(request(who, `/tickets/${id}/events`), params(id))).json()).items as { type: string }[];

  beforeAll(async () => {
    await seed(prisma);
    await resetRateLimits();
    for (const email of ["kari@nordlys.example", "ola@nordlys.example", "lise@servicedesk.example"]) {
      tokens.set(email.split("@")[0]!, (await createApiToken({ input: { email }, ctx: { prisma, now: () => new Date() } })).token);
    }
  });
  afterAll(async () => {
    await prisma.$disconnect();
    redis().disconnect();
  });

  it("registers a ticket: 201 with its reference, organisation and running response clock", async () => {
    const response = await register("kari", { title: "VPN down", description: "Cannot connect since 08:00", priority: "P2" });
    expect(response.status).toBe(201);
    const ticket = await response.json();
    const kari = await prisma.user.findUniqueOrThrow({ where: { email: "kari@nordlys.example" } });
    expect(ticket).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(/^NL-\d{4}-\d+$/),
      title: "VPN down",
      priority: "P2",
      status: "NEW",
      channel: "API",
      organizationId: kari.organizationId,
      requesterId: kari.id,
      createdAt: expect.any(String),
      sla: { response: { state: "running", dueAt: expect.any(String), businessMinutesLeft: expect.any(Number), targetMinutes: 120 } },
    });
    expect(response.headers.get("location")).toBe(`/api/v1/tickets/${ticket.id}`);
    expect(response.headers.get("x-ratelimit-limit")).toBe("100");

    const read = await ticketRoute.GET(request("kari", `/tickets/${ticket.id}`), params(ticket.id));
    expect(read.status).toBe(200);
    expect((await read.json()).reference).toBe(ticket.reference);
    const byAdmin = await ticketRoute.GET(request("ola", `/tickets/${ticket.id}`), params(ticket.id));
    expect(byAdmin.status).toBe(200);
  });

  it("lists with filters and cursor pagination, newest first, without gaps or repeats", async () => {
    const ids: string[] = [];
    for (const priority of ["P4", "P4", "P4", "P3", "P4"]) {
      ids.push((await (await register("kari", { title: `Paging ${priority}`, description: "x", priority })).json()).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/tickets?priority=P4&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await ticketsRoute.GET(request("kari", query));
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: string; priority: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const item of page.items) expect(item.priority).toBe("P4");
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    const p4 = [ids[4], ids[2], ids[1], ids[0]];
    expect(seen.filter((id) => ids.includes(id))).toEqual(p4);
    expect(pages).toBeGreaterThanOrEqual(2);

    const closed = await (await ticketsRoute.GET(request("kari", "/tickets?status=CLOSED"))).json();
    expect(closed.items.filter((i: { id: string }) => ids.includes(i.id))).toEqual([]);
  });

  it("lets the servicedesk and the requester act as their roles allow: 200 with the ticket, 409 for a wrong state, 422 for a wrong role", async () => {
    const { id } = await (await register("kari", { title: "Mail bounces", description: "All outgoing mail bounces", priority: "P3" })).json();

    const started = await act("lise", id, { type: "start" });
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({ id, status: "IN_PROGRESS", sla: { response: { state: "met" } } });

    const again = await act("lise", id, { type: "start" });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("conflict");

    const escalatedByCustomer = await act("kari", id, { type: "escalate", line: "L2", workDone: "I restarted my laptop twice" });
    expect(escalatedByCustomer.status).toBe(422);
    expect((await escalatedByCustomer.json()).error.code).toBe("unprocessable");

    expect((await act("lise", id, { type: "note", body: "Internal: check the relay" })).status).toBe(200);
    expect((await act("lise", id, { type: "reply", body: "We are on it" })).status).toBe(200);
    expect((await act("kari", id, { type: "reply", body: "Thanks" })).status).toBe(200);

    const staffView = (await events("lise", id)).map((e) => e.type);
    const customerView = (await events("kari", id)).map((e) => e.type);
    expect(staffView).toContain("INTERNAL_NOTE");
    expect(customerView).not.toContain("INTERNAL_NOTE");
    expect(customerView.filter((t) => t === "PUBLIC_REPLY")).toHaveLength(2);

    const solved = await act("lise", id, { type: "resolve", solution: "Relay fixed" });
    expect((await solved.json()).status).toBe("SOLVED");
    const confirmed = await act("kari", id, { type: "confirm" });
    expect(confirmed.status).toBe(200);
    expect((await confirmed.json()).status).toBe("CLOSED");
    expect((await act("kari", id, { type: "reopen", reason: "Still bouncing" })).status).toBe(409);
  });
});
