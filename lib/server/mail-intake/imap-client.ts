import "server-only";
/**
 * The one place an IMAP connection is made from a mailbox's settings (imapflow): intake and the
 * admin's "test the connection" connect the same way. The password is given decrypted.
 */
import { ImapFlow } from "imapflow";

export interface ImapSettings {
  host: string;
  port: number;
  /** Implicit TLS (IMAPS); false = plain, upgraded with STARTTLS when the server offers it. */
  tls: boolean;
  username: string;
  password: string;
}

export function imapClient(settings: ImapSettings, options: { connectionTimeoutMs?: number } = {}): ImapFlow {
  return new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.tls,
    auth: { user: settings.username, pass: settings.password },
    logger: false,
    connectionTimeout: options.connectionTimeoutMs ?? 15_000,
    greetingTimeout: options.connectionTimeoutMs ?? 15_000,
    socketTimeout: 5 * 60_000,
    // No IDLE-less polling fallback here: the caller decides (capabilities tell whether IDLE exists).
    disableAutoIdle: true,
  });
}
