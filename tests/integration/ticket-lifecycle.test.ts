import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { QUEUES } from "../../lib/server/jobs/queues";
import { slaTimerJobId, TIMER_GRID_MS } from "../../lib/server/jobs/sla-timer";
import { relayOutbox } from "../../lib/server/outbox/relay";
import { AppError } from "../../lib/server/errors";
import { applyTicketAction, autoCloseSolvedTickets, getStaffTicket, getTicket, registerTicket, type TicketActionRequest, type UseCaseContext } from "../../lib/server/tickets";
import type { Actor } from "../../lib/server/actor";
import { fakeClock, seededActors } from "../support/fixtures";

const prisma = createPrisma();
const connection = createRedis();
const slaTimers = new Queue(QUEUES.slaTimers, { connection, prefix: redisPrefix() });

afterAll(async () => {
  await slaTimers.obliterate({ force: true });
  await slaTimers.close();
  connection.disconnect();
  await prisma.$disconnect();
});

let kari: Actor, ola: Actor, lise: Actor, marte: Actor, ingrid: Actor, vakt: Actor, admin: Actor, per: Actor;
beforeAll(async () => {
  ({ kari, ola, per, lise, marte, vakt, admin, ingrid } = await seededActors(prisma, ["kari", "ola", "per", "lise", "marte", "vakt", "admin", "ingrid"]));
});

function context(start: string) {
  const clock = fakeClock(start);
  const ctx: UseCaseContext = { prisma, now: clock.now };
  const act = (actor: Actor, ticketId: string, action: TicketActionRequest) => applyTicketAction({ actor, input: { ticketId, action }, ctx });
  return { clock, ctx, act };
}

const eventTypes = async (ticketId: string) => (await prisma.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" }, select: { type: true } })).map((e) => e.type);

const storedClock = (ticketId: string) => prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId, metric: "RESPONSE" } } });

const pendingOutbox = (ticketId: string) => prisma.outboxMessage.findMany({ where: { dispatchedAt: null, payload: { path: ["ticketId"], equals: ticketId } }, orderBy: { id: "asc" } });

/** Every timer of the ticket in Redis after relaying the outbox: kind → due instant, delay, revision. */
async function relayAndReadTimers(ticketId: string, now: Date) {
  await relayOutbox({ prisma, slaTimers, now });
  const jobs = (await slaTimers.getJobs(["delayed", "prioritized", "wait", "active"])).filter((job) => job.data.ticketId === ticketId);
  const out: Record<string, { at: string; delay: number; revision: number }> = {};
  for (const job of jobs) {
    const label = job.data.kind === "breach" ? "breach" : `warning-${job.data.threshold}`;
    expect(out[label], `two ${label} timers for one ticket`).toBeUndefined();
    expect(job.id).toBe(slaTimerJobId(ticketId, job.data.kind, job.data.threshold, job.data.revision));
    out[label] = { at: job.data.at, delay: job.opts.delay ?? 0, revision: job.data.revision };
  }
  return out;
}

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

