/**
 * A provider admin edits a user (name, e-mail, role, line, phone) and activates a deactivated one
 * again (issue 15): the rules of creating a user hold, each change is one audit row, and a
 * reactivated user is an actor again while their old tokens stay revoked.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import { loadActor, type Actor } from "../../lib/server/actor";
import { createUser, createUserToken, deactivateUser, reactivateUser, updateUser } from "../../lib/server/admin";
import { actorByEmail, rejection, seedOnce } from "../support/fixtures";

describe("editing and reactivating users", () => {
  const prisma = db();
  const ctx = { prisma, now: () => new Date("2026-03-02T10:00:00Z") };
  let admin: Actor;
  let nordlys: string;
  let provider: string;
  beforeAll(async () => {
    await seedOnce(prisma);
    admin = await actorByEmail(prisma, "admin@servicedesk.example");
    provider = admin.organizationId;
    nordlys = (await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } })).id;
  });
  afterAll(() => redis().disconnect());

  it("changes name, e-mail, role, line and phone under the creation rules; one audit row with before and after", async () => {
    const email = `agent-${randomUUID()}@servicedesk.example`;
    const { id } = await createUser({ actor: admin, input: { organizationId: provider, name: "Ny Agent", email, role: "AGENT", supportLine: "L1" }, ctx });
    const newEmail = `Flyttet-${randomUUID()}@servicedesk.example`;
    const base = { userId: id, name: "Ny Agent", email, role: "AGENT" as const, supportLine: "L1" as const, phone: "" };
    expect(await updateUser({ actor: admin, input: base, ctx })).toMatchObject({ changed: false });
    await updateUser({ actor: admin, input: { ...base, name: "Agent Andre", email: newEmail, supportLine: "L2", phone: "+47 912 34 567" }, ctx });
    expect(await prisma.user.findUniqueOrThrow({ where: { id }, select: { name: true, email: true, supportLine: true, phone: true } })).toEqual({
      name: "Agent Andre",
      email: newEmail.toLowerCase(),
      supportLine: "L2",
      phone: "+4791234567",
    });
    const rows = await prisma.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" }, select: { action: true, organizationId: true, before: true, after: true } });
    expect(rows).toEqual([
      { action: "user.create", organizationId: null, before: null, after: { name: "Ny Agent", email, role: "AGENT", supportLine: "L1" } },
      {
        action: "user.update",
        organizationId: null,
        before: { name: "Ny Agent", email, supportLine: "L1", phone: null },
        after: { name: "Agent Andre", email: newEmail.toLowerCase(), supportLine: "L2", phone: "+4791234567" },
      },
    ]);

    // The role changes the actor at once.
    await updateUser({ actor: admin, input: { ...base, email: newEmail, role: "ONCALL", supportLine: null }, ctx });
    expect((await loadActor(prisma, id))?.role).toBe("ONCALL");
    expect((await prisma.auditLog.findFirstOrThrow({ where: { targetId: id }, orderBy: { id: "desc" } })).action).toBe("user.role_change");
  });

  it("refuses what creating refuses, by field, and writes nothing", async () => {
    const kari = await actorByEmail(prisma, "kari@nordlys.example");
    const base = { userId: kari.userId, name: "Kari Nordmann", email: "kari@nordlys.example", role: "END_USER" as const, phone: "" };
    const before = await prisma.auditLog.count({ where: { targetId: kari.userId } });
    expect((await rejection(updateUser({ actor: admin, input: { ...base, role: "AGENT", supportLine: "L1" }, ctx }))).fields).toEqual({ role: ["customer roles only"] });
    expect((await rejection(updateUser({ actor: admin, input: { ...base, email: "per@nordlys.example" }, ctx }))).code).toBe("conflict");
    expect((await rejection(updateUser({ actor: admin, input: { ...base, phone: "ring meg" }, ctx }))).fields).toHaveProperty("phone");
    expect(
      (await rejection(updateUser({ actor: admin, input: { userId: admin.userId, name: "Admin", email: "admin@servicedesk.example", role: "AGENT", supportLine: "L1", phone: "" }, ctx }))).fields,
    ).toEqual({ role: ["yourself"] });
    const ola = await actorByEmail(prisma, "ola@nordlys.example");
    expect((await rejection(updateUser({ actor: ola, input: base, ctx }))).code).toBe("not_found");
    expect(await prisma.auditLog.count({ where: { targetId: kari.userId } })).toBe(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: kari.userId } })).role).toBe("END_USER");
  });

  it("reactivates a deactivated user: an actor again, old tokens still revoked, one audit row each way", async () => {
    const email = `tilbake-${randomUUID()}@nordlys.example`;
    const { id } = await createUser({ actor: admin, input: { organizationId: nordlys, name: "Tilbake", email, role: "END_USER" }, ctx });
    await createUserToken({ actor: admin, input: { userId: id, name: "integrasjon" }, ctx });
    await deactivateUser({ actor: admin, input: { userId: id }, ctx, sessions: { redis: redis(), prefix: `test-${randomUUID()}` } });
    expect(await loadActor(prisma, id)).toBeNull();
    expect(await reactivateUser({ actor: admin, input: { userId: id }, ctx })).toMatchObject({ changed: true });
    expect((await loadActor(prisma, id))?.userId).toBe(id);
    expect(await prisma.apiToken.count({ where: { userId: id, revokedAt: null } })).toBe(0);
    expect(await reactivateUser({ actor: admin, input: { userId: id }, ctx })).toMatchObject({ changed: false });
    const rows = await prisma.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" }, select: { action: true, organizationId: true } });
    expect(rows.map((r) => r.action)).toEqual(["user.create", "user.deactivate", "user.reactivate"]);
    expect(rows[2]!.organizationId).toBe(nordlys);
  });
});
