import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";

/** Runs an npm script's entry point as a user would, with the given environment changes. */
function run(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", entry], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

const DEAD_PG = "postgresql://postgres@127.0.0.1:1/helpdesk";
const DEAD_REDIS = "redis://127.0.0.1:1";

describe("a process started without PostgreSQL or Redis says so in one line and exits non-zero", () => {
  it("npm run db:migrate without PostgreSQL", () => {
    const { status, stderr } = run("scripts/db/migrate.ts", { DATABASE_URL: DEAD_PG });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^PostgreSQL is not reachable at postgresql:\/\/postgres@127\.0\.0\.1:1\/postgres \(ECONNREFUSED\): start it .*pg_ctlcluster/);
  });

  it("npm run workers without Redis", () => {
    const { status, stderr } = run("workers/index.ts", { REDIS_URL: DEAD_REDIS });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Redis is not reachable at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\): start it .*redis-server/);
  });

  it("npm run workers without PostgreSQL", () => {
    const { status, stderr } = run("workers/index.ts", { DATABASE_URL: DEAD_PG });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^PostgreSQL is not reachable at postgresql:\/\/postgres@127\.0\.0\.1:1\/helpdesk \(ECONNREFUSED\)/);
    expect(stderr.split("\n")).toHaveLength(1);
  });

  it("a password in the URL is not printed", () => {
    const { stderr } = run("scripts/db/migrate.ts", { DATABASE_URL: "postgresql://postgres:s3cret@127.0.0.1:1/helpdesk" });
    expect(stderr).toContain("postgres:***@127.0.0.1:1");
    expect(stderr).not.toContain("s3cret");
  });

  it("bad configuration is named, not a stack trace", () => {
    const { status, stderr } = run("scripts/db/migrate.ts", { REDIS_PREFIX: "has spaces" });
    expect(status).toBe(1);
    expect(stderr).toBe("Invalid configuration: REDIS_PREFIX: letters, digits, _ and - only, optionally in braces (a hash tag, for a Redis Cluster)");
  });
});
