/**
 * Security incidents (issue 18, 003/004 §8.9): flagging a ticket starts the breach-notice clock,
 * a second SlaClock (metric BREACH_NOTICE) on wall-clock time, timed by the same timer worker and
 * reconciler as the response clock; the security contact and the customer admins are told by
 * e-mail (read from a real SMTP server); "customer notified" stops the clock; closing sends the
 * RCA report as a PDF.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import { recordSlaTimers } from "../../lib/server/sla-timers/handle-sla-timer";
import { reconcileSlaTimers } from "../../lib/server/sla-timers/reconcile";
import { applyTicketAction, registerTicket } from "../../lib/server/tickets";
import { autoCloseSolvedTickets } from "../../lib/server/tickets/auto-close-tickets";
import type { TicketActionRequest } from "../../lib/server/tickets/schemas";
import type { SlaTimerPayload } from "../../lib/server/jobs/sla-timer";
import { TimersSchema } from "../../lib/server/db/json-schemas";
import type { Actor } from "../../lib/server/actor";
import { actorByEmail, rejection, seededActors, seedOnce } from "../support/fixtures";
import { mailDelivery } from "../support/mail-delivery";
import { startSlaTimerWorker, type RunningProcess } from "../support/processes";
import type { ReceivedMail } from "../support/smtp-sink";

const SECURITY_CONTACT = "sikkerhet@servicedesk-security.example";
process.env.SECURITY_CONTACT_EMAIL = SECURITY_CONTACT;
process.env.NEXTAUTH_SECRET = "security-incident-test-secret-0123456789";

const THROTTLE_OFF = { maxPerWindow: 10_000, windowMinutes: 10 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const plus = (base: Date, ms: number) => new Date(base.getTime() + ms);
/** Tuesday 3 March 2026, 10:00 in Oslo. */
const TUESDAY = new Date("2026-03-03T09:00:00Z");
/** Later than any record a timer writes in this run. */
const AFTER_THE_TIMERS = new Date("2099-01-01T00:00:00Z");

const prisma = createPrisma();

/** A customer of its own on a 24/7 agreement (P1 in 10 hours, so the response clock stays quiet) with a breach-notice rule. */
async function securityCustomer(breachNotice: object) {
  await seedOnce(prisma);
  const suffix = randomUUID().slice(0, 8);
  const calendar = await prisma.calendar.findUniqueOrThrow({ where: { key: "always-24-7" } });
  const agreement = await prisma.serviceAgreement.create({
    data: {
      key: `security-${suffix}`,
      name: `Test: security ${suffix}`,
      provider: "Test",
      versions: {
        create: {
          label: "v1",
          validFrom: new Date("2000-01-01T00:00:00Z"),
          warningThresholds: [0.9],
          minWithinTargetPercent: 90,
          creditScheme: { kind: "none" },
          breachNotice,
          targets: { create: [{ priority: "P1", minutes: 600, calendarId: calendar.id }] },
        },
      },
    },
  });
  const org = await prisma.organization.create({
    data: { slug: `sikker-${suffix}`, name: `Sikker ${suffix} AS`, ticketPrefix: "SI", agreementId: agreement.id, onCallOption: "NONE", confirmationWindowHours: 24 },
  });
  const person = async (role: "END_USER" | "CUSTOMER_ADMIN", locale: "nb" | "en", name: string) => {
    const email = `${role.toLowerCase()}-${locale}-${randomUUID().slice(0, 8)}@sikker.example`;
    await prisma.user.create({ data: { email, name, role, organizationId: org.id, locale } });
    return { email, actor: await actorByEmail(prisma, email) };
  };
  return {
    organizationId: org.id,
    requester: await person("END_USER", "nb", "Sara Bruker"),
    adminNb: await person("CUSTOMER_ADMIN", "nb", "Ola Admin"),
    adminEn: await person("CUSTOMER_ADMIN", "en", "Olivia Admin"),
  };
}

