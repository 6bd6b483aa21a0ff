/**
 * Integration tests get a database and a Redis key prefix of their own for the whole run, so runs
 * never collide; both are removed afterwards.
 */
import { randomBytes } from "node:crypto";
import { deleteKeys } from "./redis-keys";
import { readEnv } from "../../lib/config/env";
import { preflight } from "../../lib/server/preflight";
import { migrate } from "../../lib/server/db/migrations";
import { dropDatabase } from "../../lib/server/db/admin";
import { tempDatabaseUrl } from "./temp-database";

export default async function setup(): Promise<() => Promise<void>> {
  const env = readEnv();
  await preflight({ postgres: "server", redis: true });
  const url = tempDatabaseUrl("run");
  await migrate(url);
  const prefix = `hd-test-${randomBytes(4).toString("hex")}`;
  process.env.DATABASE_URL = url;
  process.env.REDIS_PREFIX = prefix;
  process.env.DATABASE_POOL_SIZE = "4";
  return async () => {
    await dropDatabase(url);
    await deleteKeys(env.REDIS_URL, prefix);
  };
}
