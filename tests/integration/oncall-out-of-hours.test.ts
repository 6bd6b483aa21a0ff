/**
 * Who is paged follows the ticket's agreement and calendar (issue 18): the use cases at chosen
 * instants against real PostgreSQL, then the SLA timer worker as it runs in production (a separate
 * process on real Redis) doing the same from the outbox.
 *
 * Instants: 2031 and later have no seeded rota (the seed covers the weeks after it runs); each test
 * adds the shifts it needs, and the empty-rota test deletes any in its window.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import type { Actor } from "../../lib/server/actor";
import { applyTicketAction, registerTicket } from "../../lib/server/tickets";
import { recordSlaTimers } from "../../lib/server/sla-timers/handle-sla-timer";
import type { SlaTimerPayload } from "../../lib/server/jobs/sla-timer";
import { acknowledgePage, addShift, handleOnCallCheck, ONCALL_SWEEP_JOB, sweepOnCallCases, type OnCallConfig } from "../../lib/server/oncall";
import { createAgreementVersion } from "../../lib/server/admin";
import { listOutOfHoursWork } from "../../lib/server/oncall/out-of-hours-work";
import { outOfHoursCsv } from "../../lib/server/oncall/out-of-hours-csv";
import { actorByEmail, rejection, seededActors } from "../support/fixtures";
import { testCustomer } from "../support/test-customer";
import { startBackgroundWorker, startSlaTimerWorker, type RunningProcess } from "../support/processes";

const prisma = createPrisma();
const config: OnCallConfig = { renotifyMinutes: 5, noticesPerPerson: 2, appUrl: "https://helpdesk.example" };
const MIN = 60_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);
let admin: Actor, vakt: Actor, jonas: Actor, lise: Actor, erik: Actor, ingrid: Actor, kari: Actor, nightless: Actor, breacher: Actor;

beforeAll(async () => {
  ({ admin, vakt, jonas, lise, erik, ingrid, kari } = await seededActors(prisma, ["admin", "vakt", "jonas", "lise", "erik", "ingrid", "kari"]));
  // A Netpower ordinary customer that bought no on-call option.
  const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { agreementId: true } });
  const org = await prisma.organization.create({ data: { slug: "uten-vakt", name: "Uten Vakt AS", ticketPrefix: "UV", agreementId: nordlys.agreementId, onCallOption: "NONE" } });
  await prisma.user.create({ data: { email: "natt@uten-vakt.example", name: "Natt Bruker", role: "END_USER", organizationId: org.id } });
  nightless = await actorByEmail(prisma, "natt@uten-vakt.example");
  // A customer whose P2 (1 h, 24/7) breach pages on-call.
  await testCustomer(prisma, {
    key: "test-oncall-breach",
    agreementName: "P2 in one hour, breach pages",
    slug: "test-oncall-breach",
    name: "Brudd Vakt AS",
    ticketPrefix: "BV",
    target: { priority: "P2", minutes: 60 },
    warningThresholds: [0.5],
    escalationRules: { breach: { page: true } },
    users: [["brudd@test.example", "END_USER"]],
  });
  breacher = await actorByEmail(prisma, "brudd@test.example");
  // Fjordvik's SMS gateway takes on-call pages: a page goes by e-mail and webhook.
  await prisma.webhookEndpoint.create({
    data: { name: "out-of-hours-sms", organizationId: ingrid.organizationId, url: "http://127.0.0.1:9/sms", secretEncrypted: "unused-in-this-test", templates: ["oncall-page"] },
  });
});
afterAll(async () => {
  await prisma.$disconnect();
});

const register = (actor: Actor, priority: "P1" | "P2" | "P3" | "P4", iso: string, title = `Sak ${priority} ${iso}`) =>
  registerTicket({ actor, input: { title, description: "Test av vakt.", priority }, ctx: { prisma, now: () => at(iso) } });

/** vakt primary and jonas backup over [from, to). */
async function rota(from: string, to: string) {
  await addShift({ prisma, actor: admin, input: { userId: vakt.userId, startsAt: from, endsAt: to, position: 0 }, now: at(from) });
  await addShift({ prisma, actor: admin, input: { userId: jonas.userId, startsAt: from, endsAt: to, position: 1 }, now: at(from) });
}

