/** TEMPORARY until ingestMail lands: the intake worker with tempIngest. */
import { readEnv } from "../../lib/config/env";
import { secretsKeyFromEnv } from "../../lib/server/secrets";
import { startMailIntake } from "../../lib/server/mail-intake/imap/mail-intake-loop";
import { runWorkerProcess } from "../../workers/runtime";
import { tempIngest } from "./temp-ingest";

runWorkerProcess("mail-intake", async (rt) => {
  const env = readEnv();
  const intake = startMailIntake({ prisma: rt.prisma, ingest: tempIngest(rt.prisma), secretsKey: secretsKeyFromEnv(), pollMs: env.MAIL_POLL_SECONDS * 1000, markSeen: env.MAIL_MARK_SEEN });
  rt.onStop(() => intake.stop());
});
