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
 * Several messages are taken in at once (`concurrency`), but never out of order where order
 * matters: a message waits for the earlier ones from the same sender and for any it replies to
 * (order-keys.ts); lastUid advances only over an unbroken run of committed UIDs.
 *
 * A message that ingest throws on (a bug, data it cannot take) does not block the mailbox: it,
 * and the later messages that depend on it (same sender, replies to it), are left for the next
 * poll; the others are taken in. lastUid stays below it and lastError names its UID and the
 * error; each poll tries it again (the ones after it that were taken come back as DUPLICATE).
 *
 * It is not tried forever: when ingest has thrown on it INGEST_ATTEMPTS times in a row, it is set
 * aside for an agent — kept whole in the "ukjent avsender" list with reason "ingest_failed",
 * through the same keepForAgent as a mail the ticket rules refuse (../ingest-mail.ts) — and then
 * counts as taken: lastUid moves past it, the same sender's later mail flows again, and that
 * pass's lastError says the UID was set aside and why (as every lastError, until a poll with
 * nothing to report). The attempts are counted in memory, per mailbox + UIDVALIDITY + UID, by the
 * reader that keeps `failedAttempts` from pass to pass (the intake loop): a restart starts
 * counting again, which only delays the set-aside, and keeps the database out of the failure path.
 *
 * A database outage does not set mail aside: a pass cannot start without the database (it reads
 * lastUid first), every attempt tries ingest before counting, and the set-aside itself is a
 * write: when it fails, nothing changes and the message is tried again on the next poll. Every
 * error ingest throws counts as an attempt (nothing here tells a connection error from a bug);
 * at worst a message that failed INGEST_ATTEMPTS times for a flaky database is set aside, and the
 * agent still has all of it.
 */
import type { ImapFlow } from "imapflow";
import type { PrismaClient } from "../../../generated/prisma/client";
import type { IncomingMail } from "../incoming-mail";
import { keepForAgent } from "../ingest-mail";
import { orderKeys } from "./order-keys";

export type Ingest = (mail: IncomingMail) => Promise<unknown>;

/** Messages fetched per round trip (source and INTERNALDATE). */
export const FETCH_BATCH = 50;
/** Messages taken in at once by default. */
export const INGEST_CONCURRENCY = 4;
/** Consecutive attempts ingest may throw on one message before it is set aside for an agent. */
export const INGEST_ATTEMPTS = 5;

