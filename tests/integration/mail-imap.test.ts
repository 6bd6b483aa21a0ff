/**
 * Reading support mailboxes over IMAP against a real Dovecot (tests/support/dovecot.ts) with the
 * real ingest: a new mail becomes a ticket registered at its INTERNALDATE; every message exactly
 * once through a killed and restarted worker process and through two workers on one mailbox; a
 * new UIDVALIDITY; a message ingest fails on, and one it keeps failing on (set aside for an agent);
 * a wrong password; and IDLE.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createPrisma } from "../../lib/server/db/prisma";
import { encryptSecret } from "../../lib/server/secrets";
import { pollMailbox } from "../../lib/server/mail-intake/imap/poll-mailbox";
import { startMailIntake } from "../../lib/server/mail-intake/imap/mail-intake-loop";
import { INGEST_ATTEMPTS } from "../../lib/server/mail-intake/imap/take-new-mail";
import type { IncomingMail } from "../../lib/server/mail-intake/incoming-mail";
import { startDovecot, type Dovecot } from "../support/dovecot";
import { startMailIntakeWorker } from "../support/processes";
import { testCustomer } from "../support/test-customer";
import { ingestMail } from "../../lib/server/mail-intake/ingest-mail";

process.env.SECRETS_KEY ??= randomBytes(32).toString("base64");
const secretsKey = Buffer.from(process.env.SECRETS_KEY, "base64");
const PASSWORD = "imap-test-secret";
const run = randomBytes(3).toString("hex");
const userOf = (name: string) => `${name}-${run}@support.imap.test`;
const USERS = ["arrival", "restart", "two", "idle", "validity", "failing", "loop", "setaside", "fewer", "storefail", "setasideloop"].map(userOf);
/** The customer's people who write in: known users of an organisation of this file's own. */
const CUSTOMER_DOMAIN = `imap-customer-${run}.test`;
const SENDERS = Array.from({ length: 10 }, (_, k) => `kunde${k}@${CUSTOMER_DOMAIN}`);
let organizationId: string;

let prisma: PrismaClient;
let dovecot: Dovecot;
const T0 = Date.parse("2026-03-02T08:00:00Z");
/** Two hours later (still before ctxNow), for the set-aside tests: minutes of their own, so their senders stay far from MAIL_MAX_PER_SENDER_PER_MINUTE. */
const T1 = Date.parse("2026-03-02T10:00:00Z");
/** A fixed clock: nothing here may depend on the wall clock. */
const ctxNow = () => new Date("2026-03-02T12:00:00Z");

beforeAll(async () => {
  prisma = createPrisma(undefined, 6);
  dovecot = await startDovecot(USERS.map((user) => ({ user, password: PASSWORD })));
  ({ organizationId } = await testCustomer(prisma, {
    key: `test-imap-${run}`,
    agreementName: "IMAP intake",
    slug: `test-imap-${run}`,
    name: `IMAP Kunde ${run} AS`,
    ticketPrefix: "IM",
    target: { priority: "P3", minutes: 240 },
    warningThresholds: [],
    escalationRules: {},
    users: SENDERS.map((email) => [email, "END_USER"] as const),
  }));
});

/** The real ingest, at a fixed instant. */
const ingestWith =
  (p: PrismaClient = prisma) =>
  (mail: IncomingMail) =>
    ingestMail({ prisma: p, now: ctxNow }, mail);

afterAll(async () => {
  await dovecot?.stop();
  await prisma?.$disconnect();
});

/**
 * Message n of a mailbox, from one of the known senders: every fourth a reply to the one before
 * it (In-Reply-To/References, same sender), the rest new tickets.
 */
