/** npm run db:seed: agreement presets, demo organisations and users (safe to run again). */
import { readEnv, redactUrl } from "../../lib/config/env";
import { preflight } from "../../lib/server/preflight";
import { createPrisma } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { DEMO_PASSWORD } from "../../lib/server/db/demo-data";
import { runScript } from "../run-script";

runScript(async () => {
  const { DATABASE_URL, SECRETS_KEY } = readEnv();
  await preflight({ postgres: "database" });
  const prisma = createPrisma(DATABASE_URL, 2);
  try {
    // With SECRETS_KEY, the demo staff get their demo TOTP secrets (npm run cli -- totp <email>); without it they enrol at first sign-in.
    const counts = await seed(prisma, new Date(), { secretsKey: SECRETS_KEY });
    console.log(
      `Seeded ${redactUrl(DATABASE_URL)}: ${counts.calendars} calendars, ${counts.agreements} agreements, ${counts.organizations} organisations, ${counts.users} users (password "${DEMO_PASSWORD}").`,
    );
  } finally {
    await prisma.$disconnect();
  }
});