export interface TakeResult {
  /** Messages handed to ingest and committed. */
  taken: number;
  /** The message that failed, if one did (the pass stopped there). */
  failed: { uid: bigint; error: string } | null;
  /** Messages ingest failed on for the INGEST_ATTEMPTS-th time, now kept for an agent (and not counted in `taken`). */
  setAside: { uid: bigint; error: string }[];
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
  concurrency = INGEST_CONCURRENCY,
  stopping = () => false,
  takenAbove = new Set<string>(),
  failedAttempts = new Map<string, number>(),
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
  /** Messages taken in at once (each waits for the earlier ones it depends on). */
  concurrency?: number;
  /** Checked between messages: the message in hand is always finished. */
  stopping?: () => boolean;
  /**
   * UIDs (`uidValidity:uid`) this reader already took in above lastUid, kept by the caller from
   * pass to pass: while a failing message holds lastUid back, the ones after it are not handed
   * to ingest again on every pass (after a restart they are, once, and come back DUPLICATE).
   */
  takenAbove?: Set<string>;
  /**
   * Failed attempts by UID (`uidValidity:uid`), kept by the caller from pass to pass: a message
   * is set aside for an agent at the INGEST_ATTEMPTS-th. A caller that does not keep it (a
   * one-shot poll) never sets anything aside.
   */
  failedAttempts?: Map<string, number>;
}): Promise<TakeResult> {
  const lastUid = await cursor(prisma, mailboxId, uidValidity);
  const memo = (uid: bigint) => `${uidValidity}:${uid}`;
  const behindCursor = (key: string) => {
    const [v, u] = key.split(":");
    return v !== String(uidValidity) || BigInt(u!) <= lastUid;
  };
  for (const key of takenAbove) if (behindCursor(key)) takenAbove.delete(key);
  for (const key of failedAttempts.keys()) if (behindCursor(key)) failedAttempts.delete(key);
  const found = await client.search({ uid: `${lastUid + 1n}:*` }, { uid: true });
  // "n:*" also matches the highest UID when it is below n (RFC 3501 §6.4.8): keep only new ones.
  const uids = (found || []).map((u) => BigInt(u)).filter((u) => u > lastUid);
  uids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const fetchBatch = (batch: bigint[]) => client.fetchAll(batch.join(","), { uid: true, source: true, internalDate: true }, { uid: true });
  const batches: bigint[][] = [];
  for (let i = 0; i < uids.length; i += batchSize) batches.push(uids.slice(i, i + batchSize));

  // Up to `concurrency` messages are taken in at once; a message waits for the ones before it
  // that it depends on (same sender, or one it replies to: order-keys.ts).
  const status = new Map<bigint, "ok" | "failed" | "skipped">();
  const heldBy = new Map<string, Promise<boolean>>();
  const running = new Set<Promise<boolean>>();
  const seenPending: number[] = [];
  let failed = null as TakeResult["failed"];
  const setAside: TakeResult["setAside"] = [];
  let taken = 0;
  let interrupted = false;
  // lastUid only ever moves over an unbroken run of committed UIDs.
  let committedUpTo = 0;
  let cursorWrite: Promise<unknown> = Promise.resolve();
  const advance = () => {
    const before = committedUpTo;
    while (committedUpTo < uids.length && status.get(uids[committedUpTo]!) === "ok") committedUpTo++;
    if (committedUpTo === before) return;
    const uid = uids[committedUpTo - 1]!;
    cursorWrite = cursorWrite.then(() => prisma.mailbox.updateMany({ where: { id: mailboxId, uidValidity, lastUid: { lt: uid } }, data: { lastUid: uid } }));
  };

  // The next batch is fetched while this one is taken in (one connection, commands queue).
  let next = batches.length ? fetchBatch(batches[0]!) : null;
  try {
    for (let b = 0; b < batches.length && !interrupted; b++) {
      const messages = await next!;
      next = b + 1 < batches.length ? fetchBatch(batches[b + 1]!) : null;
      messages.sort((x, y) => x.uid - y.uid);
      const fetched = new Set(messages.map((m) => BigInt(m.uid)));
      // Expunged between SEARCH and FETCH: nothing to take, nothing to wait for.
      for (const uid of batches[b]!) if (!fetched.has(uid)) status.set(uid, "ok");
      for (const message of messages) {
        while (running.size >= concurrency) await Promise.race(running);
        if (stopping()) {
          interrupted = true;
          break;
        }
        const uid = BigInt(message.uid);
        const source = message.source;
        if (!source || takenAbove.has(memo(uid))) {
          status.set(uid, "ok");
          continue;
        }
        const receivedAt = message.internalDate ? new Date(message.internalDate) : now();
        const keys = orderKeys(source);
        const before = [...new Set(keys.waitsFor.map((k) => heldBy.get(k)).filter((p): p is Promise<boolean> => p !== undefined))];
        const mail: IncomingMail = { mailboxId, uidValidity, uid, raw: source, receivedAt };
        const task = (async (): Promise<boolean> => {
          // A message whose predecessor failed waits for the next poll too, behind it.
          if (!(await Promise.all(before)).every(Boolean)) {
            status.set(uid, "skipped");
            return false;
          }
          let ingested = true;
          try {
            await ingest(mail);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if (!(await setAsideAfterAttempts(mail, uid, message))) {
              if (!failed || uid < failed.uid) failed = { uid, error: message };
              status.set(uid, "failed");
              return false;
            }
            ingested = false;
          }
          status.set(uid, "ok");
          takenAbove.add(memo(uid));
          if (ingested) taken++;
          seenPending.push(Number(uid));
          advance();
          return true;
        })();
        for (const k of keys.holds) heldBy.set(k, task);
        running.add(task);
        void task.finally(() => running.delete(task));
      }
      if (seenPending.length) await seen(seenPending.splice(0));
    }
    await Promise.all(running);
    advance();
    await cursorWrite;
    await seen(seenPending.splice(0));
    return await finish({ taken, failed, setAside, interrupted });
  } finally {
    // A batch fetched ahead and not used: its failure (the connection dropped) is not this pass's.
    next?.catch(() => undefined);
    // Never leave a task running behind a pass that threw (the connection dropped mid-pass).
    await Promise.allSettled(running);
    await cursorWrite.catch(() => undefined);
  }

  /**
   * Counts a failed attempt at `uid`; at the INGEST_ATTEMPTS-th keeps the message for an agent.
   * True when it is now stored (so taken); false when it waits for the next poll, also when it
   * could not be stored (the database gone: nothing changed).
   */
  async function setAsideAfterAttempts(mail: IncomingMail, uid: bigint, error: string): Promise<boolean> {
    const attempts = (failedAttempts.get(memo(uid)) ?? 0) + 1;
    failedAttempts.set(memo(uid), attempts);
    const where = `[mail-intake] mailbox ${mailboxId}: UID ${uid} could not be taken in (${attempts} failed attempt${attempts === 1 ? "" : "s"} in a row; set aside for an agent at ${INGEST_ATTEMPTS})`;
    if (attempts < INGEST_ATTEMPTS) {
      console.error(`${where}, retrying on the next poll: ${error}`);
      return false;
    }
    try {
      await keepForAgent({ prisma, now }, mail, "ingest_failed");
    } catch (storeError) {
      console.error(
        `${where} and could not be set aside for an agent, retrying on the next poll: ${error}; setting it aside failed: ${storeError instanceof Error ? storeError.message : String(storeError)}`,
      );
      return false;
    }
    failedAttempts.delete(memo(uid));
    setAside.push({ uid, error });
    console.error(`${where}, now set aside for an agent ("ukjent avsender", reason ingest_failed): ${error}`);
    return true;
  }

  async function seen(done: number[]) {
    if (markSeen && done.length) await client.messageFlagsAdd(done.join(","), ["\\Seen"], { uid: true });
  }

  async function finish(result: TakeResult): Promise<TakeResult> {
    const notes = [
      ...result.setAside.map((s) => `UID ${s.uid}: set aside for an agent ("ukjent avsender") after ${INGEST_ATTEMPTS} failed attempts: ${s.error}`),
      ...(result.failed ? [`UID ${result.failed.uid}: ${result.failed.error}`] : []),
    ];
    const lastError = notes.length ? notes.join("; ").slice(0, 2000) : null;
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
