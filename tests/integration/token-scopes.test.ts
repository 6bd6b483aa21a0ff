/**
 * API token scopes and a customer admin's own tokens (issue 15): a READ token reads and is refused
 * (403, a JSON error that says why) on every write, writing nothing; READ_WRITE writes. Customer
 * admins create and revoke their own organisation's tokens only: another organisation's token or
 * user is "not found", and nothing is written. Create and revoke are in the audit log.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { readEnv } from "../../lib/config/env";
import { createUserToken, revokeUserToken } from "../../lib/server/admin";
import { listOrganizationTokens } from "../../lib/server/tokens/list-organization-tokens";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import type { Actor } from "../../lib/server/actor";
import { apiRequest } from "../support/api-request";
import { deleteKeys } from "../support/redis-keys";
import { rejection, seededActors } from "../support/fixtures";

describe("API token scopes and a customer admin's tokens", () => {
  const prisma = db();
  const NOW = new Date("2026-11-25T12:00:00Z");
  const ctx = { prisma, now: () => NOW, clientAddress: "203.0.113.9" };
  let actors: Record<"admin" | "ola" | "kari" | "fjordvikAdmin", Actor>;

  beforeAll(async () => {
    actors = await seededActors(prisma, ["admin", "ola", "kari", "fjordvikAdmin"]);
    await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
  });

  const newTicket = { title: "Skriveren virker ikke", description: "Fra API-et", priority: "P3" };

  it("a READ token reads, and a write is refused with 403 and a clear error, writing nothing", async () => {
    const read = await createUserToken({ actor: actors.ola, input: { userId: actors.ola.userId, name: "Intranett", scope: "READ" }, ctx });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: read.id } })).scope).toBe("READ");

    const list = await ticketsRoute.GET(apiRequest(read.token, "/tickets"));
    expect(list.status).toBe(200);

    const before = await prisma.ticket.count();
    const write = await ticketsRoute.POST(apiRequest(read.token, "/tickets", newTicket));
    expect(write.status).toBe(403);
    expect(await write.json()).toEqual({ error: { code: "forbidden", message: expect.stringMatching(/read-only \(scope READ\): POST is a write/) } });
    expect(await prisma.ticket.count()).toBe(before);

    const readWrite = await createUserToken({ actor: actors.ola, input: { userId: actors.ola.userId, name: "Integrasjon", scope: "READ_WRITE" }, ctx });
    const created = await ticketsRoute.POST(apiRequest(readWrite.token, "/tickets", newTicket));
    expect(created.status).toBe(201);
  });

  it("tokens made before scopes existed, and without a scope, read and write", async () => {
    const token = await createUserToken({ actor: actors.admin, input: { userId: actors.kari.userId, name: "old" }, ctx });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).scope).toBe("READ_WRITE");
  });

  it("a customer admin cannot create or revoke another organisation's tokens (not found, nothing written), nor can an end user", async () => {
    const fjordvikToken = await createUserToken({ actor: actors.fjordvikAdmin, input: { userId: actors.fjordvikAdmin.userId, name: "Fjordvik", scope: "READ" }, ctx });
    const tokensBefore = await prisma.apiToken.count();
    const auditBefore = await prisma.auditLog.count();

    expect((await rejection(revokeUserToken({ actor: actors.ola, input: { tokenId: fjordvikToken.id }, ctx }))).code).toBe("not_found");
    expect((await rejection(createUserToken({ actor: actors.ola, input: { userId: actors.fjordvikAdmin.userId, name: "x" }, ctx }))).code).toBe("not_found");
    expect((await rejection(createUserToken({ actor: actors.kari, input: { userId: actors.kari.userId, name: "x" }, ctx }))).code).toBe("not_found");
    expect((await rejection(listOrganizationTokens({ actor: actors.kari, ctx }))).code).toBe("not_found");

    expect(await prisma.apiToken.count()).toBe(tokensBefore);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: fjordvikToken.id } })).revokedAt).toBeNull();
    expect(await prisma.auditLog.count()).toBe(auditBefore);

    // Their own list has their organisation's tokens only.
    const own = await listOrganizationTokens({ actor: actors.ola, ctx });
    expect(own.tokens.map((t) => t.name).sort()).toEqual(["Integrasjon", "Intranett", "old"]);
  });

  it("revoking stops the token at once, and create and revoke are in the organisation's audit log", async () => {
    const token = await createUserToken({ actor: actors.ola, input: { userId: actors.ola.userId, name: "Kortvarig", scope: "READ" }, ctx });
    expect((await ticketsRoute.GET(apiRequest(token.token, "/tickets"))).status).toBe(200);
    await revokeUserToken({ actor: actors.ola, input: { tokenId: token.id }, ctx });
    expect((await ticketsRoute.GET(apiRequest(token.token, "/tickets"))).status).toBe(401);

    const rows = await prisma.auditLog.findMany({ where: { targetId: token.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.organizationId, r.actorEmail, r.address])).toEqual([
      ["token.create", actors.ola.organizationId, actors.ola.email, "203.0.113.9"],
      ["token.revoke", actors.ola.organizationId, actors.ola.email, "203.0.113.9"],
    ]);
    expect(rows[0]!.after).toMatchObject({ name: "Kortvarig", scope: "READ" });
    expect(JSON.stringify(rows.map((r) => [r.before, r.after]))).not.toContain(token.token.slice(10));
  });
});
