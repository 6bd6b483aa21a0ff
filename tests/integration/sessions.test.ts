/**
 * Sessions that end (issue 14), through next-auth's own request handler (NextAuth(req, res,
 * options), its API-route entry, the same engine as /api/auth/*) with the app's options: sign in with the CSRF token and the password, read
 * the session with the cookie, then sign out / be deactivated / sign out everywhere, and the old
 * cookie gets no session on the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import NextAuth, { type AuthOptions } from "next-auth";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { DEMO_PASSWORD } from "../../lib/server/db/demo-data";
import { readEnv } from "../../lib/config/env";
import { redis, redisPrefix } from "../../lib/server/redis";
import { buildAuthOptions } from "../../lib/server/auth/options";
import { idleTimeoutMs } from "../../lib/server/auth/sessions";
import { loadActor } from "../../lib/server/actor";
import { deactivateUser } from "../../lib/server/admin/deactivate-user";
import { signOutEverywhere } from "../../lib/server/auth/sign-out-everywhere";

type Cookies = Record<string, string>;
const BASE = "http://localhost:3000";

describe("sessions end when they should", () => {
  const prisma = db();
  let options: AuthOptions;
  const quiet = { error: () => undefined, warn: () => undefined, debug: () => undefined };

  beforeAll(async () => {
    process.env.NEXTAUTH_URL = BASE;
    await seed(prisma);
    options = { ...buildAuthOptions(readEnv({ ...process.env, NEXTAUTH_SECRET: "integration-test-secret-0123456789" }), () => prisma), logger: quiet };
  });
  afterAll(async () => {
    await prisma.$disconnect();
    redis().disconnect();
  });

  const call = async (req: { method: "GET" | "POST"; action: string; providerId?: string; cookies: Cookies; body?: Record<string, string> }) => {
    const headers: Record<string, string | string[]> = {};
    let body: unknown;
    const res = {
      status: () => res,
      setHeader: (name: string, value: string | string[]) => {
        headers[name.toLowerCase()] = value;
        return res;
      },
      getHeader: (name: string) => headers[name.toLowerCase()],
      end: () => undefined,
      send: (b: unknown) => void (body = b),
      json: (b: unknown) => void (body = b),
    };
    const request = {
      method: req.method,
      query: { nextauth: [req.action, ...(req.providerId ? [req.providerId] : [])] },
      cookies: req.cookies,
      headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000" },
      body: req.body ?? {},
    };
    await NextAuth(request as never, res as never, options);
    const set: Cookies = {};
    const raw = headers["set-cookie"];
    for (const c of Array.isArray(raw) ? raw : raw ? [raw] : []) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      set[pair!.slice(0, i)] = decodeURIComponent(pair!.slice(i + 1));
    }
    return { body: body as Record<string, unknown> | undefined, cookies: set };
  };

  async function signIn(email: string): Promise<Cookies> {
    const csrf = await call({ method: "GET", action: "csrf", cookies: {} });
    const jar = { ...csrf.cookies };
    const token = (csrf.body as { csrfToken: string }).csrfToken;
    const signedIn = await call({
      method: "POST",
      action: "callback",
      providerId: "credentials",
      cookies: jar,
      body: { csrfToken: token, email, password: DEMO_PASSWORD, callbackUrl: `${BASE}/saker` },
    });
    const sessionCookie = signedIn.cookies["next-auth.session-token"];
    expect(sessionCookie, "a session cookie after signing in").toBeTruthy();
    return { ...jar, "next-auth.session-token": sessionCookie!, csrf: token };
  }
  const sessionOf = async (jar: Cookies) => (await call({ method: "GET", action: "session", cookies: { "next-auth.session-token": jar["next-auth.session-token"]! } })).body;
  const signOut = (jar: Cookies) =>
    call({
      method: "POST",
      action: "signout",
      cookies: { "next-auth.csrf-token": jar["next-auth.csrf-token"]!, "next-auth.session-token": jar["next-auth.session-token"]! },
      body: { csrfToken: jar.csrf! },
    });

  it("sign-out ends the session: the old cookie no longer opens one", async () => {
    const jar = await signIn("kari@nordlys.example");
    expect(await sessionOf(jar)).toMatchObject({ user: { email: "kari@nordlys.example" } });
    const other = await signIn("kari@nordlys.example");
    await signOut(jar);
    expect(await sessionOf(jar)).toEqual({});
    // Only that session: the same person's other browser stays signed in.
    expect(await sessionOf(other)).toMatchObject({ user: { email: "kari@nordlys.example" } });
  });

  it("deactivation ends every session of the user at once", async () => {
    const jar = await signIn("per@nordlys.example");
    expect(await sessionOf(jar)).toMatchObject({ user: { email: "per@nordlys.example" } });
    const admin = await loadActor(prisma, (await prisma.user.findUniqueOrThrow({ where: { email: "admin@servicedesk.example" } })).id);
    const per = await prisma.user.findUniqueOrThrow({ where: { email: "per@nordlys.example" } });
    await deactivateUser({ actor: admin!, input: { userId: per.id }, ctx: { prisma, now: () => new Date() } });
    const key = `${redisPrefix()}:user-sessions:${per.id}`;
    expect(await redis().exists(key)).toBe(0);
    expect(await sessionOf(jar)).toEqual({});
  });

  it("sign out everywhere ends every session of the person, on every browser", async () => {
    const first = await signIn("ola@nordlys.example");
    const second = await signIn("ola@nordlys.example");
    const bystander = await signIn("ingrid@fjordvik.example");
    const ola = await loadActor(prisma, (await prisma.user.findUniqueOrThrow({ where: { email: "ola@nordlys.example" } })).id);
    expect(await signOutEverywhere({ actor: ola! })).toBe(2);
    expect(await sessionOf(first)).toEqual({});
    expect(await sessionOf(second)).toEqual({});
    expect(await sessionOf(bystander)).toMatchObject({ user: { email: "ingrid@fjordvik.example" } });
  });

  it("a session goes idle: its Redis record expires after the audience's idle timeout (8 h for staff by default)", async () => {
    expect(idleTimeoutMs("AGENT", readEnv({}))).toBe(8 * 3_600_000);
    expect(idleTimeoutMs("END_USER", readEnv({ SESSION_IDLE_MINUTES_CUSTOMER: "30" }))).toBe(30 * 60_000);
    const jar = await signIn("lise@servicedesk.example");
    const lise = await prisma.user.findUniqueOrThrow({ where: { email: "lise@servicedesk.example" } });
    const [sid] = await redis().smembers(`${redisPrefix()}:user-sessions:${lise.id}`);
    const ttl = await redis().pttl(`${redisPrefix()}:session:${sid}`);
    expect(ttl).toBeGreaterThan(8 * 3_600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(8 * 3_600_000);
    // Idle past the timeout is the record gone: simulate it rather than wait 8 hours.
    await redis().del(`${redisPrefix()}:session:${sid}`);
    expect(await sessionOf(jar)).toEqual({});
  });
});
