/**
 * Sign-in cannot be used to find out which addresses exist (issue 14): every path costs exactly
 * one argon2id comparison at the same cost (issue 15), and attempts past the limit per address and per client answer 429 with
 * Retry-After for known and unknown addresses alike, before any account is looked at.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as passwordHash from "../../lib/server/auth/password-hash";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { DEMO_PASSWORD } from "../../lib/server/db/demo-data";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import { signInWithPassword } from "../../lib/server/auth/sign-in-with-password";
import { CLIENT_ADDRESS_HEADER, checkSignInThrottle } from "../../lib/server/auth/sign-in-throttle";
import { redisPrefix } from "../../lib/server/redis";
import * as authRoute from "../../app/api/auth/[...nextauth]/route";

// Counts the comparisons sign-in makes, each still done by the real function.
vi.mock("../../lib/server/auth/password-hash", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/server/auth/password-hash")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

/** An attempt under the limit, counted by the throttle as the route counts it (next-auth itself needs a Next.js request scope). */
const counted = async (email: string, client: string) => (await checkSignInThrottle({ redis: redis(), prefix: redisPrefix(), email, client, now: new Date() })).allowed;

const attempt = (email: string, client: string) =>
  authRoute.POST(
    new Request("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", [CLIENT_ADDRESS_HEADER]: client },
      body: new URLSearchParams({ email, password: "wrong-password", csrfToken: "x", json: "true" }),
    }),
    { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
  );

describe("sign-in: the same cost and the same answers for known and unknown addresses", () => {
  const prisma = db();
  beforeAll(() => seed(prisma));
  afterAll(async () => {
    vi.restoreAllMocks();
    await prisma.$disconnect();
    redis().disconnect();
  });

  it("compares exactly one argon2id hash at the same cost on every path: unknown, deactivated, locked, wrong and right password", async () => {
    const now = new Date();
    const compare = vi.mocked(passwordHash.verifyPassword);
    await prisma.user.update({ where: { email: "per@nordlys.example" }, data: { lockedUntil: new Date(now.getTime() + 600_000) } });
    await prisma.user.update({ where: { email: "ingrid@fjordvik.example" }, data: { deactivatedAt: now } });
    const cases: [string, string, string][] = [
      ["unknown", "nobody-here@nordlys.example", "whatever"],
      ["deactivated", "ingrid@fjordvik.example", DEMO_PASSWORD],
      ["locked", "per@nordlys.example", DEMO_PASSWORD],
      ["wrong", "kari@nordlys.example", "wrong"],
      ["right", "sara@bergheim.example", DEMO_PASSWORD],
    ];
    for (const [what, email, password] of cases) {
      compare.mockClear();
      const result = await signInWithPassword({ prisma, email, password, now });
      expect(compare, what).toHaveBeenCalledTimes(1);
      expect(compare.mock.calls[0]![0], what).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(result.ok, what).toBe(what === "right");
    }
  });

  it("past the limit per address, known and unknown addresses both get 429 with Retry-After, in the shape next-auth's client reads", async () => {
    const limit = readEnv().SIGNIN_MAX_PER_ADDRESS;
    for (const email of ["lise@servicedesk.example", "ghost-7c1f@servicedesk.example"]) {
      for (let i = 0; i < limit; i++) expect(await counted(email, `10.1.0.${i}`), `${email} #${i + 1}`).toBe(true);
      const refused = await attempt(email, "10.1.1.1");
      expect(refused.status, email).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toEqual({ url: expect.stringContaining("/signin?error=RateLimited"), error: "RateLimited" });
    }
  }, 60_000);

  it("past the limit per client, every address is refused, even a fresh one", async () => {
    const limit = readEnv().SIGNIN_MAX_PER_CLIENT;
    for (let i = 0; i < limit; i++) expect(await counted(`spray-${i}@nordlys.example`, "10.9.9.9")).toBe(true);
    expect((await attempt("kari@nordlys.example", "10.9.9.9")).status).toBe(429);
    expect((await attempt("never-seen@nordlys.example", "10.9.9.9")).status).toBe(429);
    // Another client is not affected.
    expect(await counted("never-seen-2@nordlys.example", "10.9.9.10")).toBe(true);
  }, 60_000);
});