function rawMail(n: number, to: string): string {
  const reply = n % 4 === 0;
  const sender = SENDERS[(reply ? n - 1 : n) % SENDERS.length]!;
  return [
    `From: Kunde <${sender}>`,
    `To: ${to}`,
    `Subject: ${reply ? `Re: Sak ${n - 1}` : `Sak ${n}`}`,
    `Message-ID: ${messageIdOf(n, to)}`,
    ...(reply ? [`In-Reply-To: ${messageIdOf(n - 1, to)}`, `References: ${messageIdOf(n - 1, to)}`] : []),
    `Date: Sun, 01 Mar 2026 10:00:00 +0000`,
    `MIME-Version: 1.0`,
    `Content-Type: text/plain; charset=utf-8`,
    ``,
    `Melding nummer ${n}.`,
    ``,
  ].join("\r\n");
}
const messageIdOf = (n: number, to: string) => `<m${n}.${run}.${to}>`;
const newTickets = (count: number) => count - Math.floor(count / 4);

async function mailboxFor(user: string): Promise<string> {
  const mailbox = await prisma.mailbox.create({
    data: { name: user, address: user, host: dovecot.host, port: dovecot.port, tls: false, username: user, passwordEncrypted: encryptSecret(PASSWORD, secretsKey) },
  });
  return mailbox.id;
}

