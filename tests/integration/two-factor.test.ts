/**
 * Two-factor sign-in (issue 15), against the real PostgreSQL and Redis through next-auth's own
 * handler: a staff session that has not given its second factor opens nothing (no actor for pages
 * and server actions, no API), TOTP codes and one-time recovery codes, enrolment with secrets
 * encrypted at rest and codes stored hashed, the lockout, an organisation that requires 2FA, and
 * the audit rows. Every code is computed at an instant the test chooses.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthOptions, Session } from "next-auth";
import { z } from "zod";

process.env.NEXTAUTH_SECRET = "two-factor-integration-secret-0123456789";
const KEY = randomBytes(32).toString("base64");

import { db } from "../../lib/server/db/prisma";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import type { Actor } from "../../lib/server/actor";
import type { Role, SupportLine } from "../../lib/generated/prisma/enums";
import { buildAuthOptions, CREDENTIALS_PROVIDER_ID } from "../../lib/server/auth/options";
import { hashPassword } from "../../lib/server/auth/password-hash";
import { completeSecondFactor, defaultSessionStore } from "../../lib/server/auth/sessions";
import { actorOfSignIn, signInStateOf } from "../../lib/server/auth/session-actor";
import { withSession, type RequestScope } from "../../lib/server/http/session";
import { runAction } from "../../lib/server/http/action";
import { encryptSecret, decryptSecret } from "../../lib/server/secrets";
import { translator, toLocale } from "../../lib/i18n";
import { totpCodeAt, newTotpSecret } from "../../lib/server/two-factor/totp";
import { secondFactorStage } from "../../lib/server/two-factor/requirement";
import { startTwoFactorEnrolment } from "../../lib/server/two-factor/start-enrolment";
import { confirmTwoFactorEnrolment } from "../../lib/server/two-factor/confirm-enrolment";
import { verifySecondFactor } from "../../lib/server/two-factor/verify-second-factor";
import { disableTwoFactor } from "../../lib/server/two-factor/disable-two-factor";
import { regenerateRecoveryCodes } from "../../lib/server/two-factor/regenerate-recovery-codes";
import { setOrganizationTwoFactor } from "../../lib/server/two-factor/set-organization-requirement";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import { actorByEmail, rejection, seedOnce } from "../support/fixtures";
import { nextAuthClient } from "../support/next-auth-call";

const PASSWORD = "Fjellvann i morgenlys";
const T = new Date("2026-12-01T09:00:10Z");
const at = (ms: number) => new Date(T.getTime() + ms);
const quiet = { error: () => undefined, warn: () => undefined, debug: () => undefined };

describe("two-factor sign-in", () => {
  const prisma = db();
  const ctxAt = (now: Date, policy = { maxFailures: 5, lockoutMinutes: 15 }) => ({ prisma, now: () => new Date(now), secretsKey: KEY, clientAddress: "203.0.113.7", policy });
  const internal = nextAuthClient(() => ({ ...buildAuthOptions(readEnv(), () => prisma, defaultSessionStore, { internal: true }), logger: quiet }) as AuthOptions);
  let passwordHash: string;
  let providerOrg: string;
  let nordlys: string;
  let ola: Actor;

  beforeAll(async () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    await seedOnce(prisma);
    passwordHash = await hashPassword(PASSWORD);
    ola = await actorByEmail(prisma, "ola@nordlys.example");
    nordlys = ola.organizationId;
    providerOrg = (await prisma.organization.findFirstOrThrow({ where: { isProvider: true }, select: { id: true } })).id;
  });
  afterAll(() => redis().disconnect());

  async function createUser(role: Role, opts: { totpSecret?: string; organizationId?: string } = {}) {
    const staff = role === "AGENT" || role === "ONCALL" || role === "PROVIDER_ADMIN";
    const email = `tf-${randomUUID()}@${staff ? "servicedesk" : "nordlys"}.example`;
    return prisma.user.create({
      data: {
        email,
        name: "Tove Totrinn",
        role,
        supportLine: role === "AGENT" ? ("L1" as SupportLine) : null,
        organizationId: opts.organizationId ?? (staff ? providerOrg : nordlys),
        passwordHash,
        ...(opts.totpSecret ? { totpSecret: encryptSecret(opts.totpSecret, KEY), twoFactorEnabledAt: T } : {}),
      },
    });
  }

  const sessionOf = async (cookie: string) => (await internal.sessionOf(cookie)) as unknown as Session;
  const scopeOf = (actor: () => Promise<Actor | null>): RequestScope => ({ actor, t: async () => Object.assign(translator(toLocale("nb")), { locale: toLocale("nb") }) });
  async function digestOf(run: Promise<unknown>): Promise<string> {
    try {
      await run;
    } catch (error) {
      return String((error as { digest?: unknown }).digest);
    }
    throw new Error("expected a redirect");
  }
  const audits = (userId: string, action: string) => prisma.auditLog.findMany({ where: { OR: [{ actorId: userId }, { targetId: userId }], action }, orderBy: { at: "asc" } });

  it("a staff session without its second step gets nothing: no actor for pages or server actions, no API; after the code it does", async () => {
    const secret = newTotpSecret();
    const agent = await createUser("AGENT", { totpSecret: secret });
    const cookie = await internal.signIn(agent.email, PASSWORD);
    expect(cookie, "the password is right: a session exists").toBeTruthy();
    const pending = signInStateOf(await sessionOf(cookie!));
    expect(pending).toMatchObject({ userId: agent.id, secondFactor: "verify" });
    expect(await actorOfSignIn(prisma, pending)).toBeNull();

    // A page and a server action see nobody signed in: to the sign-in page, and the action's body never runs.
    const scope = scopeOf(() => actorOfSignIn(prisma, pending));
    expect(await digestOf(withSession("staff", "/arbeid", scope))).toMatch(/^NEXT_REDIRECT;replace;\/signin\?callbackUrl=%2Farbeid;/);
    let ran = false;
    const spec = { audience: "staff" as const, path: "/arbeid", fields: [], input: z.object({}), invalid: "/arbeid", run: async () => void (ran = true) };
    expect(await digestOf(runAction(spec, new FormData(), scope))).toMatch(/^NEXT_REDIRECT;replace;\/signin/);
    expect(ran).toBe(false);
    // The REST API takes bearer tokens only: the session cookie opens nothing there.
    const api = await ticketsRoute.GET(new Request("http://test/api/v1/tickets", { headers: { cookie: `next-auth.session-token=${cookie}` } }));
    expect(api.status).toBe(401);

    // A wrong code leaves it pending; the right one at this instant completes it.
    expect(await verifySecondFactor({ userId: agent.id, code: "000000" === (await totpCodeAt(secret, T)) ? "111111" : "000000", ctx: ctxAt(T) })).toEqual({ ok: false, reason: "wrong_code" });
    expect(await verifySecondFactor({ userId: agent.id, code: await totpCodeAt(secret, T), ctx: ctxAt(T) })).toEqual({ ok: true, method: "totp" });
    expect(await completeSecondFactor(defaultSessionStore(), pending!.sid, agent.id)).toBe(true);
    const done = signInStateOf(await sessionOf(cookie!));
    expect(done).toMatchObject({ userId: agent.id, secondFactor: null });
    expect((await actorOfSignIn(prisma, done))?.userId).toBe(agent.id);
    // Another user cannot complete someone else's session.
    expect(await completeSecondFactor(defaultSessionStore(), pending!.sid, ola.userId)).toBe(false);
  });

  it("TOTP codes: one step either side of the instant is accepted, older and newer ones are not", async () => {
    const secret = newTotpSecret();
    const agent = await createUser("ONCALL", { totpSecret: secret });
    const check = async (codeAt: Date) => (await verifySecondFactor({ userId: agent.id, code: await totpCodeAt(secret, codeAt), ctx: ctxAt(T, { maxFailures: 100, lockoutMinutes: 1 }) })).ok;
    expect(await check(at(-30_000))).toBe(true);
    expect(await check(at(30_000))).toBe(true);
    expect(await check(at(-120_000))).toBe(false);
    expect(await check(at(120_000))).toBe(false);
  });

  it("an app code signs in once: the same code again, or an older one after it, is refused as a wrong code; the next step's code works", async () => {
    const secret = newTotpSecret();
    const agent = await createUser("AGENT", { totpSecret: secret });
    const policy = { maxFailures: 100, lockoutMinutes: 1 };
    const signInWith = async (codeAt: Date, now: Date) => verifySecondFactor({ userId: agent.id, code: await totpCodeAt(secret, codeAt), ctx: ctxAt(now, policy) });
    expect(await signInWith(T, T)).toEqual({ ok: true, method: "totp" });
    // Seen over a shoulder and typed again within its window: refused, and counted as a failure.
    expect(await signInWith(T, at(10_000))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await signInWith(at(-30_000), at(10_000))).toEqual({ ok: false, reason: "wrong_code" });
    expect((await audits(agent.id, "auth.two_factor_failed")).length).toBe(2);
    // The next step's code (the app's next one) is new.
    expect(await signInWith(at(30_000), at(30_000))).toEqual({ ok: true, method: "totp" });
    // Asked at an instant before the last code taken: every code it could accept is used up.
    expect(await signInWith(at(-60_000), at(-60_000))).toEqual({ ok: false, reason: "wrong_code" });
  });

  it("a staff user who has not enrolled must enrol first: the secret is stored encrypted, confirmed by a code, and 10 recovery codes are stored hashed", async () => {
    const admin = await createUser("PROVIDER_ADMIN");
    const cookie = await internal.signIn(admin.email, PASSWORD);
    expect(signInStateOf(await sessionOf(cookie!))?.secondFactor).toBe("enrol");

    const { secret, uri } = await startTwoFactorEnrolment({ userId: admin.id, ctx: ctxAt(T) });
    expect(uri).toContain(`secret=${secret}`);
    // Showing the page again shows the same secret; it is stored encrypted only.
    expect((await startTwoFactorEnrolment({ userId: admin.id, ctx: ctxAt(T) })).secret).toBe(secret);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.totpPendingSecret).not.toContain(secret);
    expect(decryptSecret(stored.totpPendingSecret!, KEY)).toBe(secret);

    expect(await rejection(confirmTwoFactorEnrolment({ userId: admin.id, code: await totpCodeAt(secret, at(-300_000)), ctx: ctxAt(T) }))).toMatchObject({ code: "bad_request" });
    const { recoveryCodes } = await confirmTwoFactorEnrolment({ userId: admin.id, code: await totpCodeAt(secret, T), ctx: ctxAt(T) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const rows = await prisma.recoveryCode.findMany({ where: { userId: admin.id } });
    expect(rows.map((r) => r.codeHash).sort()).toEqual(recoveryCodes.map((c) => createHash("sha256").update(c.replace("-", "")).digest("hex")).sort());
    const enrolled = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(enrolled.totpPendingSecret).toBeNull();
    expect(enrolled.totpSecret).not.toContain(secret);
    expect(decryptSecret(enrolled.totpSecret!, KEY)).toBe(secret);
    // The code that confirmed the enrolment is taken: it cannot sign in again; the app's next one can.
    expect(await verifySecondFactor({ userId: admin.id, code: await totpCodeAt(secret, T), ctx: ctxAt(at(5_000)) })).toEqual({ ok: false, reason: "wrong_code" });
    expect(await verifySecondFactor({ userId: admin.id, code: await totpCodeAt(secret, at(30_000)), ctx: ctxAt(at(30_000)) })).toEqual({ ok: true, method: "totp" });
    expect(await secondFactorStage(prisma, admin.id)).toBe("verify");
    const [row] = await audits(admin.id, "two_factor.enrol");
    expect(row).toMatchObject({ actorId: admin.id, address: "203.0.113.7", organizationId: null, at: T });
  });

  it("a recovery code works once; a new set replaces the old; each is audited", async () => {
    const user = await createUser("END_USER");
    await startTwoFactorEnrolment({ userId: user.id, ctx: ctxAt(T) }).then(async ({ secret: s }) => {
      const { recoveryCodes } = await confirmTwoFactorEnrolment({ userId: user.id, code: await totpCodeAt(s, T), ctx: ctxAt(T) });
      const [first, second] = recoveryCodes as [string, string];
      expect(await verifySecondFactor({ userId: user.id, code: first.toUpperCase(), ctx: ctxAt(at(60_000)) })).toEqual({ ok: true, method: "recovery_code", recoveryCodesLeft: 9 });
      expect(await verifySecondFactor({ userId: user.id, code: first, ctx: ctxAt(at(120_000)) })).toEqual({ ok: false, reason: "wrong_code" });
      const actor = await actorByEmail(prisma, user.email);
      const fresh = await regenerateRecoveryCodes({ actor, code: await totpCodeAt(s, at(180_000)), ctx: ctxAt(at(180_000)) });
      expect(fresh.recoveryCodes).toHaveLength(10);
      // The code that made them is taken: it cannot make another set, nor did the refusal change the set.
      expect(await rejection(regenerateRecoveryCodes({ actor, code: await totpCodeAt(s, at(180_000)), ctx: ctxAt(at(190_000)) }))).toMatchObject({ code: "bad_request" });
      expect(await verifySecondFactor({ userId: user.id, code: second, ctx: ctxAt(at(240_000)) })).toEqual({ ok: false, reason: "wrong_code" });
      expect((await verifySecondFactor({ userId: user.id, code: fresh.recoveryCodes[0]!, ctx: ctxAt(at(300_000)) })).ok).toBe(true);
    });
    expect(await audits(user.id, "two_factor.recovery_code_used")).toHaveLength(2);
    expect(await audits(user.id, "two_factor.recovery_codes_regenerated")).toHaveLength(1);
    const failed = await audits(user.id, "auth.two_factor_failed");
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ organizationId: nordlys, address: "203.0.113.7" });
  });

  it("wrong codes count toward the lockout: locked, even the right code is refused until it ends", async () => {
    const secret = newTotpSecret();
    const agent = await createUser("AGENT", { totpSecret: secret });
    const policy = { maxFailures: 3, lockoutMinutes: 15 };
    const wrong = (await totpCodeAt(secret, T)) === "123456" ? "654321" : "123456";
    for (let i = 0; i < 2; i++) expect(await verifySecondFactor({ userId: agent.id, code: wrong, ctx: ctxAt(T, policy) })).toEqual({ ok: false, reason: "wrong_code" });
    expect(await verifySecondFactor({ userId: agent.id, code: wrong, ctx: ctxAt(T, policy) })).toEqual({ ok: false, reason: "locked" });
    expect(await verifySecondFactor({ userId: agent.id, code: await totpCodeAt(secret, at(60_000)), ctx: ctxAt(at(60_000), policy) })).toEqual({ ok: false, reason: "locked" });
    expect((await verifySecondFactor({ userId: agent.id, code: await totpCodeAt(secret, at(16 * 60_000)), ctx: ctxAt(at(16 * 60_000), policy) })).ok).toBe(true);
  });

  it("customers: optional, until their organisation requires it (set by its customer admin, audited); staff cannot turn it off", async () => {
    const org = await prisma.organization.create({ data: { name: "Totrinn AS", slug: `totrinn-${randomUUID()}`, ticketPrefix: "TT" } });
    const admin = await createUser("CUSTOMER_ADMIN", { organizationId: org.id });
    const user = await createUser("END_USER", { organizationId: org.id });
    expect(await secondFactorStage(prisma, user.id)).toBeNull();
    const customerCookie = await internal.signIn(user.email, PASSWORD);
    expect(signInStateOf(await sessionOf(customerCookie!))?.secondFactor).toBeNull();

    const adminActor = await actorByEmail(prisma, admin.email);
    const userActor = await actorByEmail(prisma, user.email);
    expect(await rejection(setOrganizationTwoFactor({ actor: userActor, input: { requireTwoFactor: true }, ctx: ctxAt(T) }))).toMatchObject({ code: "not_found" });
    const adminCookie = await internal.signIn(admin.email, PASSWORD);
    await setOrganizationTwoFactor({ actor: adminActor, input: { requireTwoFactor: true }, ctx: ctxAt(T) });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).requireTwoFactor).toBe(true);
    // The user's session (not enrolled) ends at once; the admin who turned it on keeps theirs.
    expect(await internal.sessionOf(customerCookie!)).toEqual({});
    expect(signInStateOf(await sessionOf(adminCookie!))?.userId).toBe(admin.id);
    const [row] = await prisma.auditLog.findMany({ where: { targetId: org.id, action: "organization.update" } });
    expect(row).toMatchObject({ actorId: admin.id, organizationId: org.id, before: { requireTwoFactor: false }, after: { requireTwoFactor: true }, address: "203.0.113.7" });

    // From the next sign-in: enrolment first.
    expect(await secondFactorStage(prisma, user.id)).toBe("enrol");
    const next = await internal.signIn(user.email, PASSWORD);
    const state = signInStateOf(await sessionOf(next!));
    expect(state?.secondFactor).toBe("enrol");
    expect(await actorOfSignIn(prisma, state)).toBeNull();

    // Required: it cannot be turned off, by a customer of that organisation or by staff.
    const { secret } = await startTwoFactorEnrolment({ userId: user.id, ctx: ctxAt(T) });
    await confirmTwoFactorEnrolment({ userId: user.id, code: await totpCodeAt(secret, T), ctx: ctxAt(T) });
    expect(await rejection(disableTwoFactor({ actor: userActor, code: await totpCodeAt(secret, T), ctx: ctxAt(T) }))).toMatchObject({ code: "conflict" });
    const staffSecret = newTotpSecret();
    const agent = await createUser("AGENT", { totpSecret: staffSecret });
    expect(await rejection(disableTwoFactor({ actor: (await actorByEmail(prisma, agent.email))!, code: await totpCodeAt(staffSecret, T), ctx: ctxAt(T) }))).toMatchObject({ code: "conflict" });

    // Not required any more: turned off with a code, audited, recovery codes gone.
    await setOrganizationTwoFactor({ actor: adminActor, input: { requireTwoFactor: false }, ctx: ctxAt(T) });
    expect(await rejection(disableTwoFactor({ actor: userActor, code: "000000" === (await totpCodeAt(secret, T)) ? "111111" : "000000", ctx: ctxAt(T) }))).toMatchObject({ code: "bad_request" });
    // The code that confirmed the enrolment is taken: not even the owner of the session can use it again.
    expect(await rejection(disableTwoFactor({ actor: userActor, code: await totpCodeAt(secret, T), ctx: ctxAt(at(5_000)) }))).toMatchObject({ code: "bad_request" });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    await disableTwoFactor({ actor: userActor, code: await totpCodeAt(secret, at(30_000)), ctx: ctxAt(at(30_000)) });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await secondFactorStage(prisma, user.id)).toBeNull();
    expect(await audits(user.id, "two_factor.disable")).toHaveLength(1);
  });

  it("every sign-in and failed sign-in is audited with the client's address", async () => {
    const agent = await createUser("AGENT", { totpSecret: newTotpSecret() });
    const options = buildAuthOptions(readEnv(), () => prisma);
    const provider = options.providers.find((p) => p.id === CREDENTIALS_PROVIDER_ID) as unknown as { options: { authorize: (input: Record<string, string>, req: unknown) => Promise<unknown> } };
    const req = { headers: { "x-helpdesk-client-address": "198.51.100.4" } };
    expect(await provider.options.authorize({ email: agent.email, password: PASSWORD }, req)).toEqual({ id: agent.id });
    expect(await provider.options.authorize({ email: agent.email, password: "not the password" }, req)).toBeNull();
    expect(await provider.options.authorize({ email: "nobody@nowhere.example", password: "x" }, req)).toBeNull();

    const [signIn] = await audits(agent.id, "auth.sign_in");
    expect(signIn).toMatchObject({ actorId: agent.id, address: "198.51.100.4", organizationId: null, after: { method: "password", secondFactor: "verify" } });
    const [failed] = await audits(agent.id, "auth.sign_in_failed");
    expect(failed).toMatchObject({ actorId: null, actorEmail: agent.email, address: "198.51.100.4", after: { reason: "invalid" } });
    const unknown = await prisma.auditLog.findMany({ where: { action: "auth.sign_in_failed", actorEmail: "nobody@nowhere.example" } });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ targetId: null, address: "198.51.100.4" });
  });
});
