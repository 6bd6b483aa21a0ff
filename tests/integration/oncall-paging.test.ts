import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import type { Actor } from "../../lib/server/actor";
import { registerTicket } from "../../lib/server/tickets";
import { hashAckToken } from "../../lib/server/oncall/ack-token";
import { ONCALL_CHECK_JOB, acknowledgePage, addShift, handleOnCallCheck, listPagesFor, overdueOnCallChecks, pageOnCall, readAckLink, type OnCallConfig } from "../../lib/server/oncall";
import { rejection, seededActors } from "../support/fixtures";

const prisma = createPrisma();
const config: OnCallConfig = { renotifyMinutes: 5, noticesPerPerson: 2, appUrl: "https://helpdesk.example" };
const MIN = 60_000;
let admin: Actor, vakt: Actor, lise: Actor, jonas: Actor, kari: Actor, ingrid: Actor;

beforeAll(async () => {
  ({ admin, vakt, lise, jonas, kari, ingrid } = await seededActors(prisma, ["admin", "vakt", "lise", "jonas", "kari", "ingrid"]));
  // An SMS gateway that takes on-call pages for Fjordvik's tickets: pages then go by e-mail and webhook.
  await prisma.webhookEndpoint.create({
    data: { name: "oncall-paging-test-sms", organizationId: ingrid.organizationId, url: "http://127.0.0.1:9/sms", secretEncrypted: "unused-in-this-test", templates: ["oncall-page"] },
  });
});
afterAll(async () => {
  await prisma.webhookEndpoint.deleteMany({ where: { name: "oncall-paging-test-sms" } });
  await prisma.$disconnect();
});

const at = (iso: string) => new Date(iso);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);

/**
 * A P1 from Fjordvik (extended SLA) registered in `now`'s year during office hours (Tuesday 7
 * January, 10:00 Oslo), so registration itself pages nobody and each test pages explicitly.
 */
const p1 = (now: Date, title = "Serveren svarer ikke") => {
  const registeredAt = new Date(`${now.getUTCFullYear()}-01-07T09:00:00Z`);
  return registerTicket({ actor: ingrid, input: { title, description: "Hele miljøet er nede.", priority: "P1" }, ctx: { prisma, now: () => registeredAt } });
};

/** vakt primary and jonas backup over [from, to). */
async function rota(from: string, to: string) {
  await addShift({ prisma, actor: admin, input: { userId: vakt.userId, startsAt: from, endsAt: to, position: 0 }, now: at(from) });
  await addShift({ prisma, actor: admin, input: { userId: jonas.userId, startsAt: from, endsAt: to, position: 1 }, now: at(from) });
}

/**
 * Who is paged when nobody (more) is on call: every active provider admin and 1st-line lead —
 * read from the database, since other test files of the run add users of their own.
 */
async function fallbackUserIds(): Promise<string[]> {
  const users = await prisma.user.findMany({
    where: { deactivatedAt: null, OR: [{ role: "PROVIDER_ADMIN" }, { role: "AGENT", supportLine: "L1", isLineLead: true }] },
    select: { id: true },
  });
  expect(users.map((u) => u.id)).toEqual(expect.arrayContaining([admin.userId, lise.userId]));
  return users.map((u) => u.id);
}

const page = (ticketId: string, now: Date, reason = "p1_outside_office_hours") => prisma.$transaction((tx) => pageOnCall(tx, { ticketId, reason, now, config }));
const check = (escalationId: string, attempt: number, now: Date) => handleOnCallCheck({ prisma, payload: { escalationId, attempt }, now, config });
const escalation = (id: string) => prisma.escalation.findUniqueOrThrow({ where: { id } });

const pageNotifications = (escalationId: string, attempt?: number) =>
  prisma.notification.findMany({
    where: { template: "oncall-page", dedupeKey: { startsWith: `oncall-${escalationId}-${attempt === undefined ? "" : `${attempt}-`}` } },
    orderBy: [{ createdAt: "asc" }, { dedupeKey: "asc" }],
  });
const pageEvents = (ticketId: string, escalationId: string) =>
  prisma.ticketEvent.findMany({ where: { ticketId, type: "ESCALATED", data: { path: ["escalationId"], equals: escalationId } }, orderBy: { id: "asc" } });
const checkJobs = (escalationId: string) =>
  prisma.outboxMessage.findMany({ where: { topic: "job.schedule", payload: { path: ["data", "escalationId"], equals: escalationId } }, orderBy: { id: "asc" } });

/** The plain token of the latest notice, read from its acknowledgement link. */
async function latestToken(escalationId: string): Promise<string> {
  const rows = await pageNotifications(escalationId);
  const url = (rows.at(-1)!.payload as { ackUrl: string }).ackUrl;
  return url.slice(url.lastIndexOf("/") + 1);
}