const pagesOf = (ticketId: string) => prisma.escalation.findMany({ where: { ticketId, kind: "ONCALL_PAGE" }, orderBy: { createdAt: "asc" } });
const noticesOf = (escalationId: string) => prisma.notification.findMany({ where: { template: "oncall-page", dedupeKey: { startsWith: `oncall-${escalationId}-` } }, orderBy: { dedupeKey: "asc" } });
/** The out-of-hours sweep at an instant (what the worker's job does on that minute). */
const sweep = (iso: string, now = iso) => sweepOnCallCases({ prisma, at: at(iso), now: at(now), config });

async function breachPayload(ticketId: string): Promise<SlaTimerPayload> {
  const clock = await prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId, metric: "RESPONSE" } } });
  const timer = (clock.timers as Array<SlaTimerPayload & { jobId: string }>).find((t) => t.kind === "breach")!;
  const { jobId: _jobId, ...payload } = timer;
  return payload;
}

describe("who is paged, by the ticket's agreement and calendar", () => {
  it("an extended P2 registered at 02:00 pages the on-call person at once, by e-mail and the SMS gateway, once", async () => {
    await rota("2031-01-13T23:00:00Z", "2031-01-14T07:00:00Z"); // the night to Tuesday 14 January 2031
    const ticket = await register(ingrid, "P2", "2031-01-14T01:00:00Z"); // 02:00 Oslo
    const [page, ...more] = await pagesOf(ticket.id);
    expect(more).toEqual([]);
    expect(page).toMatchObject({ dedupeKey: `oncall:${ticket.id}:out_of_hours`, status: "NOTIFIED", targetUserId: vakt.userId, createdAt: at("2031-01-14T01:00:00Z") });
    expect((await noticesOf(page!.id)).map((n) => [n.channel, n.recipientUserId])).toEqual([
      ["EMAIL", vakt.userId],
      ["WEBHOOK", vakt.userId],
    ]);
    // the same ticket checked again (a worker running twice): still one page
    expect(await sweep("2031-01-14T01:01:00Z")).not.toContain(ticket.id);
    expect(await pagesOf(ticket.id)).toHaveLength(1);
  });

  it("an extended P3 (08–22 every day) on a Saturday at 10:00 pages; a P4 on the same agreement does not", async () => {
    await rota("2031-01-18T07:00:00Z", "2031-01-18T21:00:00Z"); // Saturday 18 January 2031
    const p3 = await register(ingrid, "P3", "2031-01-18T09:00:00Z");
    expect((await pagesOf(p3.id)).map((p) => [p.dedupeKey, p.targetUserId])).toEqual([[`oncall:${p3.id}:out_of_hours`, vakt.userId]]);
    const p4 = await register(ingrid, "P4", "2031-01-18T09:00:00Z");
    expect(await pagesOf(p4.id)).toEqual([]);
    expect(await sweep("2031-01-18T09:01:00Z")).not.toContain(p4.id);
  });

  it("a P1 registered at 15:55 is paged when the office closes at 16:00, and not if work started before", async () => {
    await rota("2031-01-21T15:00:00Z", "2031-01-21T21:00:00Z"); // Tuesday 21 January 2031, 16–22 Oslo
    const ticket = await register(kari, "P1", "2031-01-21T14:55:00Z"); // Nordlys: ordinary agreement, the vakttelefon option
    expect(await pagesOf(ticket.id)).toEqual([]);
    expect(await sweep("2031-01-21T14:59:00Z")).toEqual([]); // 15:59: the office is open, nothing is read
    expect(await pagesOf(ticket.id)).toEqual([]);
    expect(await sweep("2031-01-21T15:00:00Z")).toContain(ticket.id); // 16:00
    expect(await sweep("2031-01-21T15:00:00Z", "2031-01-21T15:00:01Z")).not.toContain(ticket.id); // run twice
    expect(await sweep("2031-01-21T15:01:00Z")).not.toContain(ticket.id);
    const pages = await pagesOf(ticket.id);
    expect(pages.map((p) => [p.dedupeKey, p.targetUserId, p.createdAt])).toEqual([[`oncall:${ticket.id}:out_of_hours`, vakt.userId, at("2031-01-21T15:00:00Z")]]);
    expect(await noticesOf(pages[0]!.id)).toHaveLength(1); // Nordlys has no SMS gateway: e-mail

    // The same at 15:55 the next day, but troubleshooting starts at 15:58: nobody is woken at 16:00.
    const handled = await register(kari, "P1", "2031-01-22T14:55:00Z");
    await applyTicketAction({ actor: erik, input: { ticketId: handled.id, action: { type: "start" } }, ctx: { prisma, now: () => at("2031-01-22T14:58:00Z") } });
    expect(await sweep("2031-01-22T15:00:00Z")).not.toContain(handled.id);
    expect(await pagesOf(handled.id)).toEqual([]);
  });

  it("a breach configured to page pages at night, and not in office hours", async () => {
    await rota("2031-01-27T23:00:00Z", "2031-01-28T07:00:00Z"); // the night to Tuesday 28 January 2031
    const night = await register(breacher, "P2", "2031-01-28T01:00:00Z");
    const breach = await breachPayload(night.id);
    expect(breach.at).toBe("2031-01-28T02:00:00.000Z");
    const recordedAt = at("2031-01-28T02:00:00.100Z");
    expect((await recordSlaTimers({ prisma, payloads: [breach], now: recordedAt }))[0]).toMatchObject({ result: "recorded" });
    expect((await recordSlaTimers({ prisma, payloads: [breach], now: plus(recordedAt, 1) }))[0]).toEqual({ result: "duplicate" }); // delivered twice
    const pages = await pagesOf(night.id);
    expect(pages.map((p) => [p.dedupeKey, p.createdAt])).toEqual([
      [`oncall:${night.id}:out_of_hours`, at("2031-01-28T01:00:00Z")],
      [`oncall:${night.id}:breach`, recordedAt],
    ]);

    // 11:00 Oslo, breach at 12:00: the office is open, the assignee and leads are told, nobody is paged.
    const day = await register(breacher, "P2", "2031-01-28T10:00:00Z");
    const dayBreach = await breachPayload(day.id);
    expect((await recordSlaTimers({ prisma, payloads: [dayBreach], now: at("2031-01-28T11:00:00.100Z") }))[0]).toMatchObject({ result: "recorded" });
    expect(await pagesOf(day.id)).toEqual([]);
  });

  it("a new version made in the admin form keeps the paging rule it has no field for", async () => {
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "test-oncall-breach" }, include: { versions: { include: { targets: true } } } });
    const calendarId = agreement.versions[0]!.targets[0]!.calendarId;
    const version = await createAgreementVersion({
      actor: admin,
      input: {
        agreementId: agreement.id,
        label: "v2",
        validFrom: "2040-01-01T00:00",
        targets: { P1: { minutes: null, calendarId }, P2: { minutes: 60, calendarId }, P3: { minutes: null, calendarId }, P4: { minutes: null, calendarId } },
        warningPercents: [50],
        minWithinTargetPercent: 90,
        escalation: { warning: ["assignee"], breach: ["assignee", "lineLead"], moveToNextLine: false },
      },
      ctx: { prisma, now: () => at("2039-12-01T09:00:00Z") },
    });
    expect((await prisma.agreementVersion.findUniqueOrThrow({ where: { id: version.id } })).escalationRules).toEqual({
      warning: { notify: ["assignee"] },
      breach: { notify: ["assignee", "lineLead"], moveToNextLine: false, page: true },
    });
  });

  it("a customer without the on-call option is never paged outside its agreement, day or night", async () => {
    for (const iso of ["2031-01-21T19:00:00Z", "2031-01-22T01:00:00Z", "2031-01-25T10:00:00Z", "2031-01-21T14:55:00Z"]) {
      for (const priority of ["P1", "P2"] as const) {
        const ticket = await register(nightless, priority, iso);
        expect(await pagesOf(ticket.id)).toEqual([]);
        expect(await sweep(iso)).not.toContain(ticket.id);
        expect(await sweep("2031-01-25T10:00:00Z", "2031-01-25T10:00:00Z")).not.toContain(ticket.id); // and on the Saturday after
      }
    }
  });

  it("acknowledgement stops the re-sends", async () => {
    await rota("2031-02-03T23:00:00Z", "2031-02-04T07:00:00Z");
    const ticket = await register(ingrid, "P1", "2031-02-04T01:00:00Z");
    const [page] = await pagesOf(ticket.id);
    const pagedAt = at("2031-02-04T01:00:00Z");
    expect(await handleOnCallCheck({ prisma, payload: { escalationId: page!.id, attempt: 1 }, now: plus(pagedAt, 5), config })).toMatchObject({ outcome: "notified", attempt: 2 });
    const sent = (await noticesOf(page!.id)).length;
    await acknowledgePage({ prisma, by: { actor: vakt }, escalationId: page!.id, now: plus(pagedAt, 7) });
    expect(await handleOnCallCheck({ prisma, payload: { escalationId: page!.id, attempt: 2 }, now: plus(pagedAt, 10), config })).toEqual({ outcome: "noop" });
    expect(await noticesOf(page!.id)).toHaveLength(sent);
    expect(await prisma.escalation.findUniqueOrThrow({ where: { id: page!.id } })).toMatchObject({
      status: "ACKNOWLEDGED",
      acknowledgedAt: plus(pagedAt, 7),
      acknowledgedById: vakt.userId,
      dueAt: null,
    });
  });

  it("records the out-of-hours work per ticket and per customer and month, and exports it as CSV in both languages", async () => {
    // February 2031 holds one page: the acknowledged P1 of the test before (Fjordvik, 02:00 on 4 February).
    const view = await listOutOfHoursWork({ prisma, actor: admin, month: "2031-02" });
    expect(view.pages).toHaveLength(1);
    const [page] = view.pages;
    expect(page).toMatchObject({
      organization: { name: "Fjordvik Logistikk AS" },
      ticket: { priority: "P1" },
      reason: "out_of_hours",
      pagedAt: at("2031-02-04T01:00:00Z"),
      paged: [{ userId: vakt.userId, name: "Vilde Vakt (vakttelefon)" }],
      fallback: false,
      notices: 2,
      acknowledgedAt: at("2031-02-04T01:07:00Z"),
      acknowledgedBy: "Vilde Vakt (vakttelefon)",
      minutesToAcknowledge: 7,
    });
    expect(view.organizations).toEqual([{ id: ingrid.organizationId, name: "Fjordvik Logistikk AS", pages: 1, acknowledged: 1, minutesToAcknowledge: 7 }]);
    // January 2031 (Oslo time) holds the pages of the tests above, per customer.
    const january = await listOutOfHoursWork({ prisma, actor: admin, month: "2031-01" });
    expect(january.organizations.map((o) => [o.name, o.pages, o.acknowledged])).toEqual([
      ["Brudd Vakt AS", 2, 0],
      ["Fjordvik Logistikk AS", 2, 0],
      ["Nordlys Eiendom AS", 1, 0],
    ]);
    expect(january.pages.find((p) => p.reason === "breach")?.ticket.reference).toMatch(/^BV-/);

    const nb = outOfHoursCsv(view, "nb").split("\r\n");
    expect(nb[0]).toBe("\uFEFFKunde;Sak;Prioritet;Årsak;Varslet;Varslet til;Varsler sendt;Bekreftet;Bekreftet av;Minutter til bekreftelse");
    expect(nb[1]).toBe(`Fjordvik Logistikk AS;${page!.ticket.reference};P1;Utenfor kontortid;2031-02-04 02:00;Vilde Vakt (vakttelefon);2;2031-02-04 02:07;Vilde Vakt (vakttelefon);7`);
    expect(nb).toContain("Fjordvik Logistikk AS;2031-02;1;1;7");
    const en = outOfHoursCsv(view, "en").split("\r\n");
    expect(en[0]).toBe("\uFEFFCustomer,Ticket,Priority,Reason,Paged,Paged to,Notices sent,Acknowledged,Acknowledged by,Minutes to acknowledge");
    expect(en[1]).toContain(",Outside office hours,2031-02-04 02:00,");

    // Only the provider admins see it.
    expect((await rejection(listOutOfHoursWork({ prisma, actor: vakt, month: "2031-02" }))).code).toBe("unprocessable");
  });

  it("an empty rota pages the fallback: the provider admins and 1st-line leads", async () => {
    await prisma.onCallShift.deleteMany({ where: { startsAt: { lt: at("2035-03-07T00:00:00Z") }, endsAt: { gt: at("2035-03-06T00:00:00Z") } } });
    const ticket = await register(ingrid, "P2", "2035-03-06T01:00:00Z"); // Tuesday 02:00 Oslo, nobody on call
    const [page] = await pagesOf(ticket.id);
    expect(page).toMatchObject({ targetUserId: null, status: "NOTIFIED" });
    const told = new Set((await noticesOf(page!.id)).map((n) => n.recipientUserId));
    expect([...told]).toEqual(expect.arrayContaining([admin.userId, lise.userId]));
    expect(told.has(vakt.userId)).toBe(false);
    const event = await prisma.ticketEvent.findFirst({ where: { ticketId: ticket.id, type: "ESCALATED", data: { path: ["kind"], equals: "oncall_page" } } });
    expect(event?.data).toMatchObject({ targetUserId: null, fallback: "nobody_on_call" });
  });
});

