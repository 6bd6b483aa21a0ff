/**
 * npm run demo: migrate, seed, build, then run the web app and the workers together until
 * Ctrl-C. Prints the URL and the demo logins.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readEnv, redactUrl } from "../lib/config/env";
import { preflight } from "../lib/server/preflight";
import { migrate } from "../lib/server/db/migrations";
import { seed } from "../lib/server/db/seed";
import { createPrisma } from "../lib/server/db/prisma";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, demoTotpSecret } from "../lib/server/db/demo-data";
import { STAFF_ROLES } from "../lib/server/actor";
import { runScript } from "./run-script";

runScript(async () => {
  const env = readEnv();
  const port = Number(process.env.PORT ?? 3000);
  await preflight({ postgres: "server", redis: true });

  const { applied } = await migrate(env.DATABASE_URL);
  console.log(`Database ${redactUrl(env.DATABASE_URL)}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  // Encrypts stored secrets (the staff's TOTP secrets, webhook secrets). Without SECRETS_KEY, one
  // per demo run: the seed encrypts the demo staff's TOTP secrets with it again on every run.
  const secretsKey = process.env.SECRETS_KEY ?? randomBytes(32).toString("base64");
  const prisma = createPrisma(env.DATABASE_URL, 2);
  try {
    const counts = await seed(prisma, new Date(), { secretsKey });
    console.log(`Seeded ${counts.organizations} organisations, ${counts.users} users, ${counts.agreements} agreements, ${counts.calendars} calendars.`);
  } finally {
    await prisma.$disconnect();
  }

  const childEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // Form posts and server actions are accepted from this origin only (lib/server/http/security.ts).
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
    // A secret per demo run: sessions end when the demo stops. Set NEXTAUTH_SECRET to keep them.
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    SECRETS_KEY: secretsKey,
  };
  console.log("Building the web app …");
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit", env: childEnv }).status !== 0) {
    throw new Error("next build failed (see above)");
  }

  // Started directly with node (not through npx) so that stopping them reaches the processes themselves.
  const children: ChildProcess[] = [
    spawn(process.execPath, ["scripts/start.mjs", "-p", String(port)], { stdio: "inherit", env: childEnv }),
    spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "workers/index.ts"], { stdio: "inherit", env: childEnv }),
  ];
  const url = `http://localhost:${port}`;
  console.log(`\nHelpdesk is running at ${url} (health: ${url}/api/health). Ctrl-C stops it.`);
  console.log(`Demo logins, password "${DEMO_PASSWORD}" for all:`);
  for (const org of DEMO_ORGANIZATIONS) {
    for (const user of org.users) {
      const role = user.supportLine ? `${user.role} ${user.supportLine}` : user.role;
      console.log(`  ${user.email.padEnd(28)} ${role.padEnd(18)} ${org.name}`);
    }
  }
  // Staff must use two-factor sign-in (issue 15): each demo staff user has a TOTP secret.
  console.log("Staff sign in with a second step: add the secret to an authenticator app, or print the current code with");
  console.log("  npm run cli -- totp <email>");
  for (const user of DEMO_ORGANIZATIONS.flatMap((org) => org.users).filter((u) => STAFF_ROLES.includes(u.role))) {
    console.log(`  ${user.email.padEnd(28)} TOTP secret ${demoTotpSecret(user.email)}`);
  }

  await new Promise<void>((resolve, reject) => {
    let stopping = false;
    const stopAll = () => {
      stopping = true;
      for (const child of children) child.kill("SIGTERM");
    };
    process.once("SIGINT", stopAll);
    process.once("SIGTERM", stopAll);
    let running = children.length;
    for (const child of children) {
      child.on("exit", (code) => {
        if (!stopping) {
          stopAll();
          reject(new Error(`A demo process stopped unexpectedly (exit code ${code}); stopping the rest.`));
        }
        if (--running === 0) resolve();
      });
    }
  });
});
