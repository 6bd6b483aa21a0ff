/**
 * Append-only in the database itself (issue 15): with scripts/db/app-role.sql applied, the app's
 * role helpdesk_app can INSERT and SELECT on "AuditLog" and "TicketEvent" but any UPDATE or
 * DELETE fails (no privilege, and the trigger refuses it to the owner as well). The one way to
 * change a row there is erase_person(user, actor), which anonymises a person's personal data in
 * "User", "AuditLog" and "TicketEvent" and writes its own audit row.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createPrisma, db } from "../../lib/server/db/prisma";
import { createUserToken } from "../../lib/server/admin";
import { registerTicket } from "../../lib/server/tickets/register-ticket";
import { seededActors } from "../support/fixtures";

const url = () => process.env.DATABASE_URL!;
const AT = new Date("2026-11-20T10:00:00Z");

async function failure(client: pg.Client, sql: string, params: unknown[] = []): Promise<string> {
  await client.query("savepoint s");
  try {
    await client.query(sql, params);
  } catch (error) {
    await client.query("rollback to savepoint s");
    return (error as Error).message;
  }
  throw new Error(`expected to fail: ${sql}`);
}

describe("AuditLog and TicketEvent are append-only for the app's database role", () => {
  const prisma = db();
  const client = new pg.Client({ connectionString: url() });
  let ticketId: string;
  let actors: Awaited<ReturnType<typeof seededActors<"admin" | "kari" | "ola">>>;

  beforeAll(async () => {
    actors = await seededActors(prisma, ["admin", "kari", "ola"]);
    execFileSync("psql", [url(), "-v", "ON_ERROR_STOP=1", "-q", "-f", "scripts/db/app-role.sql"], { encoding: "utf8" });
    const ticket = await registerTicket({ actor: actors.kari, input: { title: "Skriveren", description: "x", priority: "P3" }, ctx: { prisma, now: () => AT } });
    ticketId = ticket.id;
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it("helpdesk_app may INSERT and SELECT, and every UPDATE, DELETE and TRUNCATE fails", async () => {
    await client.query("begin");
    try {
      await client.query("set local role helpdesk_app");
      const audit = await client.query<{ id: string }>(
        `insert into "AuditLog" (at, "actorId", "actorEmail", action, "targetType") values ($1, $2, 'admin@servicedesk.example', 'test.append', 'Test') returning id`,
        [AT, actors.admin.userId],
      );
      const event = await client.query<{ id: string }>(`insert into "TicketEvent" ("ticketId", type, at, data) values ($1, 'INTERNAL_NOTE', $2, '{}') returning id`, [ticketId, AT]);
      expect((await client.query(`select action from "AuditLog" where id = $1`, [audit.rows[0]!.id])).rows).toEqual([{ action: "test.append" }]);
      expect((await client.query(`select id from "TicketEvent" where id = $1`, [event.rows[0]!.id])).rowCount).toBe(1);

      for (const [table, id] of [
        ["AuditLog", audit.rows[0]!.id],
        ["TicketEvent", event.rows[0]!.id],
      ] as const) {
        expect(await failure(client, `update "${table}" set at = at where id = $1`, [id])).toMatch(/permission denied/);
        expect(await failure(client, `delete from "${table}" where id = $1`, [id])).toMatch(/permission denied/);
        expect(await failure(client, `truncate "${table}"`)).toMatch(/permission denied/);
      }
      // The role still works with the other tables.
      expect((await client.query(`update "Ticket" set "updatedAt" = "updatedAt" where id = $1`, [ticketId])).rowCount).toBe(1);
      // Nor can it lift the rule by pretending to be the erasure.
      await client.query("select set_config('helpdesk.erasing', 'on', true)");
      expect(await failure(client, `update "AuditLog" set action = 'x' where id = $1`, [audit.rows[0]!.id])).toMatch(/permission denied/);
    } finally {
      await client.query("rollback");
    }
  });

  it("the trigger refuses UPDATE, DELETE and TRUNCATE to the owner as well, even with the erasure's flag set", async () => {
    await client.query("begin");
    try {
      await client.query(`insert into "AuditLog" (at, action, "targetType") values ($1, 'test.owner', 'Test')`, [AT]);
      await client.query(`insert into "TicketEvent" ("ticketId", type, at) values ($1, 'INTERNAL_NOTE', $2)`, [ticketId, AT]);
      await client.query("select set_config('helpdesk.erasing', 'on', true)");
      expect(await failure(client, `update "AuditLog" set action = action`)).toMatch(/AuditLog is append-only: UPDATE refused/);
      expect(await failure(client, `delete from "AuditLog"`)).toMatch(/AuditLog is append-only: DELETE refused/);
      expect(await failure(client, `truncate "AuditLog"`)).toMatch(/AuditLog is append-only: TRUNCATE refused/);
      expect(await failure(client, `update "TicketEvent" set at = at`)).toMatch(/TicketEvent is append-only: UPDATE refused/);
      expect(await failure(client, `delete from "TicketEvent"`)).toMatch(/TicketEvent is append-only: DELETE refused/);
    } finally {
      await client.query("rollback");
    }
  });

  it("erase_person, called as helpdesk_app, anonymises the person in User, AuditLog, TicketEvent and the e-mail taken in from them, and audits itself", async () => {
    const kari = await prisma.user.findUniqueOrThrow({ where: { id: actors.kari.userId } });
    await prisma.auditLog.create({
      data: {
        at: AT,
        actorId: kari.id,
        actorEmail: kari.email,
        address: "192.0.2.7",
        organizationId: kari.organizationId,
        action: "test.kari",
        targetType: "User",
        targetId: kari.id,
        before: { name: kari.name, email: kari.email },
        after: { name: "Other", phone: "+47 1" },
      },
    });
    const other = await prisma.auditLog.create({
      data: { at: AT, actorId: actors.admin.userId, actorEmail: "admin@servicedesk.example", action: "test.other", targetType: "Organization", after: { name: kari.name } },
    });
    await createUserToken({ actor: actors.admin, input: { userId: kari.id, name: "kari" }, ctx: { prisma, now: () => AT } });
    await prisma.user.update({ where: { id: kari.id }, data: { totpSecret: "v1:secret", twoFactorEnabledAt: AT } });
    await prisma.recoveryCode.create({ data: { userId: kari.id, codeHash: `hash-${kari.id}` } });
    await prisma.ticketEvent.create({ data: { ticketId, type: "INTERNAL_NOTE", at: AT, actorId: kari.id, data: { by: kari.name, from: kari.email } } });
    const mail = await prisma.inboundMail.create({
      data: {
        messageId: `<erase-${kari.id}@example.test>`,
        receivedAt: AT,
        fromAddress: kari.email.toUpperCase(),
        fromName: kari.name,
        raw: Buffer.from(`From: ${kari.name} <${kari.email}>\r\nSubject: Skriveren\r\n\r\nHilsen ${kari.name}`),
        status: "TICKET",
        ticketId,
      },
    });
    await prisma.user.update({ where: { id: kari.id }, data: { emailBouncingAt: AT, emailBounceReason: `550 ${kari.email}: mailbox full` } });

    await client.query("begin");
    let changed: number;
    try {
      await client.query("set local role helpdesk_app");
      const result = await client.query<{ n: number }>("select erase_person($1, $2, $3) as n", [kari.id, actors.admin.userId, AT]);
      changed = result.rows[0]!.n;
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
    expect(changed).toBeGreaterThanOrEqual(2);

    const user = await prisma.user.findUniqueOrThrow({ where: { id: kari.id } });
    expect(user).toMatchObject({ name: "[erased]", email: `erased-${kari.id}@erased.invalid`, phone: null, passwordHash: null });
    expect(user.deactivatedAt).not.toBeNull();
    expect(await prisma.apiToken.count({ where: { userId: kari.id, revokedAt: null } })).toBe(0);
    expect(user).toMatchObject({ totpSecret: null, totpPendingSecret: null, twoFactorEnabledAt: null });
    expect(await prisma.recoveryCode.count({ where: { userId: kari.id } })).toBe(0);
    // What e-mail intake kept of her: the raw message emptied, the sender gone from the row, the bounce reason dropped.
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: mail.id }, select: { raw: true, fromAddress: true, fromName: true, subject: true } })).toEqual({
      raw: new Uint8Array(),
      fromAddress: `erased-${kari.id}@erased.invalid`,
      fromName: null,
      subject: "",
    });
    expect(user.emailBounceReason).toBeNull();

    const rows = await prisma.auditLog.findMany({ where: { OR: [{ actorId: kari.id }, { targetId: kari.id }] }, orderBy: { id: "asc" } });
    const text = JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(text).not.toContain(kari.email);
    expect(text).not.toContain(kari.name);
    expect(text).not.toContain("192.0.2.7");
    const own = rows.find((r) => r.action === "test.kari")!;
    expect(own.before).toEqual({ name: "[erased]", email: "[erased]" });

    const erasure = rows.find((r) => r.action === "person.erase")!;
    expect(erasure).toMatchObject({ actorId: actors.admin.userId, actorEmail: "admin@servicedesk.example", targetType: "User", organizationId: kari.organizationId });
    expect(erasure.at).toEqual(AT);
    // A row about someone else that merely holds the same words is left alone.
    expect((await prisma.auditLog.findUniqueOrThrow({ where: { id: other.id } })).after).toEqual({ name: kari.name });

    const events = await prisma.ticketEvent.findMany({ where: { actorId: kari.id } });
    expect(JSON.stringify(events, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(kari.email);
    expect(events.some((e) => JSON.stringify(e.data) === JSON.stringify({ by: "[erased]", from: "[erased]" }))).toBe(true);

    // And afterwards the rule holds again in the same session.
    await client.query("begin");
    try {
      expect(await failure(client, `update "AuditLog" set action = action where id = $1`, [String(other.id)])).toMatch(/append-only: UPDATE refused/);
    } finally {
      await client.query("rollback");
    }
  });

  it("the app's own use cases work as helpdesk_app, and Prisma's update of the audit log is refused", async () => {
    // The role is taken at connection start (libpq's `options`), as a deployment's login role would be.
    const asApp = new URL(url());
    asApp.searchParams.set("options", "-c role=helpdesk_app");
    const app = createPrisma(asApp.toString(), 2);
    try {
      expect(await app.$queryRaw<{ current_user: string }[]>`select current_user`).toEqual([{ current_user: "helpdesk_app" }]);
      const appCtx = { prisma: app, now: () => AT, clientAddress: "192.0.2.8" };
      const ticket = await registerTicket({ actor: actors.ola, input: { title: "Som app-rollen", description: "x", priority: "P4" }, ctx: appCtx });
      const token = await createUserToken({ actor: actors.admin, input: { userId: actors.ola.userId, name: "as-app" }, ctx: appCtx });
      const [event] = await app.ticketEvent.findMany({ where: { ticketId: ticket.id }, take: 1 });
      const [row] = await app.auditLog.findMany({ where: { targetId: token.id } });
      expect(row?.action).toBe("token.create");
      await expect(app.auditLog.update({ where: { id: row!.id }, data: { action: "x" } })).rejects.toThrow(/permission denied/);
      await expect(app.auditLog.deleteMany({ where: { id: row!.id } })).rejects.toThrow(/permission denied/);
      await expect(app.ticketEvent.update({ where: { id: event!.id }, data: { at: AT } })).rejects.toThrow(/permission denied/);
      await expect(app.ticketEvent.deleteMany({ where: { ticketId: ticket.id } })).rejects.toThrow(/permission denied/);
      expect(await prisma.auditLog.findUniqueOrThrow({ where: { id: row!.id }, select: { action: true } })).toEqual({ action: "token.create" });
    } finally {
      await app.$disconnect();
    }
  });

  it("only granted roles may call erase_person", async () => {
    const rows = await client.query<{ grantee: string }>(
      `select grantee from information_schema.routine_privileges where routine_name = 'erase_person' and privilege_type = 'EXECUTE' and grantee = 'PUBLIC'`,
    );
    expect(rows.rows).toEqual([]);
  });
});