describe("the workers page: the background worker's sweep at the office's closing, the SLA timer worker at a breach", () => {
  let worker: RunningProcess;
  let background: RunningProcess;
  const connection = createRedis();
  const slaTimers = new Queue(QUEUES.slaTimers, { connection, prefix: redisPrefix() });
  const system = new Queue(QUEUES.system, { connection, prefix: redisPrefix() });
  beforeAll(async () => {
    // The SLA timer worker relays the outbox and records the breach; the background worker runs the closing check.
    worker = startSlaTimerWorker();
    background = startBackgroundWorker();
    await worker.waitFor(/sla-timers@\S+ running/, 50_000);
    await background.waitFor(/background@\S+ running/, 50_000);
  });
  afterAll(async () => {
    await worker.stop("SIGTERM");
    await background.stop("SIGTERM");
    await system.obliterate({ force: true });
    await system.close();
    await slaTimers.obliterate({ force: true });
    await slaTimers.close();
    connection.disconnect();
  });

  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const started = performance.now();
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (performance.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}\n${worker.output()}\n${background.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("a P1 registered at 15:55 is paged by the sweep at 16:00, and a night breach configured to page pages", async () => {
    // The P1 is registered in the future (a Tuesday 15:55), so the worker's own every-minute sweep
    // (at the wall clock's minute) never sees it: only the sweep of that day's 16:00 can page it.
    // The breach is behind the wall clock, so its timer is due at once.
    const closing = await register(kari, "P1", "2035-11-20T14:55:00Z", "Lukkes 16:00");
    const night = await register(breacher, "P2", "2026-11-25T01:00:00Z", "Brudd om natten");
    expect(await pagesOf(closing.id)).toEqual([]);
    await system.add(ONCALL_SWEEP_JOB, { at: "2035-11-20T14:59:00.000Z" });
    await new Promise((r) => setTimeout(r, 1500)); // the office is still open at 15:59: nothing
    expect(await pagesOf(closing.id)).toEqual([]);
    await system.add(ONCALL_SWEEP_JOB, { at: "2035-11-20T15:00:00.000Z" });
    const closingPages = await until(
      () => pagesOf(closing.id),
      (rows) => rows.length > 0,
    );
    expect(closingPages.map((p) => p.dedupeKey)).toEqual([`oncall:${closing.id}:out_of_hours`]);
    const nightPages = await until(
      () => pagesOf(night.id),
      (rows) => rows.length > 1,
    );
    expect(nightPages.map((p) => p.dedupeKey).sort()).toEqual([`oncall:${night.id}:breach`, `oncall:${night.id}:out_of_hours`]);
    await new Promise((r) => setTimeout(r, 1500)); // anything that would page twice has had its chance
    expect(await pagesOf(closing.id)).toHaveLength(1);
    expect(await pagesOf(night.id)).toHaveLength(2);
  });
});