const ctxAt = (at: Date) => ({ prisma, now: () => at });
const act = (actor: Actor, ticketId: string, action: TicketActionRequest, at: Date) => applyTicketAction({ actor, input: { ticketId, action }, ctx: ctxAt(at) });
const registerP1 = (actor: Actor, at: Date, title = "Kundelisten er lekket") =>
  registerTicket({ actor, input: { title, description: "Uvedkommende har lastet ned kundelisten", priority: "P1" }, ctx: ctxAt(at) });
const noticeClock = (ticketId: string) => prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId, metric: "BREACH_NOTICE" } } });
const responseClock = (ticketId: string) => prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId, metric: "RESPONSE" } } });
const noticeEscalations = (ticketId: string, kind: "WARNING" | "BREACH") =>
  prisma.escalation.findMany({ where: { ticketId, kind, clock: { metric: "BREACH_NOTICE" } }, orderBy: { createdAt: "asc" } });
const eventsOf = (ticketId: string, type: "BREACH_NOTICE_WARNING" | "BREACH_NOTICE_BREACHED" | "SLA_BREACHED" | "CUSTOMER_NOTIFIED_OF_BREACH") =>
  prisma.ticketEvent.findMany({ where: { ticketId, type } });
const timer = (ticketId: string, revision: number, kind: "warning" | "breach", at: Date, threshold?: number): SlaTimerPayload => ({
  ticketId,
  metric: "BREACH_NOTICE",
  kind,
  revision,
  at: at.toISOString(),
  ...(threshold !== undefined ? { threshold } : {}),
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("the breach-notice clock at chosen instants", () => {
  let agent: Actor;
  let c: Awaited<ReturnType<typeof securityCustomer>>;
  beforeAll(async () => {
    ({ lise: agent } = await seededActors(prisma, ["lise"]));
    c = await securityCustomer({ kind: "within_hours", hours: 24 });
  });

  it("flagging starts a 24-hour wall-clock clock with its timers; waiting for the customer pauses only the response clock", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY);
    await act(agent, ticket.id, { type: "wait", reason: "Venter på logg fra kunden" }, plus(TUESDAY, 5 * MINUTE));
    const flaggedAt = plus(TUESDAY, 10 * MINUTE);
    await act(agent, ticket.id, { type: "flag_security", reason: "Personopplysninger på avveie" }, flaggedAt);

    const clock = await noticeClock(ticket.id);
    expect(clock).toMatchObject({ state: "RUNNING", targetMinutes: 1440, startedAt: flaggedAt, dueAt: plus(flaggedAt, 24 * HOUR), stoppedAt: null, pauses: [] });
    expect(TimersSchema.parse(clock.timers).map((t) => [t.kind, t.threshold ?? null, t.at, t.metric])).toEqual([
      ["warning", 0.5, plus(flaggedAt, 12 * HOUR).toISOString(), "BREACH_NOTICE"],
      ["warning", 0.75, plus(flaggedAt, 18 * HOUR).toISOString(), "BREACH_NOTICE"],
      ["breach", null, plus(flaggedAt, 24 * HOUR).toISOString(), "BREACH_NOTICE"],
    ]);
    expect((await responseClock(ticket.id)).state).toBe("PAUSED");
    // The outbox carries the schedule with the metric.
    const messages = await prisma.outboxMessage.findMany({ where: { topic: "sla.schedule" }, select: { payload: true } });
    expect(messages.some((m) => (m.payload as { ticketId: string; metric?: string }).ticketId === ticket.id && (m.payload as { metric?: string }).metric === "BREACH_NOTICE")).toBe(true);

    // Still waiting for the customer a day later: the breach-notice breach is recorded exactly at its first overdue millisecond, once.
    const due = clock.dueAt!;
    expect(await recordSlaTimers({ prisma, payloads: [timer(ticket.id, clock.revision, "breach", due)], now: due })).toEqual([{ result: "early", retryInMs: 1 }]);
    const [first] = await recordSlaTimers({ prisma, payloads: [timer(ticket.id, clock.revision, "breach", due)], now: plus(due, 1) });
    expect(first!.result).toBe("recorded");
    const [again] = await recordSlaTimers({ prisma, payloads: [timer(ticket.id, clock.revision, "breach", due)], now: plus(due, 2) });
    expect(again!.result).toBe("duplicate");
    expect(await noticeEscalations(ticket.id, "BREACH")).toHaveLength(1);
    const [event, ...more] = await eventsOf(ticket.id, "BREACH_NOTICE_BREACHED");
    expect(more).toEqual([]);
    expect(event!.data).toMatchObject({ breachedAt: due.toISOString(), targetMinutes: 1440 });
    expect(await noticeClock(ticket.id)).toMatchObject({ state: "BREACHED", breachedAt: due });
    // The response clock is a clock of its own: paused, with no breach.
    expect(await responseClock(ticket.id)).toMatchObject({ state: "PAUSED", breachedAt: null });
    expect(await eventsOf(ticket.id, "SLA_BREACHED")).toEqual([]);
  });

  it("a warning is recorded once, at its instant, for the clock's revision only", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY);
    await act(agent, ticket.id, { type: "flag_security", reason: "Mistenkt datainnbrudd" }, TUESDAY);
    const clock = await noticeClock(ticket.id);
    const warnAt = plus(TUESDAY, 12 * HOUR);
    expect(await recordSlaTimers({ prisma, payloads: [timer(ticket.id, clock.revision, "warning", warnAt, 0.5)], now: plus(warnAt, -1) })).toEqual([{ result: "early", retryInMs: 1 }]);
    expect(await recordSlaTimers({ prisma, payloads: [timer(ticket.id, clock.revision + 1, "warning", warnAt, 0.5)], now: warnAt })).toEqual([{ result: "stale" }]);
    // Two copies in one batch: one record.
    const outcomes = await recordSlaTimers({ prisma, payloads: [timer(ticket.id, clock.revision, "warning", warnAt, 0.5), timer(ticket.id, clock.revision, "warning", warnAt, 0.5)], now: warnAt });
    expect(outcomes.map((o) => o.result)).toEqual(["recorded", "duplicate"]);
    const warnings = await noticeEscalations(ticket.id, "WARNING");
    expect(warnings.map((w) => w.threshold)).toEqual([0.5]);
    expect(await eventsOf(ticket.id, "BREACH_NOTICE_WARNING")).toHaveLength(1);
  });

  it("the customer notified exactly at the due instant is met and cancels the timers; a breach timer then does nothing", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY);
    await act(agent, ticket.id, { type: "flag_security", reason: "Lekkasje" }, TUESDAY);
    const before = await noticeClock(ticket.id);
    const due = before.dueAt!;
    await act(agent, ticket.id, { type: "notify_customer", message: "Vi varsler om et brudd.", notifiedAt: due.toISOString() }, plus(due, 30 * MINUTE));
    const after = await noticeClock(ticket.id);
    expect(after).toMatchObject({ state: "MET", stoppedAt: due, dueAt: null, breachedAt: null, timers: [] });
    expect(after.revision).toBe(before.revision + 1);
    expect(await recordSlaTimers({ prisma, payloads: [timer(ticket.id, before.revision, "breach", due)], now: plus(due, 1) })).toEqual([{ result: "stale" }]);
    expect(await noticeEscalations(ticket.id, "BREACH")).toEqual([]);
  });

  it("notified one millisecond late: breached and stopped", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY);
    await act(agent, ticket.id, { type: "flag_security", reason: "Lekkasje" }, TUESDAY);
    const due = (await noticeClock(ticket.id)).dueAt!;
    await act(agent, ticket.id, { type: "notify_customer", message: "Vi varsler om et brudd.", notifiedAt: plus(due, 1).toISOString() }, plus(due, HOUR));
    expect(await noticeClock(ticket.id)).toMatchObject({ state: "BREACHED", stoppedAt: plus(due, 1), breachedAt: due, timers: [] });
  });

  it("across the end of daylight saving time: flagged Saturday 24 October 12:00 CEST, due Sunday 11:00 CET", async () => {
    const flaggedAt = new Date("2026-10-24T10:00:00Z");
    const ticket = await registerP1(c.requester.actor, plus(flaggedAt, -HOUR));
    await act(agent, ticket.id, { type: "flag_security", reason: "Lekkasje" }, flaggedAt);
    const clock = await noticeClock(ticket.id);
    expect(clock.dueAt).toEqual(new Date("2026-10-25T10:00:00Z"));
    const [breach] = await recordSlaTimers({ prisma, payloads: [timer(ticket.id, clock.revision, "breach", clock.dueAt!)], now: new Date("2026-10-25T10:00:00.001Z") });
    expect(breach!.result).toBe("recorded");
  });

  it("the reconciler records a breach-notice breach whose instant passed while no worker ran, and only that clock's", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY);
    await act(agent, ticket.id, { type: "flag_security", reason: "Lekkasje" }, TUESDAY);
    const due = (await noticeClock(ticket.id)).dueAt!;
    const connection = createRedis();
    const slaTimers = new Queue(QUEUES.slaTimers, { connection, prefix: redisPrefix() });
    try {
      // At 19 hours both warnings were missed: recorded once each, also by a second pass (the reconciler finds them by the key the timer writes).
      await reconcileSlaTimers({ prisma, slaTimers, redis: connection, now: plus(TUESDAY, 19 * HOUR) });
      await reconcileSlaTimers({ prisma, slaTimers, redis: connection, now: plus(TUESDAY, 19 * HOUR + MINUTE) });
      expect((await noticeEscalations(ticket.id, "WARNING")).map((w) => w.threshold).sort()).toEqual([0.5, 0.75]);
      expect(await noticeEscalations(ticket.id, "BREACH")).toEqual([]);
      // Reconcile at 25 hours: the breach was missed (the response clock of 10 h is due too: its breach is its own record).
      const at = plus(due, HOUR);
      await reconcileSlaTimers({ prisma, slaTimers, redis: connection, now: at });
      expect(await noticeEscalations(ticket.id, "BREACH")).toHaveLength(1);
      expect((await noticeEscalations(ticket.id, "WARNING")).map((w) => w.threshold).sort()).toEqual([0.5, 0.75]);
      expect(await prisma.escalation.count({ where: { ticketId: ticket.id, kind: "BREACH", clock: { metric: "RESPONSE" } } })).toBe(1);
      await reconcileSlaTimers({ prisma, slaTimers, redis: connection, now: plus(at, MINUTE) });
      expect(await noticeEscalations(ticket.id, "BREACH")).toHaveLength(1);
      expect(await prisma.escalation.count({ where: { ticketId: ticket.id, kind: "BREACH" } })).toBe(2);
    } finally {
      await slaTimers.close();
      connection.disconnect();
    }
  });

  it("silence that closes a solved security incident also sends the RCA report to the customer admins, once", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY);
    await act(agent, ticket.id, { type: "flag_security", reason: "Lekkasje" }, TUESDAY);
    await act(agent, ticket.id, { type: "rca", rootCause: "Feil rolle.", correctiveActions: "Rettet." }, plus(TUESDAY, HOUR));
    await act(agent, ticket.id, { type: "resolve", solution: "Stengt." }, plus(TUESDAY, 2 * HOUR));
    const closesAt = plus(TUESDAY, 26 * HOUR); // the organisation's 24-hour confirmation window has passed
    expect((await autoCloseSolvedTickets({ ctx: ctxAt(closesAt) })).closed).toContain(ticket.reference);
    await autoCloseSolvedTickets({ ctx: ctxAt(plus(closesAt, MINUTE)) });
    const sent = await prisma.notification.findMany({ where: { ticketId: ticket.id, template: "rca-report" }, select: { recipientUserId: true } });
    const admins = await prisma.user.findMany({ where: { organizationId: c.organizationId, role: "CUSTOMER_ADMIN" }, select: { id: true } });
    expect(sent.map((n) => n.recipientUserId).sort()).toEqual(admins.map((a) => a.id).sort());
  });

  it("one batch with both clocks of a ticket records each under its own key, outcomes in the payloads' order", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY);
    await act(agent, ticket.id, { type: "flag_security", reason: "Lekkasje" }, plus(TUESDAY, 14 * HOUR));
    const response = await responseClock(ticket.id);
    const notice = await noticeClock(ticket.id);
    const responseBreach: SlaTimerPayload = { ticketId: ticket.id, metric: "RESPONSE", kind: "breach", revision: response.revision, at: response.dueAt!.toISOString() };
    const noticeWarning = timer(ticket.id, notice.revision, "warning", plus(TUESDAY, 26 * HOUR), 0.5);
    const outcomes = await recordSlaTimers({ prisma, payloads: [noticeWarning, responseBreach, noticeWarning], now: plus(TUESDAY, 26 * HOUR) });
    expect(outcomes.map((o) => o.result)).toEqual(["recorded", "recorded", "duplicate"]);
    expect(await prisma.escalation.count({ where: { ticketId: ticket.id, kind: "BREACH", clock: { metric: "RESPONSE" } } })).toBe(1);
    expect((await noticeEscalations(ticket.id, "WARNING")).map((w) => w.threshold)).toEqual([0.5]);
    expect(await eventsOf(ticket.id, "SLA_BREACHED")).toHaveLength(1);
  });

  it("refuses what makes no sense", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY);
    expect((await rejection(act(agent, ticket.id, { type: "notify_customer", message: "x" }, TUESDAY))).code).toBe("unprocessable");
    await act(agent, ticket.id, { type: "flag_security", reason: "Lekkasje" }, plus(TUESDAY, MINUTE));
    expect((await rejection(act(agent, ticket.id, { type: "notify_customer", message: "x", notifiedAt: plus(TUESDAY, 2 * MINUTE).toISOString() }, plus(TUESDAY, MINUTE)))).code).toBe("unprocessable");
    expect((await rejection(act(agent, ticket.id, { type: "notify_customer", message: "x", notifiedAt: TUESDAY.toISOString() }, plus(TUESDAY, 2 * MINUTE)))).code).toBe("unprocessable");
    expect((await rejection(act(c.adminNb.actor, ticket.id, { type: "notify_customer", message: "x" }, plus(TUESDAY, 2 * MINUTE)))).code).toBe("unprocessable");
    await act(agent, ticket.id, { type: "notify_customer", message: "x" }, plus(TUESDAY, 2 * MINUTE));
    expect((await rejection(act(agent, ticket.id, { type: "notify_customer", message: "y" }, plus(TUESDAY, 3 * MINUTE)))).code).toBe("conflict");
  });
});

