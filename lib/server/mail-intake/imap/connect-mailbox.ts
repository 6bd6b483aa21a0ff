import "server-only";
/**
 * Opens one Mailbox row's folder over IMAP: the password decrypted with SECRETS_KEY, the
 * connection made by the shared factory (../imap-client.ts), the folder selected. The caller
 * owns the connection and closes it (closeQuietly).
 */
import type { ImapFlow } from "imapflow";
import { decryptSecret } from "../../secrets";
import { imapClient } from "../imap-client";

/** The columns of a Mailbox that say how to reach it. */
export interface MailboxSettings {
  id: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  passwordEncrypted: string;
  folder: string;
}

export const MAILBOX_SETTINGS_SELECT = { id: true, host: true, port: true, tls: true, username: true, passwordEncrypted: true, folder: true } as const;

export interface OpenFolder {
  client: ImapFlow;
  /** The folder's UIDVALIDITY now. */
  uidValidity: bigint;
  /** Whether the server pushes new mail (RFC 2177 IDLE). */
  idle: boolean;
}

export async function connectMailbox(mailbox: MailboxSettings, secretsKey: Buffer, options: { connectionTimeoutMs?: number } = {}): Promise<OpenFolder> {
  const client = imapClient({ host: mailbox.host, port: mailbox.port, tls: mailbox.tls, username: mailbox.username, password: decryptSecret(mailbox.passwordEncrypted, secretsKey) }, options);
  // A connection that drops later emits "error" as well as "close"; without a listener the
  // process would crash. The intake sees the drop through the failing command or "close".
  client.on("error", () => undefined);
  try {
    await client.connect();
    const opened = await client.mailboxOpen(mailbox.folder);
    return { client, uidValidity: BigInt(opened.uidValidity), idle: client.capabilities.has("IDLE") };
  } catch (error) {
    closeQuietly(client);
    throw error;
  }
}

/** Ends the connection without waiting on a server that may be gone. */
export function closeQuietly(client: ImapFlow): void {
  try {
    client.close();
  } catch {
    /* already closed */
  }
}

/** LOGOUT politely, but never wait more than `ms` for it. */
export async function logoutQuietly(client: ImapFlow, ms = 2_000): Promise<void> {
  if (!client.usable) return closeQuietly(client);
  await Promise.race([client.logout().catch(() => undefined), new Promise((r) => setTimeout(r, ms).unref())]);
  closeQuietly(client);
}
