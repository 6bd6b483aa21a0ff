import "server-only";
/**
 * The intake: every active mailbox read continuously, each on a connection of its own.
 * - Where the server has IDLE, the folder is idled on and new mail (EXISTS) wakes a read at
 *   once; the folder is also read every `pollMs` anyway, as a safety net (a lost push, a NAT
 *   that silently dropped the connection).
 * - Without IDLE, the folder is read every `pollMs`.
 * - A connection or database failure is recorded on the mailbox (lastError) and retried with
 *   exponential backoff (1 s, 2 s, … up to a minute) on a new connection.
 * - A message ingest keeps throwing on is set aside for an agent after INGEST_ATTEMPTS reads
 *   (take-new-mail.ts), counted here for as long as the process runs.
 * - The mailbox list is re-read every `pollMs` (startPollingLoop): a mailbox added starts, one
 *   deactivated or removed stops, one whose connection settings changed reconnects.
 * - stop() finishes the message in hand, logs out and returns.
 * Exactly-once is not this loop's job: take-new-mail.ts and ingest make any interleaving safe.
 */
import type { ImapFlow } from "imapflow";
import type { PrismaClient } from "../../../generated/prisma/client";
import { startPollingLoop } from "../../polling-loop";
import { connectMailbox, logoutQuietly, MAILBOX_SETTINGS_SELECT, type MailboxSettings } from "./connect-mailbox";
import { recordMailboxError, describeImapError } from "./record-mailbox-error";
import { takeNewMail, type Ingest } from "./take-new-mail";

const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

export interface MailIntakeOptions {
  prisma: PrismaClient;
  ingest: Ingest;
  secretsKey: Buffer;
  /** MAIL_POLL_SECONDS × 1000. */
  pollMs: number;
  markSeen?: boolean;
  now?: () => Date;
  /** Fetched per round trip. */
  batchSize?: number;
  /** Messages of one mailbox taken in at once (MAIL_INGEST_CONCURRENCY). */
  concurrency?: number;
  /** Called after every read of a folder (for the heartbeat, and for tests and the bench). */
  onRead?: (mailboxId: string, taken: number) => void;
}

export interface MailIntake {
  /** Mailboxes being read now. */
  mailboxes(): string[];
  stop(): Promise<void>;
}

export function startMailIntake(options: MailIntakeOptions): MailIntake {
  const runners = new Map<string, { fingerprint: string; runner: MailboxReader }>();
  let stopped = false;
  const refresh = async (): Promise<boolean> => {
    const active = await options.prisma.mailbox.findMany({ where: { active: true }, select: MAILBOX_SETTINGS_SELECT, orderBy: { createdAt: "asc" } });
    if (stopped) return false;
    const seen = new Set<string>();
    for (const mailbox of active) {
      seen.add(mailbox.id);
      const fingerprint = JSON.stringify(mailbox);
      const current = runners.get(mailbox.id);
      if (current?.fingerprint === fingerprint) continue;
      if (current) {
        console.log(`[mail-intake] mailbox ${mailbox.id}: settings changed, reconnecting`);
        await current.runner.stop();
      }
      runners.set(mailbox.id, { fingerprint, runner: readMailbox(mailbox, options) });
    }
    for (const [id, { runner }] of runners) {
      if (seen.has(id)) continue;
      console.log(`[mail-intake] mailbox ${id}: deactivated or removed, stopping`);
      runners.delete(id);
      await runner.stop();
    }
    return false;
  };
  const loop = startPollingLoop({ label: "mail-intake", pass: refresh, intervalMs: options.pollMs, retryMs: Math.min(options.pollMs, 5_000) });
  return {
    mailboxes: () => [...runners.keys()],
    async stop() {
      stopped = true;
      await loop.stop();
      await Promise.all([...runners.values()].map(({ runner }) => runner.stop()));
      runners.clear();
    },
  };
}

interface MailboxReader {
  stop(): Promise<void>;
}

/** One mailbox, read until stopped: connect, read, idle or wait, read again; reconnect on failure. */
function readMailbox(mailbox: MailboxSettings, options: MailIntakeOptions): MailboxReader {
  const now = options.now ?? (() => new Date());
  const ctx = { prisma: options.prisma, now };
  let running = true;
  // A wake-up that arrives while no one waits is kept, so a push during a read is never lost.
  let signalled = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    signalled = true;
    wake?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (signalled || !running) {
        signalled = false;
        return resolve();
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        signalled = false;
        resolve();
      }
      wake = done;
    });

  const done = (async () => {
    let failures = 0;
    // Taken in above lastUid while an earlier message fails, and the failed attempts at each
    // message (set aside for an agent at INGEST_ATTEMPTS), across passes and reconnects
    // (take-new-mail.ts); a restart of the process starts counting again.
    const takenAbove = new Set<string>();
    const failedAttempts = new Map<string, number>();
    while (running) {
      let client: ImapFlow | null = null;
      let backoffMs = 0;
      try {
        const open = await connectMailbox(mailbox, options.secretsKey);
        client = open.client;
        client.on("exists", signal);
        client.on("close", signal);
        while (running && client.usable) {
          signalled = false;
          const result = await takeNewMail({
            prisma: options.prisma,
            client,
            mailboxId: mailbox.id,
            uidValidity: open.uidValidity,
            ingest: options.ingest,
            now,
            markSeen: options.markSeen,
            batchSize: options.batchSize,
            concurrency: options.concurrency,
            takenAbove,
            failedAttempts,
            stopping: () => !running,
          });
          failures = 0;
          if (result.taken) console.log(`[mail-intake] mailbox ${mailbox.id}: took ${result.taken} message${result.taken === 1 ? "" : "s"}`);
          options.onRead?.(mailbox.id, result.taken);
          if (!running || !client.usable) break;
          if (open.idle && !result.failed) {
            // IDLE until the server pushes new mail, the safety-net interval passes, or stop();
            // the next command (the read) ends the IDLE by itself.
            client.idle().catch(() => undefined);
          }
          await sleep(options.pollMs);
        }
        if (running) throw new Error("the IMAP connection closed");
      } catch (error) {
        if (!running) break;
        failures++;
        backoffMs = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (failures - 1));
        console.error(`[mail-intake] mailbox ${mailbox.id} (${mailbox.username}@${mailbox.host}): ${describeImapError(error)}; reconnecting in ${backoffMs / 1000} s`);
        await recordMailboxError(ctx, mailbox.id, error);
      } finally {
        if (client) await logoutQuietly(client);
      }
      if (backoffMs) {
        // The closed connection's own "close" is no reason to cut the backoff short.
        signalled = false;
        await sleep(backoffMs);
      }
    }
  })();

  return {
    async stop() {
      running = false;
      signal();
      await done;
    },
  };
}
