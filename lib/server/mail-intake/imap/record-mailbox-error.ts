import "server-only";
/** A mailbox could not be read (connection, login, folder, fetch): admins see why on the mailbox (lastError). */
import type { PrismaClient } from "../../../generated/prisma/client";

export function describeImapError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { responseText?: string; code?: string; authenticationFailed?: boolean };
  if (e.authenticationFailed) return `login failed: ${e.responseText ?? e.message}`;
  const detail = e.responseText ?? (e.code && !e.message.includes(e.code) ? `${e.message} (${e.code})` : e.message);
  return detail;
}

export async function recordMailboxError(ctx: { prisma: PrismaClient; now: () => Date }, mailboxId: string, error: unknown): Promise<void> {
  try {
    await ctx.prisma.mailbox.updateMany({ where: { id: mailboxId }, data: { lastPolledAt: ctx.now(), lastError: describeImapError(error).slice(0, 2000) } });
  } catch (dbError) {
    console.error(`[mail-intake] could not record the error of mailbox ${mailboxId}: ${dbError instanceof Error ? dbError.message : String(dbError)}`);
  }
}
