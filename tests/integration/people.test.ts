/**
 * People and sign-in (issue 15), against the real PostgreSQL, Redis and an SMTP sink: invitation
 * and reset links are single-use, expire after 72 h and are stored hashed only (the token is in
 * no row of any table, outbox and notifications included); a reset answers the same for known
 * and unknown addresses; a deactivated user's session and API tokens stop working on the next
 * request; a customer admin cannot invite into another organisation or give a provider role.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthOptions } from "next-auth";

const SECRET = "people-integration-secret-0123456789";
process.env.NEXTAUTH_SECRET = SECRET;

import { db } from "../../lib/server/db/prisma";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import type { Actor } from "../../lib/server/actor";
import { buildAuthOptions } from "../../lib/server/auth/options";
import { signInWithPassword } from "../../lib/server/auth/sign-in-with-password";
import { deactivateUser } from "../../lib/server/admin/deactivate-user";
import { createUserToken } from "../../lib/server/admin/create-user-token";
import { inviteUser, requestPasswordReset, setPasswordWithLink } from "../../lib/server/people";
import { accountLinkTokenHash } from "../../lib/server/people/account-link-token";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import * as invitationsRoute from "../../app/api/v1/users/invitations/route";
import { apiRequest } from "../support/api-request";
import { actorByEmail, rejection } from "../support/fixtures";
import { mailDelivery } from "../support/mail-delivery";
import { nextAuthClient } from "../support/next-auth-call";

const THROTTLE_OFF = { maxPerWindow: 10_000, windowMinutes: 10 };
const HOUR = 3_600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const PASSWORD = "Fjellvann i morgenlys";

describe("people and sign-in: one-time links, reset, deactivation, a customer admin's reach", () => {
  const prisma = db();
  const mail = mailDelivery(prisma, THROTTLE_OFF);
  let admin: Actor;
  let ola: Actor;
  let nordlys: string;
  let fjordvik: string;
  const auth = nextAuthClient(() => ({ ...buildAuthOptions(readEnv(), () => prisma), logger: { error: () => undefined, warn: () => undefined, debug: () => undefined } }) as AuthOptions);

  beforeAll(async () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    admin = await actorByEmail(prisma, "admin@servicedesk.example");
    ola = await actorByEmail(prisma, "ola@nordlys.example");
    nordlys = ola.organizationId;
    fjordvik = (await prisma.organization.findUniqueOrThrow({ where: { slug: "fjordvik" }, select: { id: true } })).id;
  });
  afterAll(() => redis().disconnect());

  const ctxAt = (now: Date) => ({ prisma, now: () => new Date(now) });
  const freshEmail = () => `p-${randomUUID()}@nordlys.example`;

  /** Delivers what is due and returns the token in the newest mail to `email`. */
  async function tokenMailedTo(email: string, now: Date): Promise<string> {
    await mail.pass(now);
    const received = mail.sink.to(email);
    const match = /\/passord\/ny\?token=([A-Za-z0-9_-]{43})/.exec(received.at(-1)?.text ?? "");
    expect(match, `a link in the mail to ${email}`).not.toBeNull();
    return match![1]!;
  }

  /** Every row of every table in the database, as text, that contains `needle`. */
  async function rowsContaining(needle: string): Promise<string[]> {
    const tables = await prisma.$queryRaw<Array<{ name: string }>>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["AccountLink", "Notification", "OutboxMessage", "AuditLog", "User"]));
    const hits: string[] = [];
    for (const { name } of tables) {
      const rows = await prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM "${name}" t WHERE strpos(row_to_json(t)::text, $1) > 0`, needle);
      hits.push(...rows.map((r) => `${name}: ${r.row}`));
    }
    return hits;
  }

  it("invite and reset links are single-use, expire after 72 h, and only their hash is stored", async () => {
    const t0 = new Date("2026-12-01T08:00:00Z");
    const email = freshEmail();
    const invited = await inviteUser({ actor: admin, input: { organizationId: nordlys, name: "Nora Nordlys", email, role: "END_USER" }, ctx: ctxAt(t0) });
    const inviteToken = await tokenMailedTo(email, t0);

    // Stored hashed: the link row keeps SHA-256 of the token, and the token is in no row of any table.
    const link = await prisma.accountLink.findUniqueOrThrow({ where: { id: invited.linkId } });
    expect(link).toMatchObject({ purpose: "INVITE", userId: invited.userId, tokenHash: accountLinkTokenHash(inviteToken), usedAt: null, expiresAt: at(t0, 72 * HOUR) });
    expect(await rowsContaining(inviteToken)).toEqual([]);
    expect(await prisma.notification.findFirstOrThrow({ where: { recipientUserId: invited.userId, template: "account-invite" } })).toMatchObject({ status: "SENT" });

    // Used once, a minute before it expires; the second use is refused and changes nothing.
    const used = at(t0, 72 * HOUR - 60_000);
    expect(await setPasswordWithLink({ input: { token: inviteToken, password: PASSWORD }, ctx: ctxAt(used) })).toEqual({ userId: invited.userId, purpose: "INVITE" });
    const afterFirst = await prisma.user.findUniqueOrThrow({ where: { id: invited.userId } });
    expect(afterFirst.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signInWithPassword({ prisma, email, password: PASSWORD, now: used })).toEqual({ ok: true, userId: invited.userId });
    expect((await rejection(setPasswordWithLink({ input: { token: inviteToken, password: "Et annet langt passord" }, ctx: ctxAt(used) }))).code).toBe("not_found");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: invited.userId } })).passwordHash).toBe(afterFirst.passwordHash);

    // A reset link: the same rules.
    const t1 = at(t0, 100 * HOUR);
    await requestPasswordReset({ input: { email }, ctx: ctxAt(t1) });
    const resetToken = await tokenMailedTo(email, t1);
    expect(resetToken).not.toBe(inviteToken);
    expect(await prisma.accountLink.findFirstOrThrow({ where: { tokenHash: accountLinkTokenHash(resetToken) } })).toMatchObject({ purpose: "RESET", expiresAt: at(t1, 72 * HOUR) });
    expect(await rowsContaining(resetToken)).toEqual([]);
    await setPasswordWithLink({ input: { token: resetToken, password: "Nytt passord ved fjorden" }, ctx: ctxAt(at(t1, HOUR)) });
    expect((await signInWithPassword({ prisma, email, password: "Nytt passord ved fjorden", now: at(t1, HOUR) })).ok).toBe(true);
    expect((await rejection(setPasswordWithLink({ input: { token: resetToken, password: "Tredje passord ved fjorden" }, ctx: ctxAt(at(t1, HOUR)) }))).code).toBe("not_found");

    // Expiry: exactly 72 h after it was made, a link no longer works (invitation and reset alike).
    const other = freshEmail();
    await inviteUser({ actor: admin, input: { organizationId: nordlys, name: "Sen Svar", email: other, role: "END_USER" }, ctx: ctxAt(t0) });
    const lateInvite = await tokenMailedTo(other, t0);
    expect((await rejection(setPasswordWithLink({ input: { token: lateInvite, password: PASSWORD }, ctx: ctxAt(at(t0, 72 * HOUR)) }))).code).toBe("not_found");
    await requestPasswordReset({ input: { email }, ctx: ctxAt(t1) });
    const lateReset = await tokenMailedTo(email, t1);
    expect((await rejection(setPasswordWithLink({ input: { token: lateReset, password: PASSWORD }, ctx: ctxAt(at(t1, 72 * HOUR + 1000)) }))).code).toBe("not_found");
    expect((await prisma.user.findUniqueOrThrow({ where: { email: other } })).passwordHash).toBeNull();
  });

  it("a reset answers the same for a known and an unknown address, and mails only the known one", async () => {
    const now = new Date("2026-12-02T09:00:00Z");
    const known = "kari@nordlys.example";
    const unknown = `nobody-${randomUUID()}@nordlys.example`;
    const before = mail.sink.messages.length;
    const answers = [await requestPasswordReset({ input: { email: known }, ctx: ctxAt(now) }), await requestPasswordReset({ input: { email: unknown }, ctx: ctxAt(now) })];
    expect(answers).toEqual([undefined, undefined]);
    await mail.pass(now);
    const sent = mail.sink.messages.slice(before);
    expect(sent.map((m) => m.to)).toEqual([[known]]);
    expect(await prisma.accountLink.count({ where: { user: { email: known }, purpose: "RESET" } })).toBe(1);
    // Both requests are in the audit log with the address tried.
    const audit = await prisma.auditLog.findMany({ where: { action: "auth.password_reset_requested", actorEmail: { in: [known, unknown] } }, select: { actorEmail: true, after: true } });
    expect(audit).toEqual(
      expect.arrayContaining([
        { actorEmail: known, after: { sent: true } },
        { actorEmail: unknown, after: { sent: false } },
      ]),
    );
  });

  it("a deactivated user's session and API tokens stop working on the next request", async () => {
    // next-auth's handler and the API route read the wall clock (session and link expiry), so the link is made at it too;
    // nothing here depends on the hour, weekday or month.
    const now = new Date();
    const email = freshEmail();
    const invited = await inviteUser({ actor: ola, input: { name: "Dag Deaktivert", email, role: "END_USER" }, ctx: ctxAt(now) });
    await setPasswordWithLink({ input: { token: await tokenMailedTo(email, now), password: PASSWORD }, ctx: ctxAt(now) });
    const session = await auth.signIn(email, PASSWORD);
    expect(session).toBeTruthy();
    expect(await auth.sessionOf(session!)).toMatchObject({ user: { email } });
    const { token } = await createUserToken({ actor: admin, input: { userId: invited.userId, name: "integrasjon" }, ctx: ctxAt(now) });
    expect((await ticketsRoute.GET(apiRequest(token, "/tickets"))).status).toBe(200);

    // The customer admin deactivates a user of their own organisation.
    await deactivateUser({ actor: ola, input: { userId: invited.userId }, ctx: ctxAt(now) });
    expect(await auth.sessionOf(session!)).toEqual({});
    expect((await ticketsRoute.GET(apiRequest(token, "/tickets"))).status).toBe(401);
    expect(await prisma.apiToken.findFirstOrThrow({ where: { userId: invited.userId } })).toMatchObject({ revokedAt: expect.any(Date) });
    expect(await auth.signIn(email, PASSWORD)).toBeUndefined();
    expect(await prisma.auditLog.count({ where: { action: "user.deactivate", targetId: invited.userId, actorId: ola.userId } })).toBe(1);
  });

  it("a customer admin cannot invite into another organisation or give a provider role: 404 / 422, nothing written", async () => {
    const now = new Date("2026-03-02T08:00:00Z");
    const { token } = await createUserToken({ actor: admin, input: { userId: ola.userId, name: "olas system" }, ctx: ctxAt(now) });
    const count = async () => ({
      users: await prisma.user.count(),
      links: await prisma.accountLink.count(),
      notifications: await prisma.notification.count(),
      audit: await prisma.auditLog.count(),
    });
    const before = await count();
    const email = freshEmail();

    expect((await rejection(inviteUser({ actor: ola, input: { organizationId: fjordvik, name: "Utenfor", email, role: "END_USER" }, ctx: ctxAt(now) }))).code).toBe("not_found");
    for (const role of ["PROVIDER_ADMIN", "AGENT", "ONCALL"] as const) {
      expect((await rejection(inviteUser({ actor: ola, input: { name: "Ansatt", email, role, supportLine: "L1" }, ctx: ctxAt(now) }))).code, role).toBe("unprocessable");
    }
    const post = (body: unknown) => invitationsRoute.POST(apiRequest(token, "/users/invitations", body));
    expect((await post({ organizationId: fjordvik, name: "Utenfor", email, role: "END_USER" })).status).toBe(404);
    const refused = await post({ name: "Ansatt", email, role: "PROVIDER_ADMIN" });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: "unprocessable", fields: { role: ["customer roles only"] } } });
    expect(await count()).toEqual(before);
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();

    // Into their own organisation, as an end user: 201, and the colleague is invited.
    const created = await post({ name: "Kollega", email, role: "END_USER" });
    expect(created.status).toBe(201);
    expect(await prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ organizationId: nordlys, role: "END_USER", passwordHash: null });
  });
});
