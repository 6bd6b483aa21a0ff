/**
 * npm run cli -- <command>: administration from the command line.
 *   token create --email <user> [--name <name>]   prints a REST API token for the user (shown once)
 *   token revoke --prefix <displayPrefix>          revokes the token(s) with that prefix
 * Expected failures (unknown command, unknown user or token) end with one line on stderr and exit 1.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { readEnv } from "../lib/config/env";
import { preflight } from "../lib/server/preflight";
import { createPrisma } from "../lib/server/db/prisma";
import { AppError } from "../lib/server/errors";
import { createApiToken } from "../lib/server/tokens/create-api-token";
import { revokeApiToken } from "../lib/server/tokens/revoke-api-token";
import type { TokenContext } from "../lib/server/tokens/context";
import { runScript } from "./run-script";

const USAGE = "usage: npm run cli -- token create --email <user> [--name <name>] | token revoke --prefix <displayPrefix>";

class UsageError extends Error {}

type Command = (args: string[], ctx: TokenContext) => Promise<void>;

const tokenCreate: Command = async (args, ctx) => {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
  if (!values.email) throw new UsageError(`token create needs --email. ${USAGE}`);
  const created = await createApiToken({ input: { email: values.email, name: values.name }, ctx });
  console.log(created.token);
  console.log(`API token "${created.name}" (${created.displayPrefix}…) for ${values.email.toLowerCase()}: shown once, store it now.`);
};

const tokenRevoke: Command = async (args, ctx) => {
  const { values } = parseArgs({ args, options: { prefix: { type: "string" } }, strict: true });
  if (!values.prefix) throw new UsageError(`token revoke needs --prefix. ${USAGE}`);
  const { revoked } = await revokeApiToken({ input: { displayPrefix: values.prefix }, ctx });
  console.log(`Revoked ${revoked} API token${revoked === 1 ? "" : "s"} with prefix ${values.prefix}.`);
};

const COMMANDS: Record<string, Command> = { "token create": tokenCreate, "token revoke": tokenRevoke };

/** One line for an expected failure, or undefined for a bug (which keeps its stack). */
function expectedMessage(error: unknown): string | undefined {
  if (error instanceof UsageError || error instanceof AppError) return error.message;
  if (error instanceof z.ZodError) return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) return `${(error as Error).message}. ${USAGE}`;
  return undefined;
}

runScript(async () => {
  const argv = process.argv.slice(2);
  const command = COMMANDS[argv.slice(0, 2).join(" ")];
  if (!command) {
    console.error(`Unknown command "${argv.slice(0, 2).join(" ")}". ${USAGE}`);
    process.exit(1);
  }
  const { DATABASE_URL } = readEnv();
  await preflight({ postgres: "database" });
  const prisma = createPrisma(DATABASE_URL, 1);
  let failure: string | undefined;
  try {
    await command(argv.slice(2), { prisma, now: () => new Date() });
  } catch (error) {
    failure = expectedMessage(error);
    if (failure === undefined) throw error;
  } finally {
    await prisma.$disconnect();
  }
  if (failure !== undefined) {
    console.error(failure);
    process.exit(1);
  }
});