describe("who is told, read from a real SMTP server", () => {
  const mail = mailDelivery(prisma, THROTTLE_OFF);
  let agent: Actor;
  let c: Awaited<ReturnType<typeof securityCustomer>>;
  beforeAll(async () => {
    ({ lise: agent } = await seededActors(prisma, ["lise"]));
    c = await securityCustomer({ kind: "without_undue_delay", targetHours: 12 });
  });
  /** The one mail of a template to an address about this test's ticket (earlier tests' notifications are delivered too). */
  let reference = "";
  const only = (email: string, template: string): ReceivedMail => {
    const found = mail.sink.to(email).filter((m) => m.headers.get("x-helpdesk-template") === template && m.subject.includes(reference));
    expect(found, `${template} to ${email}`).toHaveLength(1);
    return found[0]!;
  };

  it("the security contact at the flag and the warning, the customer admins (each in their language) at the notice, and the RCA report as a PDF at the close", async () => {
    const ticket = await registerP1(c.requester.actor, TUESDAY, "Datalekkasje i lønnssystemet");
    reference = ticket.reference;
    const flaggedAt = plus(TUESDAY, 15 * MINUTE);
    await act(agent, ticket.id, { type: "flag_security", reason: "Lønnsdata synlig for uvedkommende" }, flaggedAt);
    await mail.pass(flaggedAt);
    const flagged = only(SECURITY_CONTACT, "security-flagged");
    expect(flagged.subject).toContain(ticket.reference);
    expect(flagged.text).toContain("Lønnsdata synlig for uvedkommende");
    // "Without undue delay": the 12-hour internal target, 22:15 Oslo time.
    expect(flagged.text).toContain("22:15");

    // The first warning at 6 hours (50 %), through the timer machinery: the contact and the 1st-line lead (nobody assigned).
    const clock = await noticeClock(ticket.id);
    const warnAt = plus(flaggedAt, 6 * HOUR);
    expect((await recordSlaTimers({ prisma, payloads: [timer(ticket.id, clock.revision, "warning", warnAt, 0.5)], now: warnAt }))[0]!.result).toBe("recorded");
    // A timer's records carry the instant they were written (never before the real now): deliver after it.
    await mail.pass(AFTER_THE_TIMERS);
    expect(only(SECURITY_CONTACT, "breach-notice-warning").text).toContain("50 %");
    expect(only("lise@servicedesk.example", "breach-notice-warning").subject).toContain(ticket.reference);

    const notifiedAt = plus(flaggedAt, 7 * HOUR);
    await act(agent, ticket.id, { type: "notify_customer", message: "Lønnsdata for 12 ansatte var synlig i 3 timer." }, notifiedAt);
    await mail.pass(notifiedAt);
    const nb = only(c.adminNb.email, "breach-notice-customer");
    const en = only(c.adminEn.email, "breach-notice-customer");
    expect(nb.subject).toBe(`[${ticket.reference}] Varsel om brudd på personopplysningssikkerheten`);
    expect(en.subject).toBe(`[${ticket.reference}] Notice of a personal-data breach`);
    expect(nb.text).toContain("Lønnsdata for 12 ansatte var synlig i 3 timer.");
    expect(en.text).toContain("Lønnsdata for 12 ansatte var synlig i 3 timer.");
    // Not to the end user who registered it.
    expect(mail.sink.to(c.requester.email).filter((m) => m.headers.get("x-helpdesk-template") === "breach-notice-customer")).toEqual([]);
    expect((await eventsOf(ticket.id, "CUSTOMER_NOTIFIED_OF_BREACH"))[0]!.data).toMatchObject({ notifiedAt: notifiedAt.toISOString() });

    // Closing still needs the RCA; then the report goes to the customer admins as a PDF.
    const solvedAt = plus(flaggedAt, 8 * HOUR);
    await act(agent, ticket.id, { type: "resolve", solution: "Tilgangen er stengt." }, solvedAt);
    expect((await rejection(act(c.requester.actor, ticket.id, { type: "confirm" }, plus(solvedAt, MINUTE)))).code).toBe("conflict");
    await act(
      agent,
      ticket.id,
      { type: "rca", rootCause: "Feil i tilgangsstyringen etter oppgradering.", correctiveActions: "Rettet rollen; lagt til test av tilganger i oppgraderingsrutinen." },
      plus(solvedAt, 2 * MINUTE),
    );
    const closedAt = plus(solvedAt, 3 * MINUTE);
    await act(c.requester.actor, ticket.id, { type: "confirm" }, closedAt);
    await mail.pass(closedAt);
    const reportNb = only(c.adminNb.email, "rca-report");
    const reportEn = only(c.adminEn.email, "rca-report");
    expect(reportNb.subject).toBe(`[${ticket.reference}] Rotårsaksanalyse for sikkerhetshendelsen`);
    expect(reportEn.subject).toBe(`[${ticket.reference}] Root-cause analysis of the security incident`);
    for (const [m, name] of [
      [reportNb, `rotaarsaksanalyse-${ticket.reference}.pdf`],
      [reportEn, `root-cause-analysis-${ticket.reference}.pdf`],
    ] as const) {
      expect(m.raw).toMatch(/Content-Type: application\/pdf/i);
      expect(m.raw).toContain(name);
      const pdf = Buffer.from(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/i.exec(m.raw.slice(m.raw.indexOf(name)))![1]!.replace(/\s/g, ""), "base64");
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    }
    expect(mail.sink.to(c.requester.email).filter((m) => m.headers.get("x-helpdesk-template") === "rca-report")).toEqual([]);
  });
});

