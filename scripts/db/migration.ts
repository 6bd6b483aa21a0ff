/** npm run db:migration -- <name>: writes the next migration from the change to prisma/schema.prisma. */
import { createMigration } from "../../lib/server/db/migrations";
import { runScript } from "../run-script";
import { readEnv } from "../../lib/config/env";
import { preflight } from "../../lib/server/preflight";

runScript(async () => {
  const name = process.argv.slice(2).join("_");
  const { DATABASE_URL } = readEnv();
  await preflight({ postgres: "server" });
  const folder = await createMigration(DATABASE_URL, name);
  console.log(folder ? `Wrote prisma/migrations/${folder}/migration.sql` : "No schema changes since the last migration.");
});
