/**
 * Runs a command-line entry point: expected failures (a service down, bad configuration, a broken
 * migration) end with one plain line on stderr and exit code 1; anything else also shows its stack.
 */
import { ConfigError } from "../lib/config/env";
import { ServiceUnavailableError } from "../lib/server/preflight";
import { MigrationError } from "../lib/server/db/migrations";

const EXPECTED = [ConfigError, ServiceUnavailableError, MigrationError];

export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (EXPECTED.some((kind) => error instanceof kind)) console.error((error as Error).message);
      else console.error(error);
      process.exit(1);
    },
  );
}
