/**
 * Many workers at once share the work with no duplicates: two SLA timer processes and two
 * background workers (notification delivery, reports, housekeeping) on the same PostgreSQL and
 * Redis, delivering e-mail to a real SMTP server on loopback (tests/support/smtp-sink.ts). Each
 * breach is recorded once and each of its e-mails arrives once; one timer and one background
 * worker told to stop mid-work (SIGTERM) finish what they hold and hand the rest over. Deadlines
 * are seconds after registration on a 24/7 calendar (tests/support/timer-tickets.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import type { Actor } from "../../lib/server/actor";
import { actorByEmail } from "../support/fixtures";
import { testCustomer } from "../support/test-customer";
import { startBackgroundWorker, startSlaTimerWorker, type RunningProcess } from "../support/processes";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { breachCount, expectRecordedOnce, p1sDue, until } from "../support/timer-tickets";

const prisma = createPrisma();
let requester: Actor;
let sink: SmtpSink;

beforeAll(async () => {
  await testCustomer(prisma, {
    key: "test-many-one-minute",
    agreementName: "P1 in one minute (many workers)",
    slug: "test-many",
    name: "Many Workers AS",
    ticketPrefix: "MW",
    target: { priority: "P1", minutes: 1 },
    warningThresholds: [0.9],
    escalationRules: { breach: { notify: ["lineLead", "customerAdmin"] } },
    users: [
      ["many-user@test.example", "END_USER"],
      ["many-admin@test.example", "CUSTOMER_ADMIN"],
    ],
  });
  requester = await actorByEmail(prisma, "many-user@test.example");
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.close();
  await prisma.$disconnect();
});

const alive = (w: RunningProcess) => w.child.exitCode === null && w.child.signalCode === null;

describe("many workers at once", () => {
  it("two timer and two background workers record each breach once and send each e-mail once; one of each stopped mid-work loses nothing", async () => {
    // No digests here: every notification is an e-mail of its own.
    const mailEnv = { SMTP_URL: sink.url, MAIL_FROM: "Helpdesk <helpdesk@servicedesk.example>", NOTIFY_MAX_PER_WINDOW: "100000" };
    const timers = [startSlaTimerWorker(), startSlaTimerWorker()];
    const background = [startBackgroundWorker(mailEnv), startBackgroundWorker(mailEnv)];
    const all = [...timers, ...background];
    try {
      await Promise.all(all.map((w) => w.waitFor(/@\S+ running/, 120_000)));
      // 30 breaches due over 18 s, from 10 s on.
      const ids = await p1sDue(prisma, requester, { count: 30, firstInMs: 10_000, stepMs: 600, label: "many" });
      const emails = () => prisma.notification.findMany({ where: { ticketId: { in: ids }, channel: "EMAIL" }, select: { id: true, status: true, template: true } });
      // Mid-work: breaches being recorded, then one timer and one background worker told to stop.
      await until(
        () => breachCount(prisma, ids),
        (n) => n >= 3,
      );
      const stopped = Promise.all([timers[0]!.stop("SIGTERM"), background[0]!.stop("SIGTERM")]);
      expect(await breachCount(prisma, ids)).toBeLessThan(ids.length); // told to stop mid-work indeed
      expect(await stopped).toEqual([0, 0]); // finished what they held and stopped cleanly

      await until(
        () => breachCount(prisma, ids),
        (n) => n === ids.length,
      );
      // Each breach tells its two people (the 1st-line lead and the customer admin) by e-mail; every e-mail of these tickets goes out.
      const sent = await until(
        () => emails(),
        (rows) => rows.filter((r) => r.template === "sla-breach").length === ids.length * 2 && rows.every((r) => r.status === "SENT"),
        90_000,
      );
      await new Promise((r) => setTimeout(r, 2_000)); // a second delivery would have happened by now
      await expectRecordedOnce(prisma, ids);
      const ours = new Set(sent.map((r) => r.id));
      const delivered = sink.messages.map((m) => m.headers.get("x-helpdesk-notification")).filter((id): id is string => id !== undefined && ours.has(id));
      expect(delivered.length).toBe(sent.length);
      expect(new Set(delivered).size).toBe(sent.length);
      expect(sink.to("many-admin@test.example").filter((m) => m.headers.get("x-helpdesk-template") === "sla-breach")).toHaveLength(ids.length);
      console.log(`[many-workers] ${ids.length} breaches and ${sent.length} e-mails, each once, with one timer and one background worker stopped mid-work`);
      expect([alive(timers[1]!), alive(background[1]!)]).toEqual([true, true]);
    } finally {
      await Promise.all(all.map((w) => w.stop("SIGTERM")));
    }
  }, 300_000);
});
