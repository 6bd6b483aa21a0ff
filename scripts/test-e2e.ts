/**
 * npm run test:e2e: a database and Redis prefix of its own, migrated and seeded, the app built,
 * then Playwright against `next start`; the database and keys are removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readEnv } from "../lib/config/env";
import { preflight } from "../lib/server/preflight";
import { dropDatabase } from "../lib/server/db/admin";
import { migrate } from "../lib/server/db/migrations";
import { seed } from "../lib/server/db/seed";
import { createPrisma } from "../lib/server/db/prisma";
import { tempDatabaseUrl } from "../tests/support/temp-database";
import { deleteKeys } from "../tests/support/redis-keys";
import { runScript } from "./run-script";

function step(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

runScript(async () => {
  const env = readEnv();
  await preflight({ postgres: "server", redis: true });
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH)`);

  const url = tempDatabaseUrl("e2e");
  const prefix = `hd-e2e-${randomBytes(4).toString("hex")}`;
  const port = process.env.E2E_PORT ?? "3100";
  const childEnv = {
    ...process.env,
    DATABASE_URL: url,
    REDIS_PREFIX: prefix,
    NEXT_TELEMETRY_DISABLED: "1",
    E2E_PORT: port,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    APP_URL: `http://127.0.0.1:${port}`,
    // The suite signs the same demo users in many times from one address.
    SIGNIN_MAX_PER_ADDRESS: "1000",
    SIGNIN_MAX_PER_CLIENT: "1000",
    PORTAL_POSTS_PER_MINUTE: "1000",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    // Encrypts the staff's TOTP secrets (two-factor sign-in; the seed below uses the same key) and the webhook secrets the admin specs store.
    SECRETS_KEY: process.env.SECRETS_KEY ?? randomBytes(32).toString("base64"),
  };
  let status: number;
  try {
    await migrate(url);
    const prisma = createPrisma(url, 2);
    try {
      await seed(prisma, new Date(), { secretsKey: childEnv.SECRETS_KEY });
    } finally {
      await prisma.$disconnect();
    }
    status = process.env.E2E_SKIP_BUILD === "1" ? 0 : step("npx", ["next", "build"], childEnv);
    // The specs prepare state through lib/server's use cases, which import "server-only": Playwright's
    // processes resolve it under the react-server condition (the web server is started without it).
    const serverCondition = [process.env.NODE_OPTIONS, "--conditions=react-server"].filter(Boolean).join(" ");
    if (status === 0) status = step("npx", ["playwright", "test", ...process.argv.slice(2)], { ...childEnv, NODE_OPTIONS: serverCondition });
  } finally {
    await dropDatabase(url);
    await deleteKeys(env.REDIS_URL, prefix);
  }
  if (status !== 0) process.exit(status);
});
