/**
 * Text a database cannot store, and cursors and dates that are not ours, are the caller's mistake
 * (issue 14): a NUL character or an unpaired surrogate in any text field, a garbage cursor and an
 * out-of-range date each get 400 naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { deleteKeys } from "../support/redis-keys";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import * as eventsRoute from "../../app/api/v1/tickets/[id]/events/route";
import * as incidentsRoute from "../../app/api/v1/incidents/route";
import { apiRequest, routeParams } from "../support/api-request";

const BAD = { nul: "Skriver\u0000 virker ikke", surrogate: "Skriver \ud800 virker ikke" };

describe("text, cursors and dates the API cannot take answer 400 naming the field", () => {
  const prisma = db();
  const tokens: Record<string, string> = {};
  let ticketId = "";
  const request = (who: string, path: string, body?: unknown) => apiRequest(tokens[who], path, body);
  const params = routeParams;
  async function expect400(response: Response, field: string) {
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(Object.keys(body.error.fields ?? {})).toContain(field);
  }

  beforeAll(async () => {
    await seed(prisma);
    await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
    for (const email of ["kari@nordlys.example", "lise@servicedesk.example", "admin@servicedesk.example"]) {
      tokens[email.split("@")[0]!] = (await createApiToken({ input: { email }, ctx: { prisma, now: () => new Date() } })).token;
    }
    ticketId = (await (await ticketsRoute.POST(request("kari", "/tickets", { title: "Skriveren", description: "Virker ikke", priority: "P3" }))).json()).id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    redis().disconnect();
  });

  it.each(Object.entries(BAD))("a %s in a title, description, reply, note or incident service", async (_kind, bad) => {
    const tickets = await prisma.ticket.count();
    const comments = await prisma.comment.count();
    await expect400(await ticketsRoute.POST(request("kari", "/tickets", { title: bad, description: "ok", priority: "P3" })), "title");
    await expect400(await ticketsRoute.POST(request("kari", "/tickets", { title: "ok", description: bad, priority: "P3" })), "description");
    await expect400(await eventsRoute.POST(request("kari", `/tickets/${ticketId}/events`, { type: "reply", body: bad }), params(ticketId)), "body");
    await expect400(await eventsRoute.POST(request("lise", `/tickets/${ticketId}/events`, { type: "note", body: bad }), params(ticketId)), "body");
    await expect400(await eventsRoute.POST(request("lise", `/tickets/${ticketId}/events`, { type: "wait", reason: bad }), params(ticketId)), "reason");
    await expect400(await incidentsRoute.POST(request("admin", "/incidents", { service: bad, cause: "strøm", startedAt: "2026-11-02T10:00:00Z" })), "service");
    expect(await prisma.ticket.count()).toBe(tickets);
    expect(await prisma.comment.count()).toBe(comments);
  });

  it("a garbage cursor on the ticket list", async () => {
    for (const cursor of ["garbage", Buffer.from("2026-01-01T00:00:00Z|not-a-uuid").toString("base64url"), "%00"]) {
      await expect400(await ticketsRoute.GET(request("kari", `/tickets?cursor=${cursor}`)), "cursor");
    }
  });

  it("an out-of-range date on the incident list", async () => {
    await expect400(await incidentsRoute.GET(request("admin", "/incidents?from=0000-01-01T00:00:00Z")), "from");
    await expect400(await incidentsRoute.GET(request("admin", "/incidents?to=10000-01-01T00:00:00Z")), "to");
    expect((await incidentsRoute.GET(request("admin", "/incidents?from=2026-01-01T00:00:00Z"))).status).toBe(200);
  });
});
