import "server-only";
/**
 * "Test the connection" (issue 17): connects with the same IMAP client intake uses (imapClient),
 * signs in, opens the folder read-only and reports how many messages it holds, or why it could
 * not, as a reason the page says in words (both languages) with the server's own text. Works for
 * a form's values before they are saved and for a saved mailbox (its stored password, which is
 * only ever sent to the server it was stored for: another host needs the password typed). Gives up
 * after a timeout, however the server behaves; nothing is written.
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { decryptSecret, parseSecretsKey, secretsKeyFromEnv } from "../secrets";
import { imapClient, type ImapSettings } from "../mail-intake/imap-client";
import { TestMailboxConnectionSchema, type TestMailboxConnectionInput } from "./mailbox-schemas";

export const CONNECTION_FAILURES = ["auth", "timeout", "host", "refused", "tls", "folder", "key", "password", "other"] as const;
export type ConnectionFailure = (typeof CONNECTION_FAILURES)[number];

export type ConnectionTestResult = { ok: true; folder: string; messages: number } | { ok: false; reason: ConnectionFailure; detail: string };

export const CONNECTION_TEST_TIMEOUT_MS = 10_000;

export async function testMailboxConnection({
  actor,
  input: raw,
  ctx,
  secretsKey,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
}: {
  actor: Actor;
  input: TestMailboxConnectionInput;
  ctx: UseCaseContext;
  secretsKey?: Buffer | string;
  timeoutMs?: number;
}): Promise<ConnectionTestResult> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(TestMailboxConnectionSchema, raw);
  const stored = input.mailboxId
    ? await ctx.prisma.mailbox.findUnique({ where: { id: input.mailboxId }, select: { host: true, port: true, tls: true, username: true, folder: true, passwordEncrypted: true } })
    : null;
  if (input.mailboxId && !stored) throw notFound("Mailbox");
  const given = "host" in input ? input : null;
  let password = given?.password ?? "";
  // The stored password only goes to the server it was stored for: never to a host typed in the form.
  if (!password && stored && given && given.host.toLowerCase() !== stored.host.toLowerCase()) return { ok: false, reason: "password", detail: given.host };
  if (!password && stored) {
    try {
      password = decryptSecret(stored.passwordEncrypted, secretsKey === undefined ? secretsKeyFromEnv() : parseSecretsKey(secretsKey));
    } catch (error) {
      return { ok: false, reason: "key", detail: error instanceof Error ? error.message : String(error) };
    }
  }
  const source = given ?? stored!;
  return tryConnection({ host: source.host, port: source.port, tls: source.tls, username: source.username, password }, source.folder, timeoutMs);
}

async function tryConnection(settings: ImapSettings, folder: string, timeoutMs: number): Promise<ConnectionTestResult> {
  const client = imapClient(settings, { connectionTimeoutMs: timeoutMs });
  // imapflow also emits what it throws; unheard, an "error" event would end the process.
  client.on("error", () => undefined);
  let stage: "connect" | "open" = "connect";
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`), { code: "TEST_TIMEOUT" })), timeoutMs);
  });
  try {
    const messages = await Promise.race([
      (async () => {
        await client.connect();
        stage = "open";
        const opened = await client.mailboxOpen(folder, { readOnly: true });
        return opened.exists;
      })(),
      deadline,
    ]);
    await client.logout().catch(() => undefined);
    return { ok: true, folder, messages };
  } catch (error) {
    client.close();
    return { ok: false, reason: failureOf(error, stage), detail: detailOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

interface ImapError {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
  message?: string;
}

const TIMEOUTS = new Set(["TEST_TIMEOUT", "CONNECT_TIMEOUT", "GREETING_TIMEOUT", "UPGRADE_TIMEOUT", "ETIMEOUT", "ETIMEDOUT"]);
const NO_HOST = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME"]);
const REFUSED = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET", "EPIPE"]);

function failureOf(error: unknown, stage: "connect" | "open"): ConnectionFailure {
  const e = (error ?? {}) as ImapError;
  const code = e.code ?? "";
  if (e.authenticationFailed || e.serverResponseCode === "AUTHENTICATIONFAILED") return "auth";
  if (TIMEOUTS.has(code)) return "timeout";
  if (NO_HOST.has(code)) return "host";
  if (REFUSED.has(code)) return "refused";
  if (code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS") || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || code === "ClosedAfterConnectTLS") return "tls";
  if (stage === "open") return "folder";
  return "other";
}

function detailOf(error: unknown): string {
  const e = (error ?? {}) as ImapError;
  const text = e.responseText || e.message || String(error);
  return text.slice(0, 300);
}