describe("a P3 ticket through its whole life (Netpower ordinary SLA, office hours 08–16 Oslo)", () => {
  it("registers, triages, waits for the customer, resumes on their reply, starts, escalates to 2nd line, is solved, reopened and confirmed", async () => {
    const { clock, ctx, act } = context("2026-11-23T14:00:00Z"); // Monday 15:00 Oslo

    const registered = await registerTicket({ actor: kari, input: { title: "Rapport viser feil tall", description: "Månedsrapporten summerer feil.", priority: "P3" }, ctx });
    const id = registered.id;
    expect(registered).toMatchObject({ priority: "P3", status: "NEW", channel: "PORTAL", line: "L1", organizationId: kari.organizationId, requesterId: kari.userId });
    expect(registered.reference).toMatch(/^NL-2026-\d{6}$/);
    // 1 h on Monday (15–16) + 3 h on Tuesday (08–11): due Tuesday 11:00 Oslo.
    expect(registered.sla.response).toEqual({
      state: "running",
      targetMinutes: 240,
      dueAt: "2026-11-24T10:00:00.000Z",
      businessMinutesLeft: 240,
      businessMinutesUsed: 0,
      breachedAt: null,
    });
    const receipt = await prisma.notification.findFirstOrThrow({ where: { ticketId: id, template: "ticket-receipt" } });
    expect(receipt).toMatchObject({ channel: "EMAIL", recipientUserId: kari.userId, status: "PENDING" });
    expect(receipt.payload).toEqual({ reference: registered.reference, title: "Rapport viser feil tall", priority: "P3", registeredAt: "2026-11-23T14:00:00.000Z" });

    // The timers go to Redis only through the outbox, written in the registering transaction.
    const [scheduled] = await pendingOutbox(id);
    expect(scheduled).toMatchObject({ topic: "sla.schedule" });
    expect(await relayAndReadTimers(id, clock.now())).toEqual({
      "warning-0.5": { at: "2026-11-24T08:00:00.000Z", delay: 18 * 3600_000, revision: 0 },
      "warning-0.75": { at: "2026-11-24T09:00:00.000Z", delay: 19 * 3600_000, revision: 0 },
      "warning-0.9": { at: "2026-11-24T09:36:00.000Z", delay: 19.6 * 3600_000, revision: 0 },
      // A breach is released on the next step of the timer grid strictly after its instant.
      breach: { at: "2026-11-24T10:00:00.000Z", delay: 20 * 3600_000 + TIMER_GRID_MS, revision: 0 },
    });
    expect(await pendingOutbox(id)).toEqual([]);

    clock.set("2026-11-23T14:10:00Z");
    const triaged = await act(lise, id, { type: "triage", assignToMe: true });
    expect(triaged).toMatchObject({ status: "OPEN", assigneeId: lise.userId });
    expect(await pendingOutbox(id)).toEqual([]); // the clock did not change

    clock.set("2026-11-23T14:30:00Z"); // 15:30 Oslo: 30 business minutes used
    // A wait without a message: one with a message is a first public reply and stops the clock (see below).
    const waiting = await act(lise, id, { type: "wait", reason: "Venter på skjermbilde fra kunden" });
    expect(waiting.status).toBe("WAITING_FOR_CUSTOMER");
    expect(waiting.sla.response).toMatchObject({ state: "paused", dueAt: null, businessMinutesUsed: 30, businessMinutesLeft: 210 });
    expect((await pendingOutbox(id)).map((m) => m.topic)).toEqual(["sla.cancel"]);
    expect(await relayAndReadTimers(id, clock.now())).toEqual({}); // pausing removed every timer

    clock.set("2026-11-24T07:30:00Z"); // Tuesday 08:30 Oslo: the customer answers; the pause ends
    const resumed = await act(kari, id, { type: "reply", body: "Her er skjermbildet." });
    expect(resumed.status).toBe("OPEN");
    // 210 minutes left from 08:30: due 12:00 Oslo. Paused time (Mon 15:30–16:00, Tue 08:00–08:30) did not count.
    expect(resumed.sla.response).toMatchObject({ state: "running", dueAt: "2026-11-24T11:00:00.000Z", businessMinutesLeft: 210 });
    expect(await relayAndReadTimers(id, clock.now())).toEqual({
      "warning-0.5": { at: "2026-11-24T09:00:00.000Z", delay: 90 * 60_000, revision: 2 },
      "warning-0.75": { at: "2026-11-24T10:00:00.000Z", delay: 150 * 60_000, revision: 2 },
      "warning-0.9": { at: "2026-11-24T10:36:00.000Z", delay: 186 * 60_000, revision: 2 },
      breach: { at: "2026-11-24T11:00:00.000Z", delay: 210 * 60_000 + TIMER_GRID_MS, revision: 2 },
    });

    clock.set("2026-11-24T08:00:00Z"); // 09:00 Oslo
    const started = await act(lise, id, { type: "start" });
    expect(started.status).toBe("IN_PROGRESS");
    expect(started.sla.response).toMatchObject({ state: "met", dueAt: null, businessMinutesUsed: 60, businessMinutesLeft: 180 });
    expect(await storedClock(id)).toMatchObject({ state: "MET", stoppedAt: new Date("2026-11-24T08:00:00Z"), revision: 3 });
    expect(await relayAndReadTimers(id, clock.now())).toEqual({});
    await expectError(act(lise, id, { type: "start" }), "conflict", /already started/);

    clock.set("2026-11-24T08:10:00Z");
    await act(lise, id, { type: "note", body: "Sjekket rapportmodulen, feilen ligger i summeringen." });
    await act(lise, id, { type: "phone", body: "Ringte Kari, bekreftet hvilke tall som er feil." });
    await expectError(act(kari, id, { type: "note", body: "Kunden kan ikke skrive interne notater" }), "unprocessable", /Only servicedesk staff/);

    clock.set("2026-11-24T09:00:00Z");
    const escalated = await act(lise, id, { type: "escalate", line: "L2", workDone: "Reprodusert i test; summeringen dobbeltteller kreditnotaer." });
    expect(escalated).toMatchObject({ line: "L2", assigneeId: null });
    const escalationNote = await prisma.comment.findFirstOrThrow({ where: { ticketId: id, visibility: "INTERNAL", body: { contains: "dobbeltteller" } } });
    expect(escalationNote.authorId).toBe(lise.userId);
    expect(await prisma.escalation.findFirstOrThrow({ where: { ticketId: id, kind: "LINE" } })).toMatchObject({ fromLine: "L1", toLine: "L2" });
    expect(await prisma.notification.findFirstOrThrow({ where: { ticketId: id, template: "ticket-escalated" } })).toMatchObject({ recipientUserId: marte.userId });
    // Now a 2nd-line ticket: the 1st-line agent still reads it (issue 19) but may not change it; the 2nd line works it.
    expect((await getTicket({ actor: lise, input: { id }, ctx })).id).toBe(id);
    await expectError(act(lise, id, { type: "note", body: "Et notat fra 1. linje" }), "forbidden", /read it, not change it/);
    expect((await getStaffTicket({ actor: marte, input: { id }, ctx })).line).toBe("L2");
    await expectError(act(marte, id, { type: "escalate", line: "L2", workDone: "Escalating to the line it is on" }), "unprocessable", /higher line/);

    clock.set("2026-11-24T13:00:00Z");
    const solved = await act(marte, id, { type: "resolve", solution: "Rettet summeringen; rapporten er kjørt på nytt." });
    expect(solved.status).toBe("SOLVED");
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id } })).confirmationDueAt).toEqual(new Date("2026-11-29T13:00:00Z"));

    clock.set("2026-11-25T08:00:00Z");
    expect((await act(kari, id, { type: "reopen", reason: "Fortsatt feil i novembertallene." })).status).toBe("OPEN");
    clock.set("2026-11-25T10:00:00Z");
    await act(marte, id, { type: "resolve", solution: "Novembertallene er rettet også." });
    clock.set("2026-11-25T12:00:00Z");
    const closed = await act(ola, id, { type: "confirm" }); // the customer admin may confirm for a colleague
    expect(closed.status).toBe("CLOSED");
    expect(closed.sla.response).toMatchObject({ state: "met", businessMinutesUsed: 60 });
    await expectError(act(kari, id, { type: "reopen", reason: "for sent" }), "conflict", /is closed/);

    expect(await eventTypes(id)).toEqual([
      "REGISTERED",
      "TRIAGED",
      "PAUSED",
      "PUBLIC_REPLY",
      "RESUMED",
      "TROUBLESHOOTING_STARTED",
      "INTERNAL_NOTE",
      "PHONE_CALL_LOGGED",
      "ESCALATED",
      "SOLVED",
      "REOPENED",
      "SOLVED",
      "CONFIRMED",
      "CLOSED",
    ]);
  });

  it("a colleague of the requester cannot see the ticket, but their customer admin can", async () => {
    const { ctx } = context("2026-11-23T09:00:00Z");
    const ticket = await registerTicket({ actor: kari, input: { title: "Privat sak", description: "Bare for Kari", priority: "P4" }, ctx });
    await expectError(getTicket({ actor: per, input: { id: ticket.id }, ctx }), "not_found");
    expect((await getTicket({ actor: ola, input: { id: ticket.id }, ctx })).id).toBe(ticket.id);
    await expectError(getTicket({ actor: ingrid, input: { id: ticket.id }, ctx }), "not_found");
  });
});

