/**
 * The audit log's listing (issue 15, lib/server/audit/list-audit-log.ts): a customer admin sees
 * their own organisation's rows only (no other organisation's, no provider-wide ones, whatever the
 * filter asks, and no client address); provider admins see everything, filter by organisation,
 * actor, action (exact or "area."), target type and date range, newest first, paged by cursor.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { listAuditLog, changesOf } from "../../lib/server/audit/list-audit-log";
import { writeAudit } from "../../lib/server/audit/write-audit";
import type { Actor } from "../../lib/server/actor";
import { rejection, seededActors } from "../support/fixtures";

describe("the audit log: who sees which rows, and the filters", () => {
  const prisma = db();
  const NOW = new Date("2026-11-25T12:00:00Z");
  const ctx = { prisma, now: () => NOW };
  let actors: Record<"admin" | "ola" | "kari" | "fjordvikAdmin" | "lise", Actor>;

  beforeAll(async () => {
    actors = await seededActors(prisma, ["admin", "ola", "kari", "fjordvikAdmin", "lise"]);
    const nordlys = actors.kari.organizationId;
    const fjordvik = actors.fjordvikAdmin.organizationId;
    const admin = { userId: actors.admin.userId, email: actors.admin.email };
    const row = (iso: string, entry: Parameters<typeof writeAudit>[2]) => writeAudit(prisma, { now: () => new Date(iso), clientAddress: "198.51.100.4" }, entry);
    // Written in time order: ids follow.
    await row("2026-11-02T08:00:00Z", {
      actor: admin,
      action: "organization.update",
      targetType: "Organization",
      targetId: nordlys,
      organizationId: nordlys,
      before: { monthlyFee: 1000 },
      after: { monthlyFee: 1200 },
    });
    await row("2026-11-03T08:00:00Z", { actor: admin, action: "calendar.update", targetType: "Calendar", targetId: "cal-1", organizationId: null, before: { name: "A" }, after: { name: "B" } });
    await row("2026-11-04T08:00:00Z", { actor: admin, action: "organization.update", targetType: "Organization", targetId: fjordvik, organizationId: fjordvik, after: { name: "Fjordvik" } });
    await row("2026-11-05T22:30:00Z", {
      actor: { userId: actors.kari.userId, email: actors.kari.email },
      action: "token.create",
      targetType: "ApiToken",
      targetId: "t-1",
      organizationId: nordlys,
      after: { name: "Intranett", scope: "READ" },
    });
    await row("2026-11-06T08:00:00Z", { actor: { userId: actors.kari.userId, email: actors.kari.email }, action: "token.revoke", targetType: "ApiToken", targetId: "t-1", organizationId: nordlys });
  });

  it("a customer admin sees only their own organisation's rows, without client addresses", async () => {
    const page = await listAuditLog({ actor: actors.ola, input: {}, ctx });
    expect(page.rows.map((r) => r.action)).toEqual(["token.revoke", "token.create", "organization.update"]);
    expect(page.rows.every((r) => r.organization?.id === actors.kari.organizationId)).toBe(true);
    expect(page.rows.every((r) => r.address === null)).toBe(true);
    expect(page.ownOrganization?.id).toBe(actors.kari.organizationId);
    expect(page.organizations).toEqual([]);
    // Only what they can see is offered in the filters.
    expect(page.targetTypes).toEqual(["ApiToken", "Organization"]);

    // Asking for another organisation changes nothing: the rule is not a filter.
    const other = await listAuditLog({ actor: actors.ola, input: { organizationId: actors.fjordvikAdmin.organizationId }, ctx });
    expect(other.rows).toEqual([]);

    const fjordvik = await listAuditLog({ actor: actors.fjordvikAdmin, input: {}, ctx });
    expect(fjordvik.rows.map((r) => r.targetId)).toEqual([actors.fjordvikAdmin.organizationId]);
  });

  it("end users (kari) and agents do not get the log at all", async () => {
    expect((await rejection(listAuditLog({ actor: actors.kari, input: {}, ctx }))).code).toBe("not_found");
    expect((await rejection(listAuditLog({ actor: actors.lise, input: {}, ctx }))).code).toBe("not_found");
  });

  it("a provider admin sees every row, newest first, with the address and the changed fields", async () => {
    const page = await listAuditLog({ actor: actors.admin, input: {}, ctx });
    const ours = page.rows.filter((r) => ["organization.update", "calendar.update", "token.create", "token.revoke"].includes(r.action));
    expect(ours.map((r) => r.action)).toEqual(["token.revoke", "token.create", "organization.update", "calendar.update", "organization.update"]);
    const calendar = ours.find((r) => r.action === "calendar.update")!;
    expect(calendar.organization).toBeNull();
    expect(calendar.address).toBe("198.51.100.4");
    expect(calendar.changes).toEqual([{ field: "name", before: "A", after: "B" }]);
    expect(page.organizations.length).toBeGreaterThan(2);
  });

  it("filters by organisation, actor, action, action prefix, target type and date range", async () => {
    const list = async (input: Parameters<typeof listAuditLog>[0]["input"]) => (await listAuditLog({ actor: actors.admin, input, ctx })).rows.map((r) => r.action);
    expect(await list({ organizationId: actors.fjordvikAdmin.organizationId })).toEqual(["organization.update"]);
    expect(await list({ actor: "KARI@" })).toEqual(["token.revoke", "token.create"]);
    expect(await list({ action: "organization.update" })).toEqual(["organization.update", "organization.update"]);
    expect(await list({ action: "token." })).toEqual(["token.revoke", "token.create"]);
    expect(await list({ targetType: "Calendar" })).toEqual(["calendar.update"]);
    // Dates are days in Oslo: 22:30 UTC on the 5th is the 5th in Oslo (23:30), and 08:00 the 3rd–4th.
    expect(await list({ from: "2026-11-03", to: "2026-11-05" })).toEqual(["token.create", "organization.update", "calendar.update"]);
    expect(await list({ from: "2026-11-06", to: "2026-11-06" })).toEqual(["token.revoke"]);
    expect((await rejection(listAuditLog({ actor: actors.admin, input: { from: "5. nov" }, ctx }))).code).toBe("bad_request");
  });

  it("pages by cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listAuditLog({ actor: actors.admin, input: { cursor, limit: 2 }, ctx });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const all = await listAuditLog({ actor: actors.admin, input: { limit: 200 }, ctx });
    expect(seen).toEqual(all.rows.map((r) => r.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("shows before and after as the fields that changed", () => {
    expect(changesOf({ a: 1, b: "x", c: null }, { a: 2, b: "x", d: true })).toEqual([
      { field: "a", before: "1", after: "2" },
      { field: "d", before: null, after: "true" },
    ]);
    expect(changesOf(null, null)).toEqual([]);
  });
});
