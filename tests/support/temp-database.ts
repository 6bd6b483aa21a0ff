/** A database of its own for a test (created empty, dropped afterwards), on the configured server. */
import { randomBytes } from "node:crypto";
import { readEnv } from "../../lib/config/env";
import { dropDatabase, ensureDatabase } from "../../lib/server/db/admin";

export function tempDatabaseUrl(label: string): string {
  const url = new URL(readEnv().DATABASE_URL);
  url.pathname = `/hd_test_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  return url.toString();
}

export async function createTempDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = tempDatabaseUrl(label);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
