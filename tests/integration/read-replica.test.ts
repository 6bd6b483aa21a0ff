/**
 * Reads that may be a second stale on a real streaming replica (a private PostgreSQL primary and a
 * replica made with pg_basebackup -R, tests/support/pg-replica.ts): a month's report is read from
 * the replica and equals the primary's; a replica that is stopped, or that stops replaying, is
 * left alone and the same report comes from the primary; /api/health's check says which.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/server/db/migrations";
import { createPrisma } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { createReadRouter, type ReadRouter } from "../../lib/server/db/replica";
import { checkHealth } from "../../lib/server/health";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { getOrganizationReport } from "../../lib/server/reports/get-organization-report";
import { registerTicket } from "../../lib/server/tickets";
import { actorByEmail } from "../support/fixtures";
import { startPrimaryWithReplica, type PrimaryWithReplica } from "../support/pg-replica";

let servers: PrimaryWithReplica;
let primary: PrismaClient;
let router: ReadRouter;
const NOW = new Date("2026-04-02T09:00:00Z");
const inRecovery = async (client: PrismaClient) => (await client.$queryRaw<Array<{ r: boolean }>>`select pg_is_in_recovery() as r`)[0]!.r;

beforeAll(async () => {
  servers = await startPrimaryWithReplica("helpdesk");
  await migrate(servers.primaryUrl);
  primary = createPrisma(servers.primaryUrl, 2);
  await seed(primary, new Date("2026-03-01T00:00:00Z"));
  // March at chosen instants: a P2 on a Monday morning and a P3 on a Tuesday afternoon.
  const kari = await actorByEmail(primary, "kari@nordlys.example");
  for (const [at, priority] of [
    ["2026-03-02T08:15:00Z", "P2"],
    ["2026-03-10T13:40:00Z", "P3"],
  ] as const) {
    await registerTicket({ actor: kari, input: { title: `Replica ${priority}`, description: "x", priority }, ctx: { prisma: primary, now: () => new Date(at) } });
  }
  router = createReadRouter({ primary: () => primary, replicaUrl: servers.replicaUrl, maxLagMs: 1000, recheckMs: 0, poolSize: 2 });
}, 120_000);

afterAll(async () => {
  await router?.close();
  await primary?.$disconnect();
  await servers?.stop();
});

async function marchReport(client: PrismaClient) {
  const admin = await actorByEmail(primary, "admin@servicedesk.example");
  const nordlys = await primary.organization.findUniqueOrThrow({ where: { slug: "nordlys" } });
  return getOrganizationReport({ actor: admin, input: { organizationId: nordlys.id, month: "2026-03" }, ctx: { prisma: client, now: () => NOW } });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the read replica", () => {
  it("serves the month's report, the same as the primary's", async () => {
    expect(await router.status()).toMatchObject({ state: "in_use" });
    const client = await router.client();
    expect(client).not.toBe(primary);
    expect(await inRecovery(client)).toBe(true);
    // Caught up with the registrations above, then the report is the primary's to the figure.
    await until(
      () => client.ticket.count({ where: { title: { startsWith: "Replica" } } }),
      (n) => n === 2,
    );
    const fromReplica = await marchReport(client);
    expect(fromReplica.figures.tickets.registered).toBe(2);
    expect(fromReplica).toEqual(await marchReport(primary));
    // A write there is refused: the replica is for reads only.
    await expect(client.ticket.updateMany({ where: {}, data: { title: "x" } })).rejects.toThrow(/read-only transaction/);
  });

  it("a replica that stops replaying falls behind the limit and its reads go to the primary until it catches up", async () => {
    const replicaSql = createPrisma(servers.replicaUrl, 1);
    try {
      await replicaSql.$queryRaw`select pg_wal_replay_pause()::text`;
      await primary.ticket.updateMany({ where: { title: "Replica P2" }, data: { description: "changed while the replica is paused" } });
      const lagging = await until(
        () => router.status(),
        (s) => s.state === "lagging",
      );
      expect(lagging).toMatchObject({ state: "lagging", maxLagMs: 1000 });
      expect(await inRecovery(await router.client())).toBe(false);
      await replicaSql.$queryRaw`select pg_wal_replay_resume()::text`;
      await until(
        () => router.status(),
        (s) => s.state === "in_use",
      );
      expect(await inRecovery(await router.client())).toBe(true);
    } finally {
      await replicaSql.$disconnect();
    }
  });

  it("a stopped replica: reports come from the primary, and the health check says so", async () => {
    const redis = createRedis();
    try {
      await servers.stopReplica();
      expect(await router.status()).toMatchObject({ state: "down" });
      const client = await router.client();
      expect(client).toBe(primary);
      expect(await marchReport(client)).toEqual(await marchReport(primary));
      const health = await checkHealth({ prisma: primary, redis, prefix: redisPrefix(), replica: () => router.status(), now: NOW });
      expect(health.status).toBe("ok");
      expect(health.readReplica).toMatchObject({ state: "down", error: expect.stringContaining(servers.replicaUrl.replace(/\/[^/]*$/, "")) });

      await servers.startReplica();
      await until(
        () => router.status(),
        (s) => s.state === "in_use",
      );
      expect(await inRecovery(await router.client())).toBe(true);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
