/** npm run db:migrate: creates the database if needed and applies the pending migrations. */
import { readEnv, redactUrl } from "../../lib/config/env";
import { preflight } from "../../lib/server/preflight";
import { migrate } from "../../lib/server/db/migrations";
import { runScript } from "../run-script";

runScript(async () => {
  const { DATABASE_URL } = readEnv();
  await preflight({ postgres: "server" });
  const { applied, latest } = await migrate(DATABASE_URL);
  if (applied.length === 0) console.log(`${redactUrl(DATABASE_URL)} is up to date (${latest ?? "no migrations"}).`);
  else console.log(`Applied ${applied.length} migration(s) to ${redactUrl(DATABASE_URL)}: ${applied.join(", ")}`);
});
