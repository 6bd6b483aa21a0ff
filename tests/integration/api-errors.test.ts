import { readdir } from "node:fs/promises";
import { dirname } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { deleteKeys } from "../support/redis-keys";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { defaultApiDeps, withApiActor } from "../../lib/server/api/with-api-actor";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import * as ticketRoute from "../../app/api/v1/tickets/[id]/route";
import * as eventsRoute from "../../app/api/v1/tickets/[id]/events/route";
import * as openApiRoute from "../../app/api/v1/openapi.json/route";

/** The tokens' creation instant, chosen: nothing here depends on when the test runs (the tokens never expire). */
const TOKEN_CREATED_AT = new Date("2026-11-02T09:00:00Z");

/** Rate-limit counters of this run start empty, whatever earlier test files spent in this minute. */
const resetRateLimits = () => deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);

describe("REST API errors", () => {
  const prisma = db();
  let token = "";
  let ticketId = "";

  const request = (path: string, init: { method?: string; body?: string } = {}) =>
    new Request(`http://test/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: init.body,
    });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  async function expectError(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body).toEqual({ error: { code, message: expect.any(String), ...(body.error.fields ? { fields: expect.any(Object) } : {}) } });
    expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+|node_modules|\bat \w/);
    return body.error as { code: string; message: string; fields?: Record<string, string[]> };
  }

  beforeAll(async () => {
    await seed(prisma);
    await resetRateLimits();
    // A token made at a chosen instant: the routes only check that it has not expired (it never does).
    token = (await createApiToken({ input: { email: "kari@nordlys.example" }, ctx: { prisma, now: () => TOKEN_CREATED_AT } })).token;
    const created = await ticketsRoute.POST(request("/tickets", { method: "POST", body: JSON.stringify({ title: "Printer", description: "It does not print", priority: "P3" }) }));
    expect(created.status).toBe(201);
    ticketId = (await created.json()).id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    redis().disconnect();
  });

  it("answers a malformed JSON body with 400, and changes nothing", async () => {
    const before = await prisma.ticket.count();
    for (const body of ["{", "", "title=x", '{"title": }']) {
      const error = await expectError(await ticketsRoute.POST(request("/tickets", { method: "POST", body })), 400, "bad_request");
      expect(error.message).toMatch(/JSON/);
    }
    await expectError(await eventsRoute.POST(request(`/tickets/${ticketId}/events`, { method: "POST", body: "[" }), params(ticketId)), 400, "bad_request");
    expect(await prisma.ticket.count()).toBe(before);
  });

  it("answers invalid fields with 400 and the messages by field", async () => {
    const error = await expectError(await ticketsRoute.POST(request("/tickets", { method: "POST", body: JSON.stringify({ title: "   ", priority: "P9", channel: "FAX" }) })), 400, "bad_request");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["channel", "description", "priority", "title"]);
    expect(error.fields!.title).toEqual(["must not be empty"]);

    const notAnObject = await expectError(await ticketsRoute.POST(request("/tickets", { method: "POST", body: "[1]" })), 400, "bad_request");
    expect(notAnObject.fields).toHaveProperty("_");

    const query = await expectError(await ticketsRoute.GET(request("/tickets?priority=P9&limit=0")), 400, "bad_request");
    expect(Object.keys(query.fields ?? {}).sort()).toEqual(["limit", "priority"]);

    const cursor = await expectError(await ticketsRoute.GET(request("/tickets?cursor=garbage")), 400, "bad_request");
    expect(cursor.fields).toHaveProperty("cursor");
  });

  it("answers an unknown event type, or an event without its fields, with 400", async () => {
    const unknown = await expectError(
      await eventsRoute.POST(request(`/tickets/${ticketId}/events`, { method: "POST", body: JSON.stringify({ type: "dance" }) }), params(ticketId)),
      400,
      "bad_request",
    );
    expect(unknown.fields).toHaveProperty("type");
    const missing = await expectError(
      await eventsRoute.POST(request(`/tickets/${ticketId}/events`, { method: "POST", body: JSON.stringify({ type: "reopen" }) }), params(ticketId)),
      400,
      "bad_request",
    );
    expect(missing.fields).toHaveProperty("reason");
    const events = await prisma.ticketEvent.count({ where: { ticketId } });
    expect(events).toBe(1); // only REGISTERED
  });

  it("answers an id that is not a uuid exactly like an unknown one: 404", async () => {
    const unknown = await ticketRoute.GET(request(`/tickets/${randomUUID()}`), params(randomUUID()));
    const malformed = await ticketRoute.GET(request("/tickets/1%20or%201=1"), params("1 or 1=1"));
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toEqual(await unknown.json());
    await expectError(await eventsRoute.GET(request("/tickets/x/events"), params("x")), 404, "not_found");
    await expectError(await eventsRoute.POST(request("/tickets/x/events", { method: "POST", body: JSON.stringify({ type: "start" }) }), params("x")), 404, "not_found");
  });

  it("answers a body larger than the API takes with 400", async () => {
    const body = JSON.stringify({ title: "Big", description: "x".repeat(300_000), priority: "P4" });
    await expectError(await ticketsRoute.POST(request("/tickets", { method: "POST", body })), 400, "bad_request");
  });

  it("answers an unexpected failure with a plain 500, logged on the server, no stack or message in the response", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const failing = withApiActor(
        async () => {
          throw new Error("connection to 10.0.0.5 refused at lib/server/secret.ts:42");
        },
        () => ({ ...defaultApiDeps(), prisma }),
      );
      const response = await failing(request("/failing"));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: { code: "internal", message: "Something went wrong" } });
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
  });

  it("serves an OpenAPI 3.1 document with the four routes, bearer security, the error shape and the ticket schemas", async () => {
    const response = openApiRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const doc = JSON.parse(await response.text());
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    // Every route under app/api/v1 is documented, and nothing else (the catch-all only answers 404).
    const routes = (await readdir("app/api/v1", { recursive: true }))
      .filter((file) => file.endsWith("route.ts") && !file.includes("[..."))
      .map((file) => `/api/v1/${dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}"))
      .sort();
    expect(routes).toContain("/api/v1/tickets/{id}/events");
    expect(Object.keys(doc.paths).sort()).toEqual(routes);
    expect(Object.keys(doc.paths["/api/v1/tickets"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/tickets/{id}/events"]).sort()).toEqual(["get", "post"]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths["/api/v1/openapi.json"].get.security).toEqual([]);

    const schemas = doc.components.schemas;
    expect(schemas.RegisterTicket.required.sort()).toEqual(["description", "priority", "title"]);
    expect(schemas.RegisterTicket.properties.priority.enum).toEqual(["P1", "P2", "P3", "P4"]);
    const actionTypes = schemas.TicketAction.oneOf.map((o: { properties: { type: { const: string } } }) => o.properties.type.const);
    expect(actionTypes).toEqual(expect.arrayContaining(["start", "reply", "note", "escalate", "wait", "resume", "resolve", "confirm", "reopen", "priority"]));
    expect(schemas.Ticket.properties.sla.properties.response.anyOf[0].properties.state.enum).toContain("breached");
    expect(schemas.Error.properties.error.required.sort()).toEqual(["code", "message"]);

    const responses = doc.paths["/api/v1/tickets/{id}/events"].post.responses;
    expect(Object.keys(responses).sort()).toEqual(["200", "400", "401", "404", "409", "422", "429", "500"]);
    expect(doc.components.responses.RateLimited.headers).toHaveProperty("Retry-After");
    expect(doc.paths["/api/v1/tickets"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["q", "status", "priority", "line", "cursor", "limit"]);
    // Every $ref points at something that exists.
    for (const ref of JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []) {
      const path = ref.slice(8, -1).replace(/^#\//, "").split("/");
      expect(
        path.reduce((node: Record<string, unknown> | undefined, key) => node?.[key] as Record<string, unknown> | undefined, doc),
        ref,
      ).toBeDefined();
    }
  });
});
