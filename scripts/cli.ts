/**
 * npm run cli -- <command>: administration from the command line.
 *   token create --email <user> [--name <name>]   prints a REST API token for the user (shown once)
 *   token revoke --prefix <displayPrefix>          revokes the token(s) with that prefix
 *   totp <email>                                   prints the user's current two-factor code (from the stored
 *                                                  secret with SECRETS_KEY; a demo staff user's demo secret otherwise)
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
import { DEMO_ORGANIZATIONS, demoTotpSecret } from "../lib/server/db/demo-data";
import { STAFF_ROLES } from "../lib/server/actor";
import { SecretDecryptionError, decryptSecret } from "../lib/server/secrets";
import { totpCodeAt } from "../lib/server/two-factor/totp";

const USAGE = "usage: npm run cli -- token create --email <user> [--name <name>] [--scope READ|READ_WRITE] | token revoke --prefix <displayPrefix> | totp <email>";

class UsageError extends Error {}

type Command = (args: string[], ctx: TokenContext) => Promise<void>;

const tokenCreate: Command = async (args, ctx) => {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" }, scope: { type: "string" } }, strict: true });
  if (!values.email) throw new UsageError(`token create needs --email. ${USAGE}`);
  const created = await createApiToken({ input: { email: values.email, name: values.name, scope: values.scope as "READ" | "READ_WRITE" | undefined }, ctx });
  console.log(created.token);
  console.log(`API token "${created.name}" (${created.displayPrefix}…, scope ${created.scope}) for ${values.email.toLowerCase()}: shown once, store it now.`);
};

const tokenRevoke: Command = async (args, ctx) => {
  const { values } = parseArgs({ args, options: { prefix: { type: "string" } }, strict: true });
  if (!values.prefix) throw new UsageError(`token revoke needs --prefix. ${USAGE}`);
  const { revoked } = await revokeApiToken({ input: { displayPrefix: values.prefix }, ctx });
  console.log(`Revoked ${revoked} API token${revoked === 1 ? "" : "s"} with prefix ${values.prefix}.`);
};

const totp: Command = async (args, ctx) => {
  const email = args[0]?.trim().toLowerCase();
  if (!email || args.length !== 1) throw new UsageError(`totp needs one e-mail address. ${USAGE}`);
  const user = await ctx.prisma.user.findUnique({ where: { email }, select: { totpSecret: true } });
  if (!user?.totpSecret) throw new UsageError(`${email} has no two-factor secret (unknown user, or not enrolled yet).`);
  const isDemoStaff = DEMO_ORGANIZATIONS.some((org) => org.users.some((u) => u.email === email && STAFF_ROLES.includes(u.role)));
  let secret: string | null = null;
  try {
    if (process.env.SECRETS_KEY) secret = decryptSecret(user.totpSecret, process.env.SECRETS_KEY);
  } catch (error) {
    if (!(error instanceof SecretDecryptionError) || !isDemoStaff) throw error;
  }
  // The demo (without SECRETS_KEY) encrypts with a key of its own run; its staff's secrets are the demo's.
  if (!secret && isDemoStaff) secret = demoTotpSecret(email);
  if (!secret) throw new UsageError("Set SECRETS_KEY to the key the app runs with to read the stored secret.");
  const now = ctx.now();
  console.log(await totpCodeAt(secret, now));
  console.log(`Current two-factor code for ${email}; a new one every 30 seconds (this one until ${new Date((Math.floor(now.getTime() / 30_000) + 1) * 30_000).toISOString()}).`);
};

const COMMANDS: Record<string, Command> = { "token create": tokenCreate, "token revoke": tokenRevoke, totp };

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
  const words = argv[0] === "totp" ? 1 : 2;
  const command = COMMANDS[argv.slice(0, words).join(" ")];
  if (!command) {
    console.error(`Unknown command "${argv.slice(0, 2).join(" ")}". ${USAGE}`);
    process.exit(1);
  }
  const { DATABASE_URL } = readEnv();
  await preflight({ postgres: "database" });
  const prisma = createPrisma(DATABASE_URL, 1);
  let failure: string | undefined;
  try {
    await command(argv.slice(words), { prisma, now: () => new Date() });
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
