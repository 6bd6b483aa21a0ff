import "server-only";
/**
 * One poll of one mailbox: connect, take the new messages in (take-new-mail.ts), log out. A
 * connection or login failure is recorded on the mailbox (lastError, lastPolledAt) and rethrown.
 * The intake loop keeps its connection open instead (mail-intake-loop.ts); this is the one-shot
 * form, for a manual "poll now" and for tests.
 */
import type { PrismaClient } from "../../../generated/prisma/client";
import { connectMailbox, logoutQuietly, MAILBOX_SETTINGS_SELECT } from "./connect-mailbox";
import { takeNewMail, type Ingest, type TakeResult } from "./take-new-mail";
import { recordMailboxError } from "./record-mailbox-error";

export async function pollMailbox({
  ctx,
  mailboxId,
  ingest,
  secretsKey,
  markSeen,
  takenAbove,
  failedAttempts,
}: {
  ctx: { prisma: PrismaClient; now: () => Date };
  mailboxId: string;
  ingest: Ingest;
  secretsKey: Buffer;
  markSeen?: boolean;
  /** Kept by a caller that polls again (take-new-mail.ts). */
  takenAbove?: Set<string>;
  /** Kept by a caller that polls again: a message is set aside for an agent after INGEST_ATTEMPTS failures (take-new-mail.ts). */
  failedAttempts?: Map<string, number>;
}): Promise<TakeResult> {
  const mailbox = await ctx.prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: MAILBOX_SETTINGS_SELECT });
  let open;
  try {
    open = await connectMailbox(mailbox, secretsKey);
  } catch (error) {
    await recordMailboxError(ctx, mailboxId, error);
    throw error;
  }
  try {
    return await takeNewMail({ prisma: ctx.prisma, client: open.client, mailboxId, uidValidity: open.uidValidity, ingest, now: ctx.now, markSeen, takenAbove, failedAttempts });
  } catch (error) {
    await recordMailboxError(ctx, mailboxId, error);
    throw error;
  } finally {
    await logoutQuietly(open.client);
  }
}
