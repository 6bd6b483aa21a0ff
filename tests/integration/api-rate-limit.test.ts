import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { checkRateLimit, rateLimitKey } from "../../lib/server/api/rate-limit";
import { defaultApiDeps, withApiActor, type ApiDeps } from "../../lib/server/api/with-api-actor";
import { json } from "../../lib/server/api/responses";

describe("REST API rate limit (SLA-RULES.md §5: 100 calls per minute per customer organisation)", () => {
  const prisma = createPrisma();
  const redis = createRedis();
  const tokens: Record<string, string> = {};
  /** A fresh minute for every test, far from the real clock, so tests never share a window. */
  let minute = Date.UTC(2031, 0, 1, 9, 0, 0);
  const nextMinute = () => (minute += 60_000);

  /** An authenticated route with the given limit and clock; answers 200 with the caller's organisation. */
  const route = (overrides: Partial<ApiDeps>) =>
    withApiActor(
      async ({ actor }) => json({ organizationId: actor.organizationId }),
      () => ({ ...defaultApiDeps(), prisma, redis, ...overrides }),
    );
  const call = (handler: ReturnType<typeof route>, email: string) => handler(new Request("http://test/api/v1/limited", { headers: { authorization: `Bearer ${tokens[email]}` } }));

  beforeAll(async () => {
    await seed(prisma);
    const ctx = { prisma, now: () => new Date() };
    for (const email of ["sara@bergheim.example", "admin@bergheim.example", "ingrid@fjordvik.example"]) {
      tokens[email] = (await createApiToken({ input: { email }, ctx })).token;
    }
    tokens["sara-2"] = (await createApiToken({ input: { email: "sara@bergheim.example", name: "second" }, ctx })).token;
    for (const email of ["lise@servicedesk.example", "vakt@servicedesk.example"]) tokens[email] = (await createApiToken({ input: { email }, ctx })).token;
    tokens["lise-2"] = (await createApiToken({ input: { email: "lise@servicedesk.example", name: "integration" }, ctx })).token;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    redis.disconnect();
  });

  it("lets 100 calls through in a minute and answers the 101st with 429, Retry-After until the minute ends and the error shape", async () => {
    const start = nextMinute() + 15_000; // 15 s into the minute: 45 s left
    const handler = route({ now: () => new Date(start) }); // the configured limit (100)
    for (let i = 1; i <= 100; i++) {
      const response = await call(handler, "sara@bergheim.example");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("100");
      expect(response.headers.get("x-ratelimit-remaining")).toBe(String(100 - i));
    }
    const refused = await call(handler, "sara@bergheim.example");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("45");
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: expect.stringContaining("100 calls per minute") } });
  });

  it("is shared by all tokens and users of an organisation, and leaves other organisations alone", async () => {
    const now = nextMinute() + 59_500;
    const handler = route({ rateLimitPerMinute: 3, now: () => new Date(now) });
    expect((await call(handler, "sara@bergheim.example")).status).toBe(200);
    expect((await call(handler, "sara-2")).status).toBe(200);
    expect((await call(handler, "admin@bergheim.example")).status).toBe(200);
    for (const email of ["sara@bergheim.example", "sara-2", "admin@bergheim.example"]) {
      const refused = await call(handler, email);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("1"); // half a second left: rounded up
    }
    const other = await call(handler, "ingrid@fjordvik.example");
    expect(other.status).toBe(200);
    expect(other.headers.get("x-ratelimit-remaining")).toBe("2");
  });

  it("counts provider staff per token: one busy staff integration leaves the other agents' tokens (and on-call) alone", async () => {
    const now = nextMinute() + 10_000;
    const handler = route({ rateLimitPerMinute: 2, now: () => new Date(now) });
    expect((await call(handler, "lise-2")).status).toBe(200);
    expect((await call(handler, "lise-2")).status).toBe(200);
    const refused = await call(handler, "lise-2");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: expect.stringContaining("per token") } });
    expect((await call(handler, "lise@servicedesk.example")).status).toBe(200);
    expect((await call(handler, "vakt@servicedesk.example")).status).toBe(200);
  });

  it("starts again in the next minute, and the counter expires with its window", async () => {
    const first = nextMinute();
    let now = first + 30_000;
    const handler = route({ rateLimitPerMinute: 2, now: () => new Date(now) });
    expect((await call(handler, "sara@bergheim.example")).status).toBe(200);
    expect((await call(handler, "sara@bergheim.example")).status).toBe(200);
    expect((await call(handler, "sara@bergheim.example")).status).toBe(429);
    now = first + 59_999;
    expect((await call(handler, "sara@bergheim.example")).status).toBe(429);
    now = first + 60_000;
    const fresh = await call(handler, "sara@bergheim.example");
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("x-ratelimit-remaining")).toBe("1");

    const organizationId = (await prisma.user.findUniqueOrThrow({ where: { email: "sara@bergheim.example" } })).organizationId;
    const ttl = await redis.pttl(rateLimitKey(redisPrefix(), organizationId, first + 60_000));
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(65_000);
  });

  it("counts in Redis under the run's prefix, one key per organisation and minute", async () => {
    const start = nextMinute();
    const decide = (at: number) => checkRateLimit({ redis, prefix: redisPrefix(), bucket: "org-a", limit: 2, now: new Date(at) });
    expect(await decide(start + 1_000)).toEqual({ allowed: true, limit: 2, remaining: 1, retryAfterSeconds: 59 });
    expect(await decide(start + 2_000)).toEqual({ allowed: true, limit: 2, remaining: 0, retryAfterSeconds: 58 });
    expect(await decide(start + 3_000)).toEqual({ allowed: false, limit: 2, remaining: 0, retryAfterSeconds: 57 });
    expect(await redis.get(`${redisPrefix()}:ratelimit:org-a:${start}`)).toBe("3");
  });

  it("does not count calls without a valid token", async () => {
    const now = nextMinute();
    const handler = route({ rateLimitPerMinute: 1, now: () => new Date(now) });
    const anonymous = await handler(new Request("http://test/api/v1/limited", { headers: { authorization: "Bearer hd_nope" } }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("x-ratelimit-limit")).toBeNull();
    expect((await call(handler, "sara@bergheim.example")).status).toBe(200);
  });
});
