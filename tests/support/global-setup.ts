/**
 * Integration tests: one migrated template database for the run; each test file then gets a
 * copy of it and a Redis key prefix of its own (tests/support/file-database.ts), so files never
 * see each other's tickets, queues or counters, and runs never collide. Everything is removed
 * afterwards.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { deleteKeysMatching } from "./redis-keys";
import { readEnv } from "../../lib/config/env";
import { preflight } from "../../lib/server/preflight";
import { migrate } from "../../lib/server/db/migrations";
import { dropDatabase, maintenanceUrl } from "../../lib/server/db/admin";
import { tempDatabaseUrl } from "./temp-database";

export default async function setup(): Promise<() => Promise<void>> {
  const env = readEnv();
  await preflight({ postgres: "server", redis: true });
  const template = tempDatabaseUrl("run");
  await migrate(template);
  const prefix = `hd-test-${randomBytes(4).toString("hex")}`;
  process.env.HD_TEST_TEMPLATE_DATABASE_URL = template;
  process.env.REDIS_PREFIX = prefix;
  process.env.HD_TEST_REDIS_PREFIX = prefix;
  process.env.DATABASE_POOL_SIZE = "4";
  return async () => {
    // The files' copies (dropped by each file already, unless it crashed), then the template.
    const admin = new pg.Client({ connectionString: maintenanceUrl(template) });
    await admin.connect();
    try {
      const name = new URL(template).pathname.slice(1);
      const copies = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${name}_f%`]);
      for (const { datname } of copies.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await admin.end();
    }
    await dropDatabase(template);
    await deleteKeysMatching(env.REDIS_URL, `${prefix}*`);
  };
}