describe("what stops the response clock: any public message from an agent to the customer (SLA-RULES §2)", () => {
  const register = (ctx: UseCaseContext, title: string) => registerTicket({ actor: kari, input: { title, description: "Svarregelen", priority: "P3" }, ctx });

  it("a wait with a message meets the response target like a reply does", async () => {
    const { clock, ctx, act } = context("2026-11-23T14:00:00Z"); // Monday 15:00 Oslo, P3 due Tuesday 11:00 Oslo
    const waited = await register(ctx, "Venter med melding");
    const replied = await register(ctx, "Svar");
    await relayAndReadTimers(waited.id, clock.now());

    clock.set("2026-11-23T14:30:00Z"); // 15:30 Oslo: 30 business minutes used
    const afterWait = await act(lise, waited.id, { type: "wait", reason: "Venter på skjermbilde fra kunden", message: "Kan du sende et skjermbilde?" });
    const afterReply = await act(lise, replied.id, { type: "reply", body: "Vi ser på det." });

    expect(afterWait.status).toBe("WAITING_FOR_CUSTOMER");
    expect(afterReply.status).toBe("IN_PROGRESS");
    expect(afterWait.sla.response).toEqual({ state: "met", targetMinutes: 240, dueAt: null, businessMinutesUsed: 30, businessMinutesLeft: 210, breachedAt: null });
    expect(afterWait.sla.response).toEqual(afterReply.sla.response);
    expect(await storedClock(waited.id)).toMatchObject({ state: "MET", stoppedAt: new Date("2026-11-23T14:30:00Z"), dueAt: null });
    expect(await eventTypes(waited.id)).toEqual(["REGISTERED", "PUBLIC_REPLY", "TROUBLESHOOTING_STARTED", "PAUSED"]);
    expect((await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: waited.id, type: "TROUBLESHOOTING_STARTED" } })).data).toEqual({ cause: "first_reply" });
    expect(await relayAndReadTimers(waited.id, clock.now())).toEqual({}); // the clock stopped: no warning or breach left

    // The customer's answer ends the wait but does not restart the clock; an explicit start finds it started.
    clock.set("2026-11-24T07:30:00Z");
    const answered = await act(kari, waited.id, { type: "reply", body: "Her er skjermbildet." });
    expect(answered.status).toBe("OPEN");
    expect(answered.sla.response).toMatchObject({ state: "met", businessMinutesUsed: 30 });
    await expectError(act(lise, waited.id, { type: "start" }), "conflict", /already started/);
  });

  it("a wait with a message after the due instant is a late first reply, breached like a late reply", async () => {
    const { clock, ctx, act } = context("2026-11-23T14:00:00Z");
    const waited = await register(ctx, "Sen venting");
    const replied = await register(ctx, "Sent svar");
    clock.set("2026-11-24T10:15:00Z"); // Tuesday 11:15 Oslo: 15 business minutes after the due instant
    const afterWait = await act(lise, waited.id, { type: "wait", reason: "Venter på kunden", message: "Hva ser du nå?" });
    const afterReply = await act(lise, replied.id, { type: "reply", body: "Hva ser du nå?" });
    expect(afterWait.sla.response).toMatchObject({ state: "breached", businessMinutesUsed: 255, breachedAt: "2026-11-24T10:00:00.000Z" });
    expect(afterWait.sla.response).toEqual(afterReply.sla.response);
  });

  it("a wait without a message still only pauses the clock", async () => {
    const { clock, ctx, act } = context("2026-11-23T14:00:00Z");
    const ticket = await register(ctx, "Venter uten melding");
    clock.set("2026-11-23T14:30:00Z");
    const waiting = await act(lise, ticket.id, { type: "wait", reason: "Venter på tilgang" });
    expect(waiting.sla.response).toMatchObject({ state: "paused", businessMinutesUsed: 30, businessMinutesLeft: 210 });
    expect(await eventTypes(ticket.id)).toEqual(["REGISTERED", "PAUSED"]);
  });
});