describe("the SLA timer worker records the breach-notice warning and breach once, at their instants", () => {
  let worker: RunningProcess;
  let agent: Actor;
  let c: Awaited<ReturnType<typeof securityCustomer>>;
  const connection = createRedis();
  beforeAll(async () => {
    ({ lise: agent } = await seededActors(prisma, ["lise"]));
    // A one-minute notice deadline: warnings at 30 and 45 seconds, the breach at 60.
    c = await securityCustomer({ kind: "within_hours", hours: 1 / 60 });
    worker = startSlaTimerWorker({ SECURITY_CONTACT_EMAIL: SECURITY_CONTACT });
    await worker.waitFor(/sla-timers@\S+ running/);
  });
  afterAll(async () => {
    await worker.stop("SIGTERM");
    const slaTimers = new Queue(QUEUES.slaTimers, { connection, prefix: redisPrefix() });
    await slaTimers.obliterate({ force: true });
    await slaTimers.close();
    connection.disconnect();
  });

  const until = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 40_000): Promise<T> => {
    const started = performance.now();
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (performance.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it("warning at 75 % and breach each within a second of their instants, exactly once", { timeout: 60_000 }, async () => {
    // Flagged (as the use case's clock says) 40 s ago: the 75 % warning is due in 5 s, the breach in 20 s.
    const flaggedAt = new Date(Date.now() - 40_000);
    const ticket = await registerP1(c.requester.actor, plus(flaggedAt, -MINUTE));
    await act(agent, ticket.id, { type: "flag_security", reason: "Lekkasje" }, flaggedAt);
    const clock = await noticeClock(ticket.id);
    const warnAt = plus(flaggedAt, 45_000).getTime();
    const dueAt = clock.dueAt!;

    const warnings = await until(
      () => noticeEscalations(ticket.id, "WARNING"),
      (rows) => rows.some((w) => w.threshold === 0.75),
    );
    const w75 = warnings.find((w) => w.threshold === 0.75)!;
    expect(w75.createdAt.getTime() - warnAt).toBeGreaterThanOrEqual(0);
    expect(w75.createdAt.getTime() - warnAt).toBeLessThan(1000);

    const [breach] = await until(
      () => noticeEscalations(ticket.id, "BREACH"),
      (rows) => rows.length > 0,
    );
    expect(breach!.dueAt).toEqual(dueAt);
    expect(breach!.createdAt.getTime() - dueAt.getTime()).toBeGreaterThan(0);
    expect(breach!.createdAt.getTime() - dueAt.getTime()).toBeLessThan(1000);

    await new Promise((r) => setTimeout(r, 1500)); // anything that would fire twice has had its chance
    expect(await noticeEscalations(ticket.id, "BREACH")).toHaveLength(1);
    expect((await noticeEscalations(ticket.id, "WARNING")).map((w) => w.threshold).sort()).toEqual([0.5, 0.75]);
    expect(await eventsOf(ticket.id, "BREACH_NOTICE_BREACHED")).toHaveLength(1);
    expect(await eventsOf(ticket.id, "BREACH_NOTICE_WARNING")).toHaveLength(2);
    expect(await noticeClock(ticket.id)).toMatchObject({ state: "BREACHED", breachedAt: dueAt });
    // The security contact (an address no account has) is told of the breach, by the worker.
    const told = await prisma.notification.findMany({ where: { ticketId: ticket.id, template: "breach-notice-breach" }, select: { address: true, recipient: { select: { email: true } } } });
    expect(told.map((n) => n.address ?? n.recipient!.email).sort()).toEqual(["lise@servicedesk.example", SECURITY_CONTACT]);
    // The response clock (10 hours) is untouched.
    expect((await responseClock(ticket.id)).state).toBe("RUNNING");
  });
});
