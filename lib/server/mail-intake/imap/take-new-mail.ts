import "server-only";
/**
 * Takes the new messages of one open IMAP folder in: every UID above the mailbox's lastUid, in UID
 * order, each handed to `ingest` (which stores it and its effect exactly once, keyed by mailbox +
 * UIDVALIDITY + UID and by Message-ID), and only after it returned is lastUid advanced, never
 * backwards (`where lastUid < uid`). So a crash between the two re-reads the message and ingest
 * answers DUPLICATE; two readers of one mailbox both hand it over and one of them gets DUPLICATE.
 *
 * A new UIDVALIDITY means the folder's UIDs start over: reading starts again at UID 1 (ingest
 * dedupes by Message-ID, so nothing doubles).
 *
 * A message that ingest throws on (a bug, data it cannot take) stops the pass there: nothing
 * after it is taken out of order, lastUid stays below it, lastError says which UID failed and
 * why, and the next poll tries it again.
 */
import type { ImapFlow } from "imapflow";
import type { PrismaClient } from "../../../generated/prisma/client";
import type { IncomingMail } from "../incoming-mail";

export type Ingest = (mail: IncomingMail) => Promise<unknown>;

/** Messages fetched per round trip (source and INTERNALDATE). */
export const FETCH_BATCH = 50;

export interface TakeResult {
  /** Messages handed to ingest and committed. */
  taken: number;
  /** The message that failed, if one did (the pass stopped there). */
  failed: { uid: bigint; error: string } | null;
  /** True when the pass stopped early because the caller is stopping. */
  interrupted: boolean;
}

export async function takeNewMail({
  prisma,
  client,
  mailboxId,
  uidValidity,
  ingest,
  now,
  markSeen = true,
  batchSize = FETCH_BATCH,
  stopping = () => false,
}: {
  prisma: PrismaClient;
  /** Connected, with the mailbox's folder selected (connectMailbox). */
  client: ImapFlow;
  mailboxId: string;
  /** The folder's UIDVALIDITY as the server reported it on SELECT. */
  uidValidity: bigint;
  ingest: Ingest;
  now: () => Date;
  markSeen?: boolean;
  batchSize?: number;
  /** Checked between messages: the message in hand is always finished. */
  stopping?: () => boolean;
}): Promise<TakeResult> {
  const lastUid = await cursor(prisma, mailboxId, uidValidity);
  const found = await client.search({ uid: `${lastUid + 1n}:*` }, { uid: true });
  // "n:*" also matches the highest UID when it is below n (RFC 3501 §6.4.8): keep only new ones.
  const uids = (found || []).map((u) => BigInt(u)).filter((u) => u > lastUid);
  uids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const fetchBatch = (batch: bigint[]) => client.fetchAll(batch.join(","), { uid: true, source: true, internalDate: true }, { uid: true });
  const batches: bigint[][] = [];
  for (let i = 0; i < uids.length; i += batchSize) batches.push(uids.slice(i, i + batchSize));

  let taken = 0;
  // The next batch is fetched while this one is taken in (one connection, commands queue).
  let next = batches.length ? fetchBatch(batches[0]!) : null;
  try {
    for (let b = 0; b < batches.length; b++) {
      const messages = await next!;
      next = b + 1 < batches.length ? fetchBatch(batches[b + 1]!) : null;
      messages.sort((x, y) => x.uid - y.uid);
      const done: number[] = [];
      for (const message of messages) {
        if (stopping()) return await finish({ taken, failed: null, interrupted: true });
        const uid = BigInt(message.uid);
        if (uid <= lastUid) continue;
        if (!message.source) continue; // expunged between SEARCH and FETCH: nothing to take
        const receivedAt = message.internalDate ? new Date(message.internalDate) : now();
        try {
          await ingest({ mailboxId, uidValidity, uid, raw: message.source, receivedAt });
        } catch (error) {
          const failed = { uid, error: error instanceof Error ? error.message : String(error) };
          console.error(`[mail-intake] mailbox ${mailboxId}: UID ${uid} could not be taken in, retrying on the next poll: ${failed.error}`);
          await seen(done);
          return await finish({ taken, failed, interrupted: false });
        }
        await prisma.mailbox.updateMany({ where: { id: mailboxId, uidValidity, lastUid: { lt: uid } }, data: { lastUid: uid } });
        done.push(message.uid);
        taken++;
      }
      await seen(done);
    }
    return await finish({ taken, failed: null, interrupted: false });
  } finally {
    // A batch fetched ahead and not used: its failure (the connection dropped) is not this pass's.
    next?.catch(() => undefined);
  }

  async function seen(done: number[]) {
    if (markSeen && done.length) await client.messageFlagsAdd(done.join(","), ["\\Seen"], { uid: true });
  }

  async function finish(result: TakeResult): Promise<TakeResult> {
    const lastError = result.failed ? `UID ${result.failed.uid}: ${result.failed.error}`.slice(0, 2000) : null;
    await prisma.mailbox.update({ where: { id: mailboxId }, data: { lastPolledAt: now(), lastError } });
    return result;
  }
}

/**
 * The UID to read after, under the folder's current UIDVALIDITY: lastUid as stored, or 0 when
 * the stored UIDVALIDITY differs (first poll, or the server renumbered the folder).
 */
async function cursor(prisma: PrismaClient, mailboxId: string, uidValidity: bigint): Promise<bigint> {
  const row = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: { uidValidity: true, lastUid: true } });
  if (row.uidValidity === uidValidity) return row.lastUid;
  // Conditional, so two readers seeing the change at once reset it once.
  await prisma.mailbox.updateMany({ where: { id: mailboxId, uidValidity: row.uidValidity }, data: { uidValidity, lastUid: 0 } });
  if (row.uidValidity !== null)
    console.warn(`[mail-intake] mailbox ${mailboxId}: UIDVALIDITY changed (${row.uidValidity} → ${uidValidity}), reading the folder from the start (duplicates are recognised by Message-ID)`);
  const again = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: { uidValidity: true, lastUid: true } });
  if (again.uidValidity !== uidValidity) throw new Error(`UIDVALIDITY of mailbox ${mailboxId} changed again while it was being read`);
  return again.lastUid;
}
