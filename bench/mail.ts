/**
 * npm run bench:mail [-- --messages 2000]: the IMAP intake end to end. A private Dovecot
 * (tests/support/dovecot.ts) and a database of the bench's own (migrated, seeded); a customer
 * organisation's users write N messages: new tickets, replies threaded by In-Reply-To/References
 * to earlier ones, every seventh with an attachment (a small PNG, PDF or text file). They are
 * APPENDed to the support mailbox as fast as one IMAP connection delivers them while the intake
 * loop (lib/server/mail-intake/imap, IDLE) runs in this process with the real ingest.
 *
 * Measured: messages per second from the first APPEND to the last message committed, and per
 * message the time from the start of its APPEND to its ingest being committed (p50/p99), lost
 * messages (no InboundMail row) and duplicates (rows beyond one per message, tickets beyond the
 * new-ticket mails). Reference in the same run: a plain IMAP FETCH (source + INTERNALDATE, same
 * batches) of the same messages from a second mailbox, no ingest. JSON last:
 * {messages, perSecond, p99Ms, lost, duplicates, ...}.
 */
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { readEnv } from "../lib/config/env";
import { preflight } from "../lib/server/preflight";
import { dropDatabase, ensureDatabase } from "../lib/server/db/admin";
import { migrate } from "../lib/server/db/migrations";
import { createPrisma } from "../lib/server/db/prisma";
import { seed } from "../lib/server/db/seed";
import { encryptSecret } from "../lib/server/secrets";
import { startMailIntake } from "../lib/server/mail-intake/imap/mail-intake-loop";
import { FETCH_BATCH } from "../lib/server/mail-intake/imap/take-new-mail";
import type { IncomingMail } from "../lib/server/mail-intake/incoming-mail";
import { ingestMail } from "../lib/server/mail-intake/ingest-mail";
import { startDovecot } from "../tests/support/dovecot";
import { deleteKeys } from "../tests/support/redis-keys";
import { runScript } from "../scripts/run-script";

const { values } = parseArgs({ options: { messages: { type: "string", default: "2000" }, users: { type: "string", default: "20" } } });
const N = Number(values.messages);
const USERS = Number(values.users);
const SUPPORT = "support@bench-mail.test";
const REFERENCE = "reference@bench-mail.test";
const PASSWORD = "bench-secret";
const round = (x: number) => Math.round(x * 10) / 10;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const log = (line: string) => console.log(`[bench:mail] ${line}`);

// A 1×1 PNG, a one-page PDF and a text file: small, real formats.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const ATTACHMENTS = [
  { filename: "skjermbilde.png", content: PNG, contentType: "image/png" },
  { filename: "faktura.pdf", content: PDF, contentType: "application/pdf" },
  { filename: "logg.txt", content: Buffer.from("2026-03-02 08:00:01 ERROR printer offline\n".repeat(40)), contentType: "text/plain" },
];

interface Planned {
  messageId: string;
  raw: Buffer;
  newTicket: boolean;
}

/** New tickets and replies (to a random earlier new ticket, same sender), every 7th with a file; the same every run. */
async function plan(run: string, users: string[]): Promise<Planned[]> {
  let seed = 17;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const roots: Array<{ messageId: string; from: string; subject: string }> = [];
  const out: Planned[] = [];
  for (let i = 0; i < N; i++) {
    const messageId = `<bench-${i}.${run}@bench-customer.test>`;
    const reply = roots.length >= USERS && next() < 0.4 ? roots[Math.floor(next() * roots.length)]! : null;
    const from = reply?.from ?? users[i % users.length]!;
    const subject = reply ? `Re: ${reply.subject}` : `Skriveren på kontor ${i} virker ikke`;
    const composer = new MailComposer({
      from,
      to: SUPPORT,
      subject,
      messageId,
      date: new Date("2026-03-02T07:00:00Z"),
      inReplyTo: reply?.messageId,
      references: reply ? [reply.messageId] : undefined,
      text: reply ? `Takk, fortsatt et problem (melding ${i}).\n\n> tidligere tekst\n> mer sitat\n` : `Hei,\n\nskriveren på kontor ${i} skriver ikke ut. Kan dere se på det?\n\nHilsen\n${from}\n`,
      attachments: i % 7 === 3 ? [ATTACHMENTS[i % ATTACHMENTS.length]!] : [],
    });
    const raw = await composer.compile().build();
    if (!reply) roots.push({ messageId, from, subject });
    out.push({ messageId, raw, newTicket: !reply });
  }
  return out;
}

