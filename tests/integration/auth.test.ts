import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import type { Account, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { createPrisma } from "../../lib/server/db/prisma";
import { readEnv } from "../../lib/config/env";
import { lockoutPolicy, signInWithPassword } from "../../lib/server/auth/sign-in-with-password";
import { buildAuthOptions } from "../../lib/server/auth/options";
import { SessionEndedError } from "../../lib/server/auth/logger";
import { redis } from "../../lib/server/redis";

const PASSWORD = "Riktig-passord-42";
const run = randomBytes(4).toString("hex");
/** The instant every attempt here is made at: the lockout rules count from it, never from the wall clock. */
const AT = new Date("2026-03-02T08:00:00Z");
const OIDC = { OIDC_ISSUER: "https://login.customer.example/tenant/", OIDC_CLIENT_ID: "helpdesk", OIDC_CLIENT_SECRET: "s3cret" };

describe("sign-in with e-mail and password, lockout, and the next-auth options", () => {
  const prisma = createPrisma();
  const policy = lockoutPolicy();
  const N = policy.maxFailures;
  const lockoutMs = policy.lockoutMinutes * 60_000;
  let organizationId: string;
  let passwordHash: string;
  let counter = 0;

  /** A fresh active end user with its own e-mail, so tests never share a counter. */
  async function createUser(data: { deactivatedAt?: Date; failedLogins?: number } = {}) {
    const email = `user-${run}-${++counter}@auth-test.example`;
    const user = await prisma.user.create({ data: { organizationId, email, name: `Test ${counter}`, role: "END_USER", passwordHash, ...data } });
    return { id: user.id, email };
  }
  const stateOf = (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { failedLogins: true, lockedUntil: true } });
  const attempt = (email: string, password: string, now: Date, p = policy) => signInWithPassword({ prisma, email, password, now, policy: p });

  beforeAll(async () => {
    // A hash made by the earlier bcrypt code: it still signs in (and is rehashed; see below).
    passwordHash = await bcrypt.hash(PASSWORD, 4);
    const org = await prisma.organization.create({ data: { name: `Auth test ${run}`, slug: `auth-test-${run}`, ticketPrefix: "AT" } });
    organizationId = org.id;
  });
  afterAll(async () => {
    await prisma.user.deleteMany({ where: { organizationId } });
    await prisma.organization.delete({ where: { id: organizationId } });
    await prisma.$disconnect();
    redis().disconnect();
  });

  it("the lockout policy comes from LOGIN_MAX_FAILURES and LOGIN_LOCKOUT_MINUTES", () => {
    expect(lockoutPolicy(readEnv({ LOGIN_MAX_FAILURES: "3", LOGIN_LOCKOUT_MINUTES: "7" }))).toEqual({ maxFailures: 3, lockoutMinutes: 7 });
    expect(policy).toEqual({ maxFailures: readEnv().LOGIN_MAX_FAILURES, lockoutMinutes: readEnv().LOGIN_LOCKOUT_MINUTES });
  });

  it("the right password signs in and resets the failure counter", async () => {
    const user = await createUser({ failedLogins: N - 1 });
    expect(await signInWithPassword({ prisma, email: user.email, password: PASSWORD, now: AT })).toEqual({ ok: true, userId: user.id });
    expect(await stateOf(user.id)).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it("an old bcrypt hash signs in and is replaced by argon2id; a wrong password leaves it alone (issue 15)", async () => {
    const user = await createUser();
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(before).toMatch(/^\$2[ab]\$/);
    const now = AT;
    expect((await attempt(user.email, "wrong", now)).ok).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
    expect(await attempt(user.email, PASSWORD, now)).toEqual({ ok: true, userId: user.id });
    const after = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(after).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await attempt(user.email, PASSWORD, now)).toEqual({ ok: true, userId: user.id });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(after);
  });

  it("N − 1 wrong passwords, then the right one, signs in", async () => {
    const user = await createUser();
    const now = AT;
    for (let i = 1; i < N; i++) {
      expect(await attempt(user.email, "wrong", now)).toEqual({ ok: false, reason: "invalid" });
      expect((await stateOf(user.id)).failedLogins).toBe(i);
    }
    expect(await attempt(user.email, PASSWORD, now)).toEqual({ ok: true, userId: user.id });
    expect(await stateOf(user.id)).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it("N wrong passwords lock the account; while locked even the right password is refused and nothing is counted; after the lockout it works", async () => {
    const user = await createUser();
    const now = AT;
    const lockedUntil = new Date(now.getTime() + lockoutMs);
    for (let i = 1; i < N; i++) expect(await attempt(user.email, "wrong", now)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.email, "wrong", now)).toEqual({ ok: false, reason: "locked", lockedUntil });
    expect(await stateOf(user.id)).toEqual({ failedLogins: 0, lockedUntil });

    const during = new Date(lockedUntil.getTime() - 1);
    expect(await attempt(user.email, PASSWORD, during)).toEqual({ ok: false, reason: "locked", lockedUntil });
    expect(await attempt(user.email, "wrong", during)).toEqual({ ok: false, reason: "locked", lockedUntil });
    expect(await stateOf(user.id)).toEqual({ failedLogins: 0, lockedUntil });

    expect(await attempt(user.email, PASSWORD, lockedUntil)).toEqual({ ok: true, userId: user.id });
    expect(await stateOf(user.id)).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it("after an expired lock the count starts again from zero", async () => {
    const user = await createUser();
    const now = AT;
    for (let i = 0; i < N; i++) await attempt(user.email, "wrong", now);
    const later = new Date(now.getTime() + lockoutMs + 60_000);
    expect(await attempt(user.email, "wrong", later)).toEqual(N === 1 ? { ok: false, reason: "locked", lockedUntil: new Date(later.getTime() + lockoutMs) } : { ok: false, reason: "invalid" });
    expect((await stateOf(user.id)).failedLogins).toBe(N === 1 ? 0 : 1);
  });

  it("an unknown e-mail and a deactivated user get the same answer as a wrong password", async () => {
    const now = AT;
    expect(await attempt(`nobody-${run}@auth-test.example`, PASSWORD, now)).toEqual({ ok: false, reason: "invalid" });
    const deactivated = await createUser({ deactivatedAt: new Date("2026-01-01T00:00:00Z") });
    expect(await attempt(deactivated.email, PASSWORD, now)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(deactivated.email, "wrong", now)).toEqual({ ok: false, reason: "invalid" });
    expect(await stateOf(deactivated.id)).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it("input is validated: a malformed e-mail or an over-long password is invalid and counts nothing", async () => {
    const user = await createUser();
    const now = AT;
    expect(await attempt("not-an-email", PASSWORD, now)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.email, "", now)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(user.email, "x".repeat(1025), now)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ prisma, email: undefined, password: undefined, now })).toEqual({ ok: false, reason: "invalid" });
    expect((await stateOf(user.id)).failedLogins).toBe(0);
  });

  it("the e-mail is compared lower-cased and trimmed", async () => {
    const user = await createUser();
    expect(await attempt(`  ${user.email.toUpperCase()} `, PASSWORD, AT)).toEqual({ ok: true, userId: user.id });
  });

  it("concurrent wrong attempts never undercount: 4 in parallel count 4, 10 in parallel with a limit of 5 lock the account", async () => {
    const five = { maxFailures: 5, lockoutMinutes: 15 };
    const now = AT;

    const counted = await createUser();
    const four = await Promise.all(Array.from({ length: 4 }, () => attempt(counted.email, "wrong", now, five)));
    expect(four.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(await stateOf(counted.id)).toEqual({ failedLogins: 4, lockedUntil: null });

    const locked = await createUser();
    const lockedUntil = new Date(now.getTime() + 15 * 60_000);
    const ten = await Promise.all(Array.from({ length: 10 }, () => attempt(locked.email, "wrong", now, five)));
    expect(ten.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(4);
    expect(ten.filter((r) => !r.ok && r.reason === "locked")).toEqual(Array.from({ length: 6 }, () => ({ ok: false, reason: "locked", lockedUntil })));
    expect(await stateOf(locked.id)).toEqual({ failedLogins: 0, lockedUntil });
    expect(await attempt(locked.email, PASSWORD, now, five)).toEqual({ ok: false, reason: "locked", lockedUntil });
  });

  describe("next-auth options", () => {
    const providerIds = (env: Record<string, string>) => buildAuthOptions(readEnv(env), () => prisma).providers.map((p) => p.id);
    const oidcAccount: Account = { provider: "oidc", type: "oauth", providerAccountId: "idp-subject" };
    const oidcOptions = () => buildAuthOptions(readEnv({ ...OIDC, OIDC_NAME: "Kundens Entra ID" }), () => prisma);
    const signIn = (email: string | undefined, verified: unknown, account: Account = oidcAccount, options = oidcOptions()) =>
      options.callbacks!.signIn!({ user: { id: "idp-subject" }, account, profile: { sub: "idp-subject", email, email_verified: verified } as never });

    it("offers OIDC exactly when the issuer, client id and client secret are all set", () => {
      expect(providerIds({})).toEqual(["credentials"]);
      expect(providerIds({ OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: OIDC.OIDC_CLIENT_ID })).toEqual(["credentials"]);
      expect(providerIds({ OIDC_CLIENT_ID: OIDC.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: OIDC.OIDC_CLIENT_SECRET })).toEqual(["credentials"]);
      expect(providerIds(OIDC)).toEqual(["credentials", "oidc"]);
      const options = oidcOptions();
      expect(options.session?.strategy).toBe("jwt");
      expect(options.providers.find((p) => p.id === "oidc")).toMatchObject({
        type: "oauth",
        name: "Kundens Entra ID",
        wellKnown: "https://login.customer.example/tenant/.well-known/openid-configuration",
        clientId: "helpdesk",
        clientSecret: "s3cret",
        idToken: true,
        checks: ["pkce", "state"],
      });
    });

    it("the OIDC sign-in accepts an active user's verified e-mail and rejects unknown, unverified and deactivated ones", async () => {
      const user = await createUser();
      const deactivated = await createUser({ deactivatedAt: new Date("2026-01-01T00:00:00Z") });
      expect(await signIn(user.email, true)).toBe(true);
      expect(await signIn(user.email.toUpperCase(), "true")).toBe(true);
      expect(await signIn(`nobody-${run}@auth-test.example`, true)).toBe(false);
      expect(await signIn(user.email, false)).toBe(false);
      expect(await signIn(user.email, undefined)).toBe(false);
      expect(await signIn(undefined, true)).toBe(false);
      expect(await signIn(deactivated.email, true)).toBe(false);
      const withoutOidc = buildAuthOptions(readEnv({}), () => prisma);
      expect(await signIn(user.email, true, oidcAccount, withoutOidc)).toBe(false);
      expect(await signIn(user.email, true, { provider: "github", type: "oauth", providerAccountId: "x" })).toBe(false);
    });

    it("the JWT carries only our user id, and the session is read fresh: a deactivated user is signed out", async () => {
      const options = oidcOptions();
      const user = await createUser();
      const jwt = options.callbacks!.jwt!;
      const fromOidc = await jwt({
        token: { sub: "idp-subject", email: user.email, name: "x" },
        user: { id: "idp-subject" },
        account: oidcAccount,
        profile: { sub: "idp-subject", email: user.email, email_verified: true } as never,
      });
      // Our user id and a server-side session id (sessions.ts), nothing else.
      expect(fromOidc).toEqual({ sub: user.id, sid: expect.any(String) });
      const fromPassword = await jwt({ token: { sub: user.id, email: user.email }, user: { id: user.id }, account: { provider: "credentials", type: "credentials", providerAccountId: user.id } });
      expect(fromPassword).toEqual({ sub: user.id, sid: expect.any(String) });
      expect(await jwt({ token: { sub: user.id, sid: fromPassword.sid, iat: 1, exp: 2, jti: "j" } as JWT, user: undefined as never, account: null })).toEqual({ sub: user.id, sid: fromPassword.sid });
      // A token without a live session (ended, idle, or from before sessions existed) ends.
      await expect(jwt({ token: { sub: user.id, iat: 1, exp: 2, jti: "j" } as JWT, user: undefined as never, account: null })).rejects.toBeInstanceOf(SessionEndedError);
      await expect(jwt({ token: { sub: user.id, sid: "made-up" } as JWT, user: undefined as never, account: null })).rejects.toBeInstanceOf(SessionEndedError);

      const session = options.callbacks!.session!;
      const expires = "2026-03-02T09:00:00.000Z"; // passed through as given
      const call = (sub: string | undefined) => session({ session: { user: {}, expires } as Session, token: { sub } } as never);
      expect(await call(user.id)).toEqual({ expires, user: { id: user.id, email: user.email, name: `Test ${counter}`, role: "END_USER", locale: "nb" } });
      await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: AT } });
      await expect(call(user.id)).rejects.toBeInstanceOf(SessionEndedError);
      await expect(call("not-a-uuid")).rejects.toBeInstanceOf(SessionEndedError);
      await expect(call(undefined)).rejects.toBeInstanceOf(SessionEndedError);
    });
  });
});