describe("a P1 ticket through its whole life (Netpower extended SLA: 30 minutes, 24/7)", () => {
  it("is registered on a Saturday night, met by on-call, flagged as a security incident, and closes only after its root-cause analysis", async () => {
    const { clock, ctx, act } = context("2026-11-28T22:50:00Z"); // Saturday 23:50 Oslo
    const registered = await registerTicket({ actor: ingrid, input: { title: "Ingen får logget inn", description: "Hele systemet nede.", priority: "P1" }, ctx });
    const id = registered.id;
    expect(registered.reference).toMatch(/^FV-2026-\d{6}$/);
    expect(registered.sla.response).toMatchObject({ state: "running", targetMinutes: 30, dueAt: "2026-11-28T23:20:00.000Z" });
    const mobilised = await prisma.notification.findMany({ where: { ticketId: id, template: "p1-registered", channel: "EMAIL" }, select: { recipient: { select: { email: true } } } });
    expect(mobilised.map((n) => n.recipient!.email).sort()).toEqual(["erik@servicedesk.example", "marte@servicedesk.example"]);
    expect(await prisma.escalation.count({ where: { ticketId: id, kind: "ONCALL_PAGE" } })).toBe(1);
    expect(await relayAndReadTimers(id, clock.now())).toEqual({
      "warning-0.5": { at: "2026-11-28T23:05:00.000Z", delay: 15 * 60_000, revision: 0 },
      "warning-0.75": { at: "2026-11-28T23:12:30.000Z", delay: 22.5 * 60_000, revision: 0 },
      "warning-0.9": { at: "2026-11-28T23:17:00.000Z", delay: 27 * 60_000, revision: 0 },
      breach: { at: "2026-11-28T23:20:00.000Z", delay: 30 * 60_000 + TIMER_GRID_MS, revision: 0 },
    });

    clock.set("2026-11-28T23:10:00Z");
    // The 1st-line queue, the on-call person and the provider admin see a P1; so does the requester.
    expect((await getTicket({ actor: vakt, input: { id }, ctx })).sla.response).toMatchObject({ state: "running", businessMinutesLeft: 10, businessMinutesUsed: 20 });
    const started = await act(vakt, id, { type: "start" });
    expect(started).toMatchObject({ status: "IN_PROGRESS", assigneeId: vakt.userId });
    expect(started.sla.response).toMatchObject({ state: "met", businessMinutesUsed: 20 });
    expect(await relayAndReadTimers(id, clock.now())).toEqual({});

    clock.set("2026-11-28T23:15:00Z");
    expect((await act(vakt, id, { type: "flag_security", reason: "Mulig kompromittert administratorkonto" })).securityIncident).toBe(true);
    clock.set("2026-11-29T02:00:00Z");
    await act(vakt, id, { type: "resolve", solution: "Kontoen er sperret og passord rullert; innlogging virker igjen." });

    clock.set("2026-11-29T03:00:00Z");
    await expectError(act(ingrid, id, { type: "confirm" }), "conflict", /root-cause analysis/);
    clock.set("2026-11-29T09:00:00Z");
    await act(admin, id, { type: "rca", rootCause: "Gjenbrukt passord uten MFA.", correctiveActions: "MFA påkrevd for alle administratorer." });
    clock.set("2026-11-29T09:30:00Z");
    expect((await act(ingrid, id, { type: "confirm" })).status).toBe("CLOSED");

    expect(await eventTypes(id)).toEqual([
      "REGISTERED",
      "ESCALATED", // P1: the 2nd- and 3rd-line leads are mobilised at once (000 §5.5)
      "ESCALATED", // outside office hours, on the 24/7 option: the on-call person is paged
      "TROUBLESHOOTING_STARTED",
      "SECURITY_FLAGGED",
      "SOLVED",
      "RCA_RECORDED",
      "CONFIRMED",
      "CLOSED",
    ]);
  });

  it("raising a P3 to P1 after its new target ran out recomputes from registration: breached at once, with a breach timer due now", async () => {
    const { clock, ctx, act } = context("2026-11-23T08:00:00Z"); // Monday 09:00 Oslo, ordinary SLA
    const ticket = await registerTicket({ actor: per, input: { title: "Treg innlogging", description: "Tar lang tid.", priority: "P3" }, ctx });
    await relayOutbox({ prisma, slaTimers, now: clock.now() });
    clock.set("2026-11-23T09:15:00Z"); // 75 business minutes later
    const raised = await act(lise, ticket.id, { type: "priority", priority: "P1", reason: "Ingen kan logge inn: hele systemet nede" });
    expect(raised.priority).toBe("P1");
    expect(raised.sla.response).toMatchObject({ state: "breached", targetMinutes: 60, breachedAt: "2026-11-23T09:00:00.000Z", businessMinutesLeft: 0 });
    expect(await storedClock(ticket.id)).toMatchObject({ state: "BREACHED", breachedAt: new Date("2026-11-23T09:00:00Z"), revision: 1 });
    expect(await relayAndReadTimers(ticket.id, clock.now())).toEqual({ breach: { at: "2026-11-23T09:00:00.000Z", delay: 0, revision: 1 } });
  });

  it("reclassifying takes a ticket out of SLA measurement with its reason", async () => {
    const { ctx, act } = context("2026-11-23T08:00:00Z");
    const ticket = await registerTicket({ actor: kari, input: { title: "Bruker mangler", description: "Ny ansatt finnes ikke.", priority: "P2" }, ctx });
    const reclassified = await act(lise, ticket.id, { type: "reclassify", reason: "Feil i kundens AD-synkronisering (SCIM), ikke applikasjonsfeil" });
    expect(reclassified.slaExclusionReason).toMatch(/SCIM/);
    expect(reclassified.sla.response).toMatchObject({ state: "excluded", dueAt: null });
    expect(await storedClock(ticket.id)).toMatchObject({ state: "EXCLUDED" });
  });
});