/** Six seconds apart: no sender comes near MAIL_MAX_PER_SENDER_PER_MINUTE. */
async function appendMany(user: string, count: number, from = 1, base = T0): Promise<void> {
  for (let n = from; n < from + count; n++) await dovecot.appendMail(user, rawMail(n, user), { internalDate: new Date(base + n * 6000) });
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const countFor = (mailboxId: string) => prisma.inboundMail.count({ where: { mailboxId } });

const startWorker = () => startMailIntakeWorker({ MAIL_POLL_SECONDS: "1", DATABASE_POOL_SIZE: "3" });

/**
 * Every UID of the folder is in InboundMail once, under the folder's UIDVALIDITY; lastUid is the
 * highest; the new-ticket mails made one ticket each and the replies none.
 */
async function expectExactlyOnce(mailboxId: string, count: number) {
  const rows = await prisma.inboundMail.findMany({ where: { mailboxId }, select: { uid: true, messageId: true, uidValidity: true, status: true, ticketId: true } });
  expect(rows).toHaveLength(count);
  expect(new Set(rows.map((r) => r.uid)).size).toBe(count);
  expect(new Set(rows.map((r) => r.messageId)).size).toBe(count);
  const uids = rows.map((r) => Number(r.uid)).sort((a, b) => a - b);
  expect(uids).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  const mailbox = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
  expect(mailbox.lastUid).toBe(BigInt(count));
  expect(mailbox.lastError).toBeNull();
  expect(new Set(rows.map((r) => r.uidValidity))).toEqual(new Set([mailbox.uidValidity]));
  expect(rows.filter((r) => r.status === "TICKET")).toHaveLength(newTickets(count));
  expect(rows.filter((r) => r.status === "REPLY")).toHaveLength(count - newTickets(count));
  const ticketIds = rows.filter((r) => r.status === "TICKET").map((r) => r.ticketId!);
  expect(new Set(ticketIds).size).toBe(newTickets(count));
  // No ticket beyond them: every ticket of this mailbox's mails is one of theirs.
  const tickets = await prisma.ticket.count({ where: { organizationId, inboundMails: { some: { mailboxId } } } });
  expect(tickets).toBe(newTickets(count));
}

describe("IMAP intake", () => {
  it("a new mail from a known customer becomes a ticket registered at its INTERNALDATE, not its Date header", async () => {
    const user = userOf("arrival");
    const internalDate = new Date("2026-03-02T08:15:00Z");
    await dovecot.appendMail(user, rawMail(1, user), { internalDate });
    const mailboxId = await mailboxFor(user);
    const result = await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: ingestWith(), secretsKey });
    expect(result).toEqual({ taken: 1, failed: null, setAside: [], interrupted: false });

    const inbound = await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId } });
    expect(inbound).toMatchObject({ status: "TICKET", uid: 1n, receivedAt: internalDate, sentAt: new Date("2026-03-01T10:00:00Z"), fromAddress: SENDERS[1] });
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: inbound.ticketId! }, include: { clocks: true } });
    expect(ticket).toMatchObject({ organizationId, channel: "EMAIL", priority: "P3", title: "Sak 1", createdAt: internalDate });
    expect(ticket.clocks.find((c) => c.metric === "RESPONSE")?.startedAt).toEqual(internalDate);
    const mailbox = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
    expect(mailbox).toMatchObject({ lastUid: 1n, lastError: null, lastPolledAt: ctxNow() });
    // Marked \Seen on the server once taken in.
    const reader = await dovecot.connect(user);
    try {
      await reader.mailboxOpen("INBOX");
      const [message] = await reader.fetchAll("1", { uid: true, flags: true }, { uid: true });
      expect(message?.flags?.has("\\Seen")).toBe(true);
    } finally {
      await reader.logout();
    }
    // A second poll finds nothing new and writes nothing.
    expect((await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: ingestWith(), secretsKey })).taken).toBe(0);
    expect(await countFor(mailboxId)).toBe(1);
  });

  it("a worker process killed mid-batch and started again takes every one of 200 messages exactly once", async () => {
    const user = userOf("restart");
    await appendMany(user, 200);
    const mailboxId = await mailboxFor(user);

    const first = startWorker();
    await waitUntil("the first messages", async () => (await countFor(mailboxId)) >= 20, 45_000);
    await first.stop("SIGKILL");
    const atKill = await countFor(mailboxId);
    expect(atKill).toBeGreaterThanOrEqual(20);
    expect(atKill).toBeLessThan(200);

    const second = startWorker();
    try {
      await waitUntil("all 200", async () => (await countFor(mailboxId)) === 200 && (await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).lastUid === 200n, 90_000);
      // A further poll finds nothing new.
      await new Promise((r) => setTimeout(r, 1_500));
    } finally {
      await second.stop();
    }
    await expectExactlyOnce(mailboxId, 200);
  }, 180_000);

  it("two workers reading one mailbox at once take every message once and skip none", async () => {
    const user = userOf("two");
    const mailboxId = await mailboxFor(user);
    const workers = [createPrisma(undefined, 3), createPrisma(undefined, 3)];
    const calls = [0, 0];
    const intakes = workers.map((p, i) => {
      const ingest = ingestWith(p);
      return startMailIntake({
        prisma: p,
        secretsKey,
        pollMs: 500,
        batchSize: 7,
        ingest: async (mail: IncomingMail) => {
          calls[i]!++;
          return ingest(mail);
        },
      });
    });
    try {
      await appendMany(user, 60);
      await waitUntil("all 60", async () => (await countFor(mailboxId)) === 60 && (await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).lastUid === 60n, 30_000);
      await appendMany(user, 40, 61);
      await waitUntil("all 100", async () => (await countFor(mailboxId)) === 100 && (await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).lastUid === 100n, 30_000);
    } finally {
      await Promise.all(intakes.map((i) => i.stop()));
      await Promise.all(workers.map((p) => p.$disconnect()));
    }
    await expectExactlyOnce(mailboxId, 100);
    // Both really read it (each handed messages to ingest).
    expect(calls[0]).toBeGreaterThan(0);
    expect(calls[1]).toBeGreaterThan(0);
  }, 90_000);

  it("IDLE: a message appended while the loop idles is taken within seconds, long before the next poll", async () => {
    const user = userOf("idle");
    const mailboxId = await mailboxFor(user);
    const reads: number[] = [];
    const intake = startMailIntake({ prisma, secretsKey, pollMs: 120_000, ingest: ingestWith(), onRead: (id, taken) => id === mailboxId && reads.push(taken) });
    try {
      await waitUntil("the first read", async () => reads.length > 0, 20_000);
      await new Promise((r) => setTimeout(r, 300)); // now idling
      const appendedAt = performance.now(); // elapsed time only: the mail's instant is T0
      await dovecot.appendMail(user, rawMail(1, user), { internalDate: new Date(T0) });
      await waitUntil("the pushed message", async () => (await countFor(mailboxId)) === 1, 10_000);
      expect(performance.now() - appendedAt).toBeLessThan(5_000);
    } finally {
      await intake.stop();
    }
    const row = await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId } });
    expect(row.receivedAt).toEqual(new Date(T0));
  }, 60_000);

  it("the loop picks up a mailbox added, reconnects after the server drops it, and stops reading one deactivated", async () => {
    const user = userOf("loop");
    const intake = startMailIntake({ prisma, secretsKey, pollMs: 500, ingest: ingestWith() });
    try {
      // Added while the loop runs.
      const mailboxId = await mailboxFor(user);
      await waitUntil("the new mailbox to be read", async () => intake.mailboxes().includes(mailboxId), 10_000);
      await appendMany(user, 1);
      await waitUntil("its first message", async () => (await countFor(mailboxId)) === 1, 10_000);
      // The server drops the connection: the loop reconnects and goes on.
      dovecot.kick(user);
      await appendMany(user, 1, 2);
      await waitUntil("the message after the reconnect", async () => (await countFor(mailboxId)) === 2, 15_000);
      // Deactivated: no longer read.
      await prisma.mailbox.update({ where: { id: mailboxId }, data: { active: false } });
      await waitUntil("the mailbox to be let go", async () => !intake.mailboxes().includes(mailboxId), 10_000);
      await appendMany(user, 1, 3);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await countFor(mailboxId)).toBe(2);
      expect((await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).lastUid).toBe(2n);
    } finally {
      await intake.stop();
    }
  }, 60_000);

  it("a new UIDVALIDITY reads the folder from UID 1 again, and nothing doubles", async () => {
    const user = userOf("validity");
    await appendMany(user, 5);
    const mailboxId = await mailboxFor(user);
    const ingest = ingestWith();
    await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest, secretsKey });
    const before = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
    expect(before.lastUid).toBe(5n);
    expect(before.lastPolledAt).toEqual(ctxNow());
    // As if the server had renumbered the folder since: the stored cursor is from another UIDVALIDITY.
    await prisma.mailbox.update({ where: { id: mailboxId }, data: { uidValidity: before.uidValidity! + 1n, lastUid: 1000n } });
    const outcomes: unknown[] = [];
    const result = await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: async (mail) => outcomes.push(await ingest(mail)), secretsKey });
    expect(result.taken).toBe(5);
    expect(outcomes.map((o) => (o as { status: string }).status)).toEqual(Array(5).fill("DUPLICATE"));
    await expectExactlyOnce(mailboxId, 5);
  });

  it("a message ingest fails on holds back only itself and what depends on it, shows in lastError, and is taken on a later poll", async () => {
    const user = userOf("failing");
    await appendMany(user, 6);
    const mailboxId = await mailboxFor(user);
    const ingest = ingestWith();
    // UID 3 is a new ticket, UID 4 its sender's reply to it; 5 and 6 come from others.
    const offered: bigint[] = [];
    const failOn3 = async (mail: IncomingMail) => {
      offered.push(mail.uid!);
      if (mail.uid === 3n) throw new Error("cannot parse this one");
      return ingest(mail);
    };
    // What the loop keeps from read to read.
    const takenAbove = new Set<string>();
    const first = await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: failOn3, secretsKey, takenAbove });
    expect(first).toMatchObject({ taken: 4, failed: { uid: 3n, error: "cannot parse this one" } });
    const stuck = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
    expect(stuck.lastUid).toBe(2n);
    expect(stuck.lastError).toBe("UID 3: cannot parse this one");
    const taken = await prisma.inboundMail.findMany({ where: { mailboxId }, select: { uid: true } });
    expect(taken.map((r) => Number(r.uid)).sort()).toEqual([1, 2, 5, 6]);
    // Still failing: the reply to it still waits behind it.
    offered.length = 0;
    expect((await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: failOn3, secretsKey, takenAbove })).failed?.uid).toBe(3n);
    expect(await countFor(mailboxId)).toBe(4);
    // Only the failing one was tried again: 5 and 6 are not handed over on every read.
    expect(offered).toEqual([3n]);
    // Fixed: both come in, the reply threaded onto the new ticket, and the error is cleared.
    expect((await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest, secretsKey })).failed).toBeNull();
    await expectExactlyOnce(mailboxId, 6);
    const reply = await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId, uid: 4n } });
    const ticket = await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId, uid: 3n } });
    expect(reply.ticketId).toBe(ticket.ticketId);
  });

  it(`a message ingest fails on ${INGEST_ATTEMPTS} times in a row is set aside for an agent, whole, and its sender's later mail is taken in`, async () => {
    const user = userOf("setaside");
    // UID 3 a new ticket, UID 4 its sender's reply to it, UID 5 a new one from the same sender.
    await appendMany(user, 4, 1, T1);
    await appendMany(user, 1, 13, T1);
    expect(SENDERS[13 % SENDERS.length]).toBe(SENDERS[3]);
    const mailboxId = await mailboxFor(user);
    const ingest = ingestWith();
    const failOn3 = async (mail: IncomingMail) => {
      if (mail.uid === 3n) throw new Error("cannot take this one");
      return ingest(mail);
    };
    // What the loop keeps from read to read.
    const takenAbove = new Set<string>();
    const failedAttempts = new Map<string, number>();
    const poll = () => pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: failOn3, secretsKey, takenAbove, failedAttempts });
    const stored = async () => (await prisma.inboundMail.findMany({ where: { mailboxId }, select: { uid: true } })).map((r) => Number(r.uid)).sort();

    for (let attempt = 1; attempt < INGEST_ATTEMPTS; attempt++) {
      expect(await poll()).toMatchObject({ failed: { uid: 3n, error: "cannot take this one" }, setAside: [] });
      // Not yet: it holds its sender's later mail back, and lastUid below it.
      expect(await stored()).toEqual([1, 2]);
      expect(await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).toMatchObject({ lastUid: 2n, lastError: "UID 3: cannot take this one" });
    }

    expect(await poll()).toMatchObject({ taken: 2, failed: null, setAside: [{ uid: 3n, error: "cannot take this one" }] });
    const mailbox = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
    expect(mailbox.lastUid).toBe(5n);
    expect(mailbox.lastError).toBe(`UID 3: set aside for an agent ("ukjent avsender") after ${INGEST_ATTEMPTS} failed attempts: cannot take this one`);
    const setAside = await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId, uid: 3n } });
    expect(setAside).toMatchObject({ status: "UNKNOWN_SENDER", reason: "ingest_failed", fromAddress: SENDERS[3], organizationId, ticketId: null, receivedAt: new Date(T1 + 3 * 6000) });
    expect(Buffer.from(setAside.raw).toString("utf8")).toBe(rawMail(3, user));
    // The sender's later mail came in: the reply (no ticket to thread to) and the new one are tickets.
    const later = await prisma.inboundMail.findMany({ where: { mailboxId, uid: { in: [4n, 5n] } }, select: { uid: true, status: true }, orderBy: { uid: "asc" } });
    expect(later).toEqual([
      { uid: 4n, status: "TICKET" },
      { uid: 5n, status: "TICKET" },
    ]);
    // Past it: the next poll hands nothing over and has nothing to report.
    expect(await poll()).toMatchObject({ taken: 0, failed: null, setAside: [] });
    expect((await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).lastError).toBeNull();
    expect(failedAttempts.size).toBe(0);
  });

  it(`fewer than ${INGEST_ATTEMPTS} failed attempts set nothing aside (and a restart counts again): the message comes in as usual once ingest takes it`, async () => {
    const user = userOf("fewer");
    await appendMany(user, 2, 1, T1);
    const mailboxId = await mailboxFor(user);
    const ingest = ingestWith();
    const failOn1 = async (mail: IncomingMail) => {
      if (mail.uid === 1n) throw new Error("not yet");
      return ingest(mail);
    };
    const takenAbove = new Set<string>();
    const failedAttempts = new Map<string, number>();
    for (let attempt = 1; attempt < INGEST_ATTEMPTS; attempt++) {
      expect(await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: failOn1, secretsKey, takenAbove, failedAttempts })).toMatchObject({ failed: { uid: 1n }, setAside: [] });
    }
    // A restarted reader starts counting again: one more failure is its first.
    const afterRestart = await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: failOn1, secretsKey, failedAttempts: new Map() });
    expect(afterRestart).toMatchObject({ failed: { uid: 1n }, setAside: [] });
    expect(await prisma.inboundMail.count({ where: { mailboxId, uid: 1n } })).toBe(0);
    expect((await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).lastUid).toBe(0n);

    expect(await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest, secretsKey, takenAbove, failedAttempts })).toMatchObject({ failed: null, setAside: [] });
    await expectExactlyOnce(mailboxId, 2);
    expect(await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId, uid: 1n } })).toMatchObject({ status: "TICKET", reason: null });
  });

  it("a set-aside that cannot be stored (the database gone) changes nothing: the message is tried again, and set aside on the next poll", async () => {
    const user = userOf("storefail");
    await appendMany(user, 1, 1, T1);
    const mailboxId = await mailboxFor(user);
    const failing = async () => {
      throw new Error("cannot take this one");
    };
    // The database answers the intake's reads and cursor, but no transaction goes through.
    const noTransactions: PrismaClient = new Proxy(prisma, {
      get: (target, key) => (key === "$transaction" ? () => Promise.reject(new Error("Can't reach database server")) : Reflect.get(target, key)),
    });
    const takenAbove = new Set<string>();
    const failedAttempts = new Map<string, number>();
    for (let attempt = 1; attempt < INGEST_ATTEMPTS; attempt++) await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: failing, secretsKey, takenAbove, failedAttempts });
    const down = await pollMailbox({ ctx: { prisma: noTransactions, now: ctxNow }, mailboxId, ingest: failing, secretsKey, takenAbove, failedAttempts });
    expect(down).toMatchObject({ failed: { uid: 1n, error: "cannot take this one" }, setAside: [] });
    expect(await countFor(mailboxId)).toBe(0);
    expect(await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).toMatchObject({ lastUid: 0n, lastError: "UID 1: cannot take this one" });

    expect(await pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId, ingest: failing, secretsKey, takenAbove, failedAttempts })).toMatchObject({ failed: null, setAside: [{ uid: 1n }] });
    expect(await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId, uid: 1n } })).toMatchObject({ status: "UNKNOWN_SENDER", reason: "ingest_failed" });
    expect((await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).lastUid).toBe(1n);
  });

  it(`the intake loop counts the failed attempts from read to read and sets the message aside at the ${INGEST_ATTEMPTS}th`, async () => {
    const user = userOf("setasideloop");
    // UID 1 fails; UID 2 is the same sender's next mail.
    await appendMany(user, 1, 1, T1);
    await appendMany(user, 1, 11, T1);
    expect(SENDERS[11 % SENDERS.length]).toBe(SENDERS[1]);
    const mailboxId = await mailboxFor(user);
    const ingest = ingestWith();
    let tries = 0;
    const intake = startMailIntake({
      prisma,
      secretsKey,
      pollMs: 200,
      now: ctxNow,
      ingest: async (mail: IncomingMail) => {
        if (mail.mailboxId === mailboxId && mail.uid === 1n) {
          tries++;
          throw new Error("cannot take this one");
        }
        return ingest(mail);
      },
    });
    try {
      await waitUntil("UID 1 set aside and UID 2 taken", async () => (await countFor(mailboxId)) === 2, 20_000);
    } finally {
      await intake.stop();
    }
    expect(tries).toBe(INGEST_ATTEMPTS);
    expect(await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId, uid: 1n } })).toMatchObject({ status: "UNKNOWN_SENDER", reason: "ingest_failed" });
    expect(await prisma.inboundMail.findFirstOrThrow({ where: { mailboxId, uid: 2n } })).toMatchObject({ status: "TICKET" });
    expect((await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).lastUid).toBe(2n);
  }, 60_000);

  it("a wrong password is recorded on the mailbox", async () => {
    const user = userOf("failing");
    const mailbox = await prisma.mailbox.create({
      data: {
        name: "wrong",
        address: `wrong-${run}@support.imap.test`,
        host: dovecot.host,
        port: dovecot.port,
        tls: false,
        username: user,
        passwordEncrypted: encryptSecret("not-the-password", secretsKey),
      },
    });
    await expect(pollMailbox({ ctx: { prisma, now: ctxNow }, mailboxId: mailbox.id, ingest: ingestWith(), secretsKey })).rejects.toThrow();
    const row = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect(row.lastError).toMatch(/auth|login/i);
    expect(row.lastPolledAt).toEqual(ctxNow());
  });
});