describe("paging the on-call person", () => {
  it("a P1 page is one escalation with e-mail and webhook notices carrying a working link, an event and the check in the outbox", async () => {
    await rota("2031-03-08T08:00:00Z", "2031-03-08T21:00:00Z"); // Saturday 09–22 Oslo
    const now = at("2031-03-08T09:00:00Z");
    const ticket = await p1(now);
    const id = await page(ticket.id, now);
    expect(await page(ticket.id, plus(now, 1))).toBe(id); // the same ticket and reason again: the same page

    const row = await escalation(id);
    expect(row).toMatchObject({ kind: "ONCALL_PAGE", status: "NOTIFIED", targetUserId: vakt.userId, attempt: 1, dueAt: plus(now, 5), ticketId: ticket.id, acknowledgedAt: null });
    expect(row.ackTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.escalation.count({ where: { dedupeKey: row.dedupeKey } })).toBe(1);

    const notices = await pageNotifications(id);
    expect(notices.map((n) => [n.channel, n.recipientUserId])).toEqual([
      ["EMAIL", vakt.userId],
      ["WEBHOOK", vakt.userId],
    ]);
    const token = await latestToken(id);
    for (const n of notices) {
      expect(n.payload).toEqual({ reference: ticket.reference, title: "Serveren svarer ikke", priority: "P1", ackUrl: `https://helpdesk.example/oncall/ack/${token}`, attempt: 1 });
      expect(n.status).toBe("PENDING");
    }
    expect(hashAckToken(token)).toBe(row.ackTokenHash);
    expect(await readAckLink({ prisma, token, now })).toEqual({ state: "waiting", reference: ticket.reference, title: "Serveren svarer ikke", priority: "P1", attempt: 1 });

    const events = await pageEvents(ticket.id, id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ kind: "oncall_page", targetUserId: vakt.userId, attempt: 1, notice: 1 });

    const jobs = await checkJobs(id);
    expect(jobs.map((j) => j.payload)).toEqual([{ queue: "sla-timers", name: ONCALL_CHECK_JOB, jobId: `oncall-${id}-1`, data: { escalationId: id, attempt: 1 }, at: "2031-03-08T09:05:00.000Z" }]);

    const waiting = await listPagesFor({ prisma, actor: vakt, now });
    expect(waiting.pages.map((p) => [p.escalationId, p.reference, p.attempt])).toContainEqual([id, ticket.reference, 1]);
    expect(waiting.shifts.map((s) => [s.startsAt, s.position])).toContainEqual([at("2031-03-08T08:00:00Z"), 0]);
    expect((await listPagesFor({ prisma, actor: jonas, now })).pages.map((p) => p.escalationId)).not.toContain(id);
  });

  it("re-notifies the same person, then the next in the chain, then the admins and 1st-line leads, then wraps around", async () => {
    await rota("2031-03-15T08:00:00Z", "2031-03-15T21:00:00Z");
    const start = at("2031-03-15T09:00:00Z");
    const ticket = await p1(start);
    const id = await page(ticket.id, start);
    const firstToken = await latestToken(id);

    const expected = [
      { attempt: 2, targetUserId: vakt.userId, notice: 2, recipients: [vakt.userId] },
      { attempt: 3, targetUserId: jonas.userId, notice: 1, recipients: [jonas.userId] },
      { attempt: 4, targetUserId: jonas.userId, notice: 2, recipients: [jonas.userId] },
      { attempt: 5, targetUserId: null, notice: 1, recipients: await fallbackUserIds() },
      { attempt: 6, targetUserId: vakt.userId, notice: 1, recipients: [vakt.userId] },
    ];
    let now = start;
    for (const step of expected) {
      now = plus(now, 5);
      expect(await check(id, step.attempt - 1, now)).toEqual({ outcome: "notified", attempt: step.attempt, targetUserId: step.targetUserId, notice: step.notice });
      expect(await escalation(id)).toMatchObject({ status: "NOTIFIED", attempt: step.attempt, targetUserId: step.targetUserId, dueAt: plus(now, 5) });
      const notices = await pageNotifications(id, step.attempt);
      expect(new Set(notices.map((n) => n.recipientUserId))).toEqual(new Set(step.recipients));
      expect(notices).toHaveLength(2 * step.recipients.length);
      expect(notices.every((n) => (n.payload as { attempt: number }).attempt === step.attempt)).toBe(true);
    }
    const fallbackEvent = (await pageEvents(ticket.id, id)).find((e) => (e.data as { attempt: number }).attempt === 5);
    expect(fallbackEvent?.data).toMatchObject({ targetUserId: null, fallback: "chain_exhausted", recipients: expect.arrayContaining([admin.userId, lise.userId]) });
    expect((await checkJobs(id)).map((j) => (j.payload as { jobId: string; at: string }).jobId)).toEqual([1, 2, 3, 4, 5, 6].map((a) => `oncall-${id}-${a}`));

    // the first notice's link was replaced by the later ones
    expect(await readAckLink({ prisma, token: firstToken, now })).toBeNull();
    expect((await rejection(acknowledgePage({ prisma, by: { token: firstToken }, now }))).code).toBe("not_found");
    expect((await escalation(id)).status).toBe("NOTIFIED");
  });

  it("acknowledging by link stops the chain; the pending check is a no-op and the used link is refused", async () => {
    await rota("2031-03-22T08:00:00Z", "2031-03-22T21:00:00Z");
    const now = at("2031-03-22T09:00:00Z");
    const ticket = await p1(now);
    const id = await page(ticket.id, now);
    const token = await latestToken(id);

    const ack = await acknowledgePage({ prisma, by: { token }, now: plus(now, 2) });
    expect(ack).toEqual({
      escalationId: id,
      ticketId: ticket.id,
      reference: ticket.reference,
      status: "acknowledged",
      acknowledgedAt: plus(now, 2),
      acknowledgedBy: { userId: vakt.userId, name: vakt.name },
    });
    expect(await escalation(id)).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedAt: plus(now, 2), acknowledgedById: vakt.userId, attempt: 1 });

    expect(await check(id, 1, plus(now, 5))).toEqual({ outcome: "noop" });
    expect(await pageNotifications(id)).toHaveLength(2);
    expect(await checkJobs(id)).toHaveLength(1);

    // the used link changes nothing: it answers who acknowledged it and when
    const again = await acknowledgePage({ prisma, by: { token }, now: plus(now, 9) });
    expect(again).toMatchObject({ status: "already_acknowledged", acknowledgedAt: plus(now, 2), acknowledgedBy: { userId: vakt.userId } });
    expect(await readAckLink({ prisma, token, now: plus(now, 9) })).toMatchObject({ state: "acknowledged", acknowledgedByName: vakt.name, acknowledgedAt: plus(now, 2) });
    const acks = (await pageEvents(ticket.id, id)).filter((e) => (e.data as { kind: string }).kind === "oncall_ack");
    expect(acks.map((e) => [e.actorId, e.data])).toEqual([[vakt.userId, { kind: "oncall_ack", escalationId: id, attempt: 1, acknowledgedById: vakt.userId, via: "link" }]]);

    expect((await rejection(acknowledgePage({ prisma, by: { token: "oc_" + "x".repeat(43) }, now }))).code).toBe("not_found");
    expect((await rejection(acknowledgePage({ prisma, by: { token: "not-a-token" }, now }))).code).toBe("not_found");
  });

  it("an acknowledgement link expires 24 h after its notice (configurable) and then acknowledges nothing; it names only its own page", async () => {
    await rota("2031-03-29T08:00:00Z", "2031-03-29T21:00:00Z");
    const now = at("2031-03-29T09:00:00Z");
    const ticket = await p1(now);
    const id = await page(ticket.id, now);
    const token = await latestToken(id);
    expect(Number(token.slice(token.lastIndexOf(".") + 1)) * 1000).toBe(now.getTime() + 24 * 3_600_000);
    // A changed expiry no longer matches the stored hash.
    const extended = `${token.slice(0, token.lastIndexOf(".") + 1)}${Math.floor(now.getTime() / 1000) + 48 * 3600}`;
    expect((await rejection(acknowledgePage({ prisma, by: { token: extended }, now: plus(now, 2) }))).code).toBe("not_found");
    // The link of this page does not acknowledge another page.
    expect((await rejection(acknowledgePage({ prisma, by: { token }, escalationId: "00000000-0000-7000-8000-000000000000", now: plus(now, 2) }))).code).toBe("not_found");
    const expiredAt = new Date(now.getTime() + 24 * 3_600_000);
    expect(await readAckLink({ prisma, token, now: expiredAt })).toBeNull();
    expect((await rejection(acknowledgePage({ prisma, by: { token }, now: expiredAt }))).code).toBe("not_found");
    expect((await escalation(id)).status).not.toBe("ACKNOWLEDGED");
    expect(await readAckLink({ prisma, token, now: new Date(expiredAt.getTime() - 1000) })).toMatchObject({ state: "waiting" });
  });

  it("acknowledging in the app: the target or staff who see the ticket; others get not_found; a second acknowledgement says who and when", async () => {
    await rota("2031-03-29T07:00:00Z", "2031-03-29T20:00:00Z"); // Sunday after the change to CEST
    const now = at("2031-03-29T08:00:00Z");
    const ticket = await p1(now);
    const id = await page(ticket.id, now);
    expect(await check(id, 1, plus(now, 5))).toMatchObject({ outcome: "notified", attempt: 2 });

    expect((await rejection(acknowledgePage({ prisma, by: { actor: kari }, escalationId: id, now }))).code).toBe("not_found");
    expect((await rejection(acknowledgePage({ prisma, by: { actor: ingrid }, escalationId: id, now }))).code).toBe("not_found");
    expect((await rejection(acknowledgePage({ prisma, by: { actor: vakt }, escalationId: "nope", now }))).code).toBe("not_found");

    const ack = await acknowledgePage({ prisma, by: { actor: lise }, escalationId: id, now: plus(now, 7) });
    expect(ack).toMatchObject({ status: "acknowledged", acknowledgedBy: { userId: lise.userId }, acknowledgedAt: plus(now, 7) });
    const again = await acknowledgePage({ prisma, by: { actor: vakt }, escalationId: id, now: plus(now, 8) });
    expect(again).toMatchObject({ status: "already_acknowledged", acknowledgedBy: { userId: lise.userId, name: lise.name }, acknowledgedAt: plus(now, 7) });

    expect(await check(id, 2, plus(now, 10))).toEqual({ outcome: "noop" });
    expect(await escalation(id)).toMatchObject({ status: "ACKNOWLEDGED", attempt: 2, acknowledgedById: lise.userId });
    expect((await pageEvents(ticket.id, id)).filter((e) => (e.data as { kind: string }).kind === "oncall_ack")).toHaveLength(1);
    expect((await listPagesFor({ prisma, actor: vakt, now })).pages.map((p) => p.escalationId)).not.toContain(id);
  });

  it("a stale attempt is a no-op, and the same check run twice at once acts once", async () => {
    await rota("2031-04-05T07:00:00Z", "2031-04-05T20:00:00Z");
    const now = at("2031-04-05T08:00:00Z");
    const ticket = await p1(now);
    const id = await page(ticket.id, now);

    const [a, b] = await Promise.all([check(id, 1, plus(now, 5)), check(id, 1, plus(now, 5))]);
    expect([a.outcome, b.outcome].sort()).toEqual(["noop", "notified"]);
    expect(await check(id, 1, plus(now, 6))).toEqual({ outcome: "noop" }); // the same job again, later
    expect((await escalation(id)).attempt).toBe(2);
    expect(await pageNotifications(id, 2)).toHaveLength(2);
    expect(await checkJobs(id)).toHaveLength(2);
    expect((await pageEvents(ticket.id, id)).map((e) => (e.data as { attempt: number }).attempt)).toEqual([1, 2]);

    expect(await check(id, 3, plus(now, 7))).toEqual({ outcome: "noop" }); // a future attempt is no more real
    expect(await check("0190a0a0-0000-7000-8000-000000000000", 1, plus(now, 7))).toEqual({ outcome: "noop" });
    await expect(check("not-a-uuid", 1, now)).rejects.toThrow();
    expect((await escalation(id)).attempt).toBe(2);
  });

  it("with nobody on call, the provider admins and 1st-line leads are paged and the event says so", async () => {
    const now = at("2031-04-12T20:30:00Z"); // Saturday 22:30 Oslo: no shift
    const ticket = await p1(now);
    const id = await page(ticket.id, now);
    expect(await escalation(id)).toMatchObject({ status: "NOTIFIED", targetUserId: null, attempt: 1 });
    const notices = await pageNotifications(id);
    expect(new Set(notices.map((n) => n.recipientUserId))).toEqual(new Set(await fallbackUserIds()));
    expect(notices).toHaveLength(2 * (await fallbackUserIds()).length);
    const [event] = await pageEvents(ticket.id, id);
    expect(event!.data).toMatchObject({ kind: "oncall_page", targetUserId: null, attempt: 1, fallback: "nobody_on_call" });

    // the backstop finds it once overdue; the next notice goes to the group again while nobody is on call
    expect(await overdueOnCallChecks({ prisma, now: plus(now, 5) })).not.toContainEqual({ escalationId: id, attempt: 1 });
    expect(await overdueOnCallChecks({ prisma, now: plus(now, 7) })).toContainEqual({ escalationId: id, attempt: 1 });
    expect(await check(id, 1, plus(now, 7))).toEqual({ outcome: "notified", attempt: 2, targetUserId: null, notice: 2 });

    // a link sent to the group acknowledges without naming one person
    const ack = await acknowledgePage({ prisma, by: { token: await latestToken(id) }, now: plus(now, 8) });
    expect(ack).toMatchObject({ status: "acknowledged", acknowledgedBy: null });
  });
});