describe("confirmation window", () => {
  it("silence closes a solved ticket after the window; a security incident without RCA waits; running twice closes once", async () => {
    const { clock, ctx, act } = context("2026-11-23T08:00:00Z");
    const plain = await registerTicket({ actor: kari, input: { title: "Skriver", description: "Skriver virker ikke", priority: "P4" }, ctx });
    const security = await registerTicket({ actor: kari, input: { title: "Phishing", description: "Mistenkelig e-post", priority: "P2" }, ctx });
    await act(lise, plain.id, { type: "resolve", solution: "Driver installert." });
    await act(lise, security.id, { type: "flag_security", reason: "Phishing-forsøk" });
    await act(lise, security.id, { type: "resolve", solution: "E-posten er slettet." });

    clock.set("2026-11-28T07:59:59Z"); // 1 s before the 120-hour window ends
    expect((await autoCloseSolvedTickets({ ctx })).closed).not.toContain(plain.reference);

    clock.set("2026-11-28T08:00:00Z");
    const first = await autoCloseSolvedTickets({ ctx });
    expect(first.closed).toContain(plain.reference);
    expect(first.closed).not.toContain(security.reference);
    expect((await autoCloseSolvedTickets({ ctx })).closed).toEqual([]);
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({ status: "CLOSED", closedAt: new Date("2026-11-28T08:00:00Z") });
    expect((await eventTypes(plain.id)).at(-1)).toBe("CLOSED");
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: security.id } })).status).toBe("SOLVED");
    await expectError(act(kari, security.id, { type: "reopen", reason: "Fikk en til" }), "conflict", /confirmation window/);
  });
});
