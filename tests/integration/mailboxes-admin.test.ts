/**
 * Support mailboxes in the provider admin's hands (issue 17): the IMAP password is stored
 * encrypted and never handed back, an empty password on edit keeps it (never for another server:
 * a new host needs the password typed, in an edit and in a test), every change is audited
 * without it, and "test the connection" really signs in to a private Dovecot (form values not yet
 * saved, and a saved mailbox with its stored password) and names why it fails: a refused
 * password, a missing folder, a closed port, a server that never answers (within the timeout).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import type { Actor } from "../../lib/server/actor";
import { createMailbox, getMailbox, listMailboxes, setMailboxActive, testMailboxConnection, updateMailbox } from "../../lib/server/admin";
import { decryptSecret } from "../../lib/server/secrets";
import { actorByEmail, rejection, seedOnce } from "../support/fixtures";
import { startDovecot, type Dovecot } from "../support/dovecot";

const KEY = randomBytes(32).toString("base64");
const AT = new Date("2026-11-03T09:15:00Z");

describe("support mailboxes: add, change, turn off, test the connection", () => {
  const prisma = db();
  const ctx = { prisma, now: () => AT };
  const user = `support-${randomUUID().slice(0, 8)}@mailui.test`;
  const password = "Hemmelig-IMAP-2026";
  let admin: Actor;
  let dovecot: Dovecot;
  let silent: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    await seedOnce(prisma);
    admin = await actorByEmail(prisma, "admin@servicedesk.example");
    dovecot = await startDovecot([{ user, password }]);
    for (const subject of ["Skriveren virker ikke", "VPN nede"]) {
      await dovecot.appendMail(user, `From: kari@nordlys.example\r\nTo: ${user}\r\nSubject: ${subject}\r\nMessage-ID: <${randomUUID()}@nordlys.example>\r\n\r\nHei\r\n`, { internalDate: AT });
    }
    // A server that takes the connection and never says a word (no IMAP greeting).
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await dovecot?.stop();
    redis().disconnect();
  });

  it("stores the password encrypted, keeps it on an edit with an empty field, and audits every change without it", async () => {
    const nordlys = (await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } })).id;
    const address = `Support-${randomUUID().slice(0, 8)}@MailUI.test`;
    const { id } = await createMailbox({
      actor: admin,
      input: { name: "Support", address, host: dovecot.host, port: dovecot.port, tls: false, username: user, password, folder: "INBOX", defaultOrganizationId: null },
      ctx,
      secretsKey: KEY,
    });
    const row = await prisma.mailbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ address: address.toLowerCase(), active: true, port: dovecot.port, tls: false, folder: "INBOX", defaultOrganizationId: null });
    expect(row.passwordEncrypted).not.toContain(password);
    expect(decryptSecret(row.passwordEncrypted, KEY)).toBe(password);

    // The same address twice is refused on the address field.
    const taken = await rejection(
      createMailbox({ actor: admin, input: { name: "To", address, host: "imap.example.com", username: "x", password: "y", defaultOrganizationId: null }, ctx, secretsKey: KEY }),
    );
    expect(taken.code).toBe("conflict");
    expect(taken.fields).toHaveProperty("address");

    // An edit with the password field empty keeps the stored one; nothing changed is not written.
    const same = {
      mailboxId: id,
      name: "Support",
      address,
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      username: user,
      folder: "INBOX",
      defaultOrganizationId: null,
      active: true,
      password: "",
    };
    expect(await updateMailbox({ actor: admin, input: same, ctx, secretsKey: KEY })).toEqual({ id, changed: false });
    expect(await updateMailbox({ actor: admin, input: { ...same, name: "Kundestøtte", defaultOrganizationId: nordlys }, ctx, secretsKey: KEY })).toEqual({ id, changed: true });
    const kept = await prisma.mailbox.findUniqueOrThrow({ where: { id } });
    expect(kept).toMatchObject({ name: "Kundestøtte", defaultOrganizationId: nordlys });
    expect(decryptSecret(kept.passwordEncrypted, KEY)).toBe(password);
    await updateMailbox({ actor: admin, input: { ...same, password: "nytt-passord" }, ctx, secretsKey: KEY });
    expect(decryptSecret((await prisma.mailbox.findUniqueOrThrow({ where: { id } })).passwordEncrypted, KEY)).toBe("nytt-passord");
    await updateMailbox({ actor: admin, input: { ...same, password }, ctx, secretsKey: KEY });

    // The stored password never goes to another server: a new host needs it typed.
    const moved = await rejection(updateMailbox({ actor: admin, input: { ...same, host: "imap.annen-server.example" }, ctx, secretsKey: KEY }));
    expect(moved.code).toBe("unprocessable");
    expect(moved.fields).toHaveProperty("password");
    expect((await prisma.mailbox.findUniqueOrThrow({ where: { id } })).host).toBe(dovecot.host);

    // The provider organisation is not where unknown senders go.
    const provider = (await prisma.organization.findFirstOrThrow({ where: { isProvider: true }, select: { id: true } })).id;
    expect((await rejection(updateMailbox({ actor: admin, input: { ...same, defaultOrganizationId: provider }, ctx, secretsKey: KEY }))).fields).toHaveProperty("defaultOrganizationId");

    await setMailboxActive({ actor: admin, input: { mailboxId: id, active: false }, ctx });
    expect((await getMailbox({ actor: admin, input: { mailboxId: id }, ctx })).active).toBe(false);
    const listed = (await listMailboxes({ actor: admin, ctx })).find((m) => m.id === id);
    expect(listed).toMatchObject({ name: "Support", active: false, lastPolledAt: null, lastError: null });
    expect(JSON.stringify(listed)).not.toContain("password");

    const rows = await prisma.auditLog.findMany({
      where: { targetId: id },
      orderBy: { id: "asc" },
      select: { action: true, targetType: true, before: true, after: true, organizationId: true, at: true },
    });
    expect(rows.map((r) => r.action)).toEqual(["mailbox.created", "mailbox.updated", "mailbox.updated", "mailbox.updated", "mailbox.updated"]);
    expect(rows.every((r) => r.targetType === "Mailbox" && r.organizationId === null && r.at.getTime() === AT.getTime())).toBe(true);
    expect(rows[0]!.after).toMatchObject({ name: "Support", address: address.toLowerCase(), password: "set" });
    expect(rows[1]).toMatchObject({ before: { name: "Support", defaultOrganizationId: null }, after: { name: "Kundestøtte", defaultOrganizationId: nordlys } });
    expect(rows[2]!.after).toEqual({ name: "Support", defaultOrganizationId: null, password: "changed" });
    expect(rows[4]).toMatchObject({ before: { active: true }, after: { active: false } });
    const text = JSON.stringify(rows);
    for (const secret of [password, "nytt-passord", kept.passwordEncrypted]) expect(text).not.toContain(secret);

    // Anyone but a provider admin is told there is no such thing.
    const lise = await actorByEmail(prisma, "lise@servicedesk.example");
    expect((await rejection(listMailboxes({ actor: lise, ctx }))).code).toBe("not_found");
    expect((await rejection(getMailbox({ actor: lise, input: { mailboxId: id }, ctx }))).code).toBe("not_found");
    expect((await rejection(testMailboxConnection({ actor: lise, input: { mailboxId: id }, ctx, secretsKey: KEY }))).code).toBe("not_found");
  });

  it("tests the connection: counts the folder's messages for form values and for a saved mailbox, and names each failure", async () => {
    const settings = { host: dovecot.host, port: dovecot.port, tls: false, username: user, folder: "INBOX" };
    expect(await testMailboxConnection({ actor: admin, input: { ...settings, password }, ctx })).toEqual({ ok: true, folder: "INBOX", messages: 2 });

    const { id } = await createMailbox({
      actor: admin,
      input: { ...settings, name: "Lagret", address: `lagret-${randomUUID().slice(0, 8)}@mailui.test`, password, defaultOrganizationId: null },
      ctx,
      secretsKey: KEY,
    });
    // A saved mailbox as stored, and its form with the password left empty: the stored password.
    expect(await testMailboxConnection({ actor: admin, input: { mailboxId: id }, ctx, secretsKey: KEY })).toEqual({ ok: true, folder: "INBOX", messages: 2 });
    expect(await testMailboxConnection({ actor: admin, input: { ...settings, mailboxId: id, password: "" }, ctx, secretsKey: KEY })).toMatchObject({ ok: true, messages: 2 });
    // Nor in a test: a typed host with the password field empty is told to type it, and nothing is sent.
    expect(await testMailboxConnection({ actor: admin, input: { ...settings, host: "imap.annen-server.example", mailboxId: id, password: "" }, ctx, secretsKey: KEY })).toEqual({
      ok: false,
      reason: "password",
      detail: "imap.annen-server.example",
    });
    // Stored with another key than the server's: said, not thrown.
    expect(await testMailboxConnection({ actor: admin, input: { mailboxId: id }, ctx, secretsKey: randomBytes(32) })).toMatchObject({ ok: false, reason: "key" });

    expect(await testMailboxConnection({ actor: admin, input: { ...settings, password: "feil" }, ctx })).toMatchObject({ ok: false, reason: "auth" });
    expect(await testMailboxConnection({ actor: admin, input: { ...settings, password, folder: "Finnes-ikke" }, ctx })).toMatchObject({ ok: false, reason: "folder" });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await testMailboxConnection({ actor: admin, input: { ...settings, port: closedPort, password }, ctx })).toMatchObject({ ok: false, reason: "refused" });

    const started = performance.now();
    const silentPort = (silent.address() as AddressInfo).port;
    expect(await testMailboxConnection({ actor: admin, input: { ...settings, port: silentPort, password }, ctx, timeoutMs: 800 })).toMatchObject({ ok: false, reason: "timeout" });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
