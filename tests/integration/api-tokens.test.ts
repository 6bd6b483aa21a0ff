import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { deleteKeys } from "../support/redis-keys";
import { readEnv } from "../../lib/config/env";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { revokeApiToken } from "../../lib/server/tokens/revoke-api-token";
import { authenticateToken } from "../../lib/server/tokens/authenticate-token";
import { hashToken } from "../../lib/server/tokens/token-secret";
import { withApiActor, defaultApiDeps } from "../../lib/server/api/with-api-actor";
import { json } from "../../lib/server/api/responses";

const run = promisify(execFile);

/** Runs `npm run cli -- …` as a child process against this run's database. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Rate-limit counters of this run start empty, whatever earlier test files spent in this minute. */
const resetRateLimits = () => deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);

describe("API tokens", () => {
  const prisma = createPrisma();
  const ctx = { prisma, now: () => new Date() };
  /** An authenticated route that answers with who is calling. */
  const whoAmI = withApiActor(
    async ({ actor }) => json({ userId: actor.userId, organizationId: actor.organizationId, role: actor.role }),
    () => ({
      ...defaultApiDeps(),
      prisma,
    }),
  );
  const call = (authorization?: string) => whoAmI(new Request("http://test/api/v1/whoami", { headers: authorization ? { authorization } : {} }));

  beforeAll(async () => {
    await seed(prisma);
    await resetRateLimits();
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  async function expectUnauthenticated(response: Response) {
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const body = await response.json();
    expect(body).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i);
  }

  it("is shown once, stored only as a hash, and authenticates as its user in the user's organisation", async () => {
    const created = await createApiToken({ input: { email: "Kari@Nordlys.example", name: "integration" }, ctx });
    expect(created.token).toMatch(/^hd_[A-Za-z0-9_-]{43}$/);
    expect(created.displayPrefix).toBe(created.token.slice(0, 10));

    const kari = await prisma.user.findUniqueOrThrow({ where: { email: "kari@nordlys.example" } });
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ userId: kari.id, organizationId: kari.organizationId, name: "integration", tokenHash: hashToken(created.token) });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // The plain token is nowhere in the table.
    const rows = await prisma.$queryRaw<{ hits: bigint }[]>`select count(*) as hits from "ApiToken" t where t::text like ${"%" + created.token.slice(3) + "%"}`;
    expect(rows.map((r) => Number(r.hits))).toEqual([0]);

    const response = await call(`Bearer ${created.token}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: kari.id, organizationId: kari.organizationId, role: "END_USER" });
    expect(response.headers.get("x-ratelimit-limit")).toBe("100");
  });

  it("records lastUsedAt at most once a minute", async () => {
    const created = await createApiToken({ input: { email: "per@nordlys.example" }, ctx });
    const at = (iso: string) => ({ prisma, now: () => new Date(iso) });
    const lastUsed = async () => (await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBeUndefined();
    expect(await authenticateToken({ token: created.token, ctx: at("2026-03-02T10:00:00Z") })).not.toBeNull();
    expect(await lastUsed()).toBe("2026-03-02T10:00:00.000Z");
    expect(await authenticateToken({ token: created.token, ctx: at("2026-03-02T10:00:59Z") })).not.toBeNull();
    expect(await lastUsed()).toBe("2026-03-02T10:00:00.000Z");
    expect(await authenticateToken({ token: created.token, ctx: at("2026-03-02T10:01:00Z") })).not.toBeNull();
    expect(await lastUsed()).toBe("2026-03-02T10:01:00.000Z");
  });

  it("answers 401 with the error shape for a missing, garbage, unknown, revoked or expired token", async () => {
    await expectUnauthenticated(await call());
    await expectUnauthenticated(await call("Basic a2FyaTpwdw=="));
    await expectUnauthenticated(await call("Bearer not-a-token"));
    await expectUnauthenticated(await call(`Bearer hd_${"A".repeat(43)}`));

    const revoked = await createApiToken({ input: { email: "ola@nordlys.example" }, ctx });
    expect((await call(`Bearer ${revoked.token}`)).status).toBe(200);
    expect(await revokeApiToken({ input: { displayPrefix: revoked.displayPrefix }, ctx })).toEqual({ revoked: 1 });
    await expectUnauthenticated(await call(`Bearer ${revoked.token}`));

    const expired = await createApiToken({ input: { email: "ola@nordlys.example", expiresAt: new Date(Date.now() + 60_000) }, ctx });
    expect((await call(`Bearer ${expired.token}`)).status).toBe(200);
    await prisma.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectUnauthenticated(await call(`Bearer ${expired.token}`));
  });

  it("stops working when its user is deactivated", async () => {
    const created = await createApiToken({ input: { email: "admin@bergheim.example" }, ctx });
    expect((await call(`Bearer ${created.token}`)).status).toBe(200);
    await prisma.user.update({ where: { email: "admin@bergheim.example" }, data: { deactivatedAt: new Date() } });
    try {
      await expectUnauthenticated(await call(`Bearer ${created.token}`));
    } finally {
      await prisma.user.update({ where: { email: "admin@bergheim.example" }, data: { deactivatedAt: null } });
    }
  });

  it("npm run cli -- token create prints a token that works, once; token revoke ends it", async () => {
    const created = await cli("token", "create", "--email", "ingrid@fjordvik.example", "--name", "ci");
    expect(created.code).toBe(0);
    const [token, note, ...rest] = created.stdout.trim().split("\n");
    expect(rest).toEqual([]);
    expect(token).toMatch(/^hd_[A-Za-z0-9_-]{43}$/);
    expect(note).toMatch(/shown once/);
    const ingrid = await prisma.user.findUniqueOrThrow({ where: { email: "ingrid@fjordvik.example" } });
    const response = await call(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect((await response.json()).userId).toBe(ingrid.id);

    const revoked = await cli("token", "revoke", "--prefix", token!.slice(0, 10));
    expect(revoked.code).toBe(0);
    await expectUnauthenticated(await call(`Bearer ${token}`));
  });

  it("npm run cli ends with one line on stderr and exit code 1 for an unknown user or command", async () => {
    const before = await prisma.apiToken.count();
    const unknownUser = await cli("token", "create", "--email", "nobody@nowhere.example");
    expect(unknownUser.code).toBe(1);
    expect(unknownUser.stdout).toBe("");
    expect(unknownUser.stderr.trim().split("\n")).toEqual([expect.stringContaining("nobody@nowhere.example")]);
    expect(await prisma.apiToken.count()).toBe(before);

    const unknownCommand = await cli("token", "frobnicate");
    expect(unknownCommand.code).toBe(1);
    expect(unknownCommand.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Unknown command "token frobnicate"/)]);
  });
});