runScript(async () => {
  await preflight({ postgres: "server", redis: true });
  const env = readEnv();
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/hd_bench_mail_${process.pid}`;
  const databaseUrl = url.toString();
  const prefix = `hd-bench-mail-${randomBytes(4).toString("hex")}`;
  process.env.REDIS_PREFIX = prefix;
  const secretsKey = randomBytes(32);
  const run = randomBytes(3).toString("hex");
  const dovecot = await startDovecot([
    { user: SUPPORT, password: PASSWORD },
    { user: REFERENCE, password: PASSWORD },
  ]);
  const prisma = createPrisma(databaseUrl, 8);
  try {
    await ensureDatabase(databaseUrl);
    await migrate(databaseUrl);
    await seed(prisma);
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" } });
    const users = Array.from({ length: USERS }, (_, k) => `bench-${k}@nordlys.example`);
    await prisma.user.createMany({ data: users.map((email) => ({ email, name: email, role: "END_USER" as const, organizationId: org.id })) });
    const mailbox = await prisma.mailbox.create({
      data: { name: "Bench support", address: SUPPORT, host: dovecot.host, port: dovecot.port, tls: false, username: SUPPORT, passwordEncrypted: encryptSecret(PASSWORD, secretsKey) },
    });
    const messages = await plan(run, users);
    const newTickets = messages.filter((m) => m.newTicket).length;
    const withFiles = messages.filter((_, i) => i % 7 === 3).length;
    const bytes = messages.reduce((s, m) => s + m.raw.length, 0);
    log(`${N} messages (${newTickets} new tickets, ${N - newTickets} replies, ${withFiles} with an attachment; ${round(bytes / 1024 / 1024)} MB) from ${USERS} users`);

    // The reference: the same messages FETCHed from a mailbox of their own, no ingest.
    for (const [i, m] of messages.entries()) await dovecot.appendMail(REFERENCE, m.raw, { internalDate: new Date(Date.parse("2026-03-02T07:00:00Z") + i * 1000) });
    const reader = await dovecot.connect(REFERENCE);
    await reader.mailboxOpen("INBOX");
    const fetchStart = performance.now();
    let fetched = 0;
    for (let from = 1; from <= N; from += FETCH_BATCH) {
      const batch = await reader.fetchAll(`${from}:${Math.min(N, from + FETCH_BATCH - 1)}`, { uid: true, source: true, internalDate: true }, { uid: true });
      fetched += batch.length;
    }
    const fetchPerSecond = fetched / ((performance.now() - fetchStart) / 1000);
    await reader.logout();
    log(`reference, IMAP FETCH alone: ${Math.round(fetchPerSecond)} messages/s`);

    // The intake, with the ingest it runs in production; each message's commit time recorded.
    const ctx = { prisma, now: () => new Date() };
    const committedAt = new Map<string, number>();
    const outcomes = new Map<string, number>();
    let calls = 0;
    const messageIdOf = (raw: Buffer) => /^message-id:\s*(\S+)/im.exec(raw.subarray(0, 4096).toString("latin1"))?.[1] ?? "";
    const ingest = async (mail: IncomingMail) => {
      calls++;
      const outcome = await ingestMail(ctx, mail);
      const id = messageIdOf(mail.raw);
      if (!committedAt.has(id)) committedAt.set(id, performance.now());
      outcomes.set(outcome.status, (outcomes.get(outcome.status) ?? 0) + 1);
      return outcome;
    };
    const intake = startMailIntake({ prisma, ingest, secretsKey, pollMs: 30_000 });
    const ready = Date.now();
    while (!(await prisma.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } })).lastPolledAt) {
      if (Date.now() - ready > 30_000) throw new Error("the intake did not read the mailbox within 30 s");
      await new Promise((r) => setTimeout(r, 50));
    }

    const appendedAt = new Map<string, number>();
    const start = performance.now();
    for (const [i, m] of messages.entries()) {
      appendedAt.set(m.messageId, performance.now());
      await dovecot.appendMail(SUPPORT, m.raw, { internalDate: new Date(Date.parse("2026-03-02T07:00:00Z") + i * 1000) });
    }
    const appendSeconds = (performance.now() - start) / 1000;
    log(`APPENDed ${N} in ${round(appendSeconds)} s (${Math.round(N / appendSeconds)}/s)`);
    const deadline = Date.now() + 15 * 60_000;
    while (committedAt.size < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const end = Math.max(...committedAt.values());
    await intake.stop();

    const latencies = messages.filter((m) => committedAt.has(m.messageId)).map((m) => committedAt.get(m.messageId)! - appendedAt.get(m.messageId)!);
    const seconds = (end - start) / 1000;
    const perSecond = committedAt.size / seconds;
    const rows = await prisma.inboundMail.findMany({ where: { mailboxId: mailbox.id }, select: { messageId: true, status: true } });
    const ids = new Set(messages.map((m) => m.messageId));
    const stored = new Set(rows.filter((r) => ids.has(r.messageId)).map((r) => r.messageId));
    const lost = N - stored.size;
    const tickets = await prisma.ticket.count({ where: { organizationId: org.id, requester: { email: { in: users } } } });
    const extraTickets = Math.max(0, tickets - newTickets);
    const duplicates = rows.length - new Set(rows.map((r) => r.messageId)).size + extraTickets;
    const byStatus = Object.fromEntries([...new Set(rows.map((r) => r.status))].map((s) => [s, rows.filter((r) => r.status === s).length]));
    log(
      `intake: ${committedAt.size} of ${N} committed in ${round(seconds)} s: ${round(perSecond)} messages/s (IMAP FETCH alone ${Math.round(fetchPerSecond)}/s, ${round(fetchPerSecond / perSecond)}× the intake)`,
    );
    log(`APPEND → committed: p50 ${Math.round(percentile(latencies, 50))} ms, p99 ${Math.round(percentile(latencies, 99))} ms, max ${Math.round(percentile(latencies, 100))} ms`);
    log(`stored by status: ${JSON.stringify(byStatus)}; ingest calls ${calls}, outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; tickets ${tickets} (expected ${newTickets})`);
    log(`lost ${lost}, duplicates ${duplicates}`);
    console.log(
      JSON.stringify({
        messages: N,
        perSecond: round(perSecond),
        p99Ms: Math.round(percentile(latencies, 99)),
        lost,
        duplicates,
        p50Ms: Math.round(percentile(latencies, 50)),
        fetchOnlyPerSecond: Math.round(fetchPerSecond),
        newTickets,
        tickets,
        withAttachments: withFiles,
      }),
    );
  } finally {
    await prisma.$disconnect();
    await dovecot.stop();
    await dropDatabase(databaseUrl);
    await deleteKeys(env.REDIS_URL, prefix);
  }
});
