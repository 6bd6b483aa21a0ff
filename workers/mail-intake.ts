/**
 * The mail intake: its own process, reading every active support mailbox over IMAP (IDLE where
 * the server has it, otherwise every MAIL_POLL_SECONDS) and taking each message in exactly once
 * through ingestMail (lib/server/mail-intake). SIGTERM/SIGINT finish the message in hand and log
 * out; SIGKILL loses nothing either (a message not yet committed is read again, one committed is
 * recognised as a duplicate). Several intake processes may run: they never double a message.
 */
import { readEnv } from "../lib/config/env";
import { HEARTBEAT_EVERY_MS } from "../lib/server/jobs/registry";
import { MAIL_INTAKE_HEARTBEAT, WORKER_HEARTBEAT_KEY } from "../lib/server/health-keys";
import { secretsKeyFromEnv, SecretsKeyError } from "../lib/server/secrets";
import { ingestMail } from "../lib/server/mail-intake/ingest-mail";
import { startMailIntake } from "../lib/server/mail-intake/imap/mail-intake-loop";
import { runWorkerProcess } from "./runtime";

runWorkerProcess("mail-intake", async (rt) => {
  const env = readEnv();
  // Mailbox passwords are stored encrypted (SECRETS_KEY): without the key no mailbox can be added
  // or read, so the intake waits idle rather than stopping `npm run workers` with it.
  let secretsKey: Buffer;
  try {
    secretsKey = secretsKeyFromEnv();
  } catch (error) {
    if (!(error instanceof SecretsKeyError)) throw error;
    console.warn(`[mail-intake] ${error.message}; no mailbox is read until it is set`);
    return;
  }
  const ctx = { prisma: rt.prisma, now: () => new Date() };
  const intake = startMailIntake({
    prisma: rt.prisma,
    secretsKey,
    pollMs: env.MAIL_POLL_SECONDS * 1000,
    markSeen: env.MAIL_MARK_SEEN,
    concurrency: env.MAIL_INGEST_CONCURRENCY,
    ingest: (mail) => ingestMail(ctx, mail),
  });
  const beat = () =>
    rt.redis
      .set(WORKER_HEARTBEAT_KEY(rt.prefix, MAIL_INTAKE_HEARTBEAT), JSON.stringify({ at: new Date().toISOString(), workerId: rt.workerId, mailboxes: intake.mailboxes().length }), "EX", 120)
      .catch((error: unknown) => console.error(`[mail-intake] heartbeat failed: ${error instanceof Error ? error.message : String(error)}`));
  const heartbeat = setInterval(beat, HEARTBEAT_EVERY_MS);
  void beat();
  rt.onStop(async () => {
    clearInterval(heartbeat);
    await intake.stop();
  });
});
