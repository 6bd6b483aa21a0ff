/** Issue 19: staff read every ticket but write by line; assignment tells the assignee; bulk actions are per-ticket atomic; a call registered with an earlier start. */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import type { Actor } from "../../lib/server/actor";
import { applyTicketAction, getStaffTicket, listTicketEvents, registerTicket, type TicketActionRequest, type UseCaseContext } from "../../lib/server/tickets";
import { listQueue } from "../../lib/server/tickets/list-queue";
import { searchQueue } from "../../lib/server/tickets/search-tickets";
import { bulkAction } from "../../lib/server/tickets/bulk-action";
import { registerCall } from "../../lib/server/tickets/register-call";
import { listAssignees } from "../../lib/server/tickets/list-assignees";
import { saveMacro } from "../../lib/server/macros/save-macro";
import { addToParent } from "../../lib/server/tickets/add-to-parent";
import { fakeClock, rejection, seededActors } from "../support/fixtures";

// A new contact's portal invitation is a link derived from the app's secret.
process.env.NEXTAUTH_SECRET = "assignment-bulk-test-secret-0123456789";
const prisma = createPrisma();
afterAll(() => prisma.$disconnect());

let kari: Actor, per: Actor, sara: Actor, ola: Actor, lise: Actor, jonas: Actor, marte: Actor, erik: Actor, vakt: Actor, admin: Actor;
beforeAll(async () => {
  ({ kari, per, sara, ola, lise, jonas, marte, erik, vakt, admin } = await seededActors(prisma, ["kari", "per", "sara", "ola", "lise", "jonas", "marte", "erik", "vakt", "admin"]));
});

// Tuesday 3 March 2026, 10:00 Oslo (UTC+1): office hours.
const clock = fakeClock("2026-03-03T09:00:00Z");
const ctx: UseCaseContext = { prisma, now: clock.now };
const act = (actor: Actor, ticketId: string, action: TicketActionRequest) => applyTicketAction({ actor, input: { ticketId, action }, ctx });
const token = `arb-${randomBytes(4).toString("hex")}`;
const register = (actor: Actor, title: string, priority: "P1" | "P2" | "P3" | "P4" = "P3") =>
  registerTicket({ actor, input: { title: `${token} ${title}`, description: "Til arbeidsflatetesten.", priority }, ctx });
const escalate = (actor: Actor, id: string, line: "L2" | "L3" = "L2") => act(actor, id, { type: "escalate", line, workDone: "Sjekket logger og tilganger, ingen feil funnet." });

describe("staff read every ticket; writes stay with the line, the assignee and on-call for P1", () => {
  it("the 1st-line agent who escalated a ticket still reads and finds it, but cannot act on it; 2nd line can take it", async () => {
    const ticket = await register(kari, "eskalert");
    await act(lise, ticket.id, { type: "triage" });
    await escalate(lise, ticket.id);
    // Read: the ticket, its history, and the queue's search (all lines).
    expect((await getStaffTicket({ actor: jonas, input: { id: ticket.id }, ctx })).line).toBe("L2");
    expect((await listTicketEvents({ actor: lise, input: { id: ticket.id }, ctx })).map((e) => e.type)).toContain("ESCALATED");
    expect((await searchQueue({ actor: lise, input: { q: ticket.reference }, ctx })).items.map((i) => i.ticket.id)).toEqual([ticket.id]);
    // Write: refused with a reason (forbidden), nothing written.
    const before = await prisma.ticketEvent.count({ where: { ticketId: ticket.id } });
    for (const action of [
      { type: "note", body: "Prøver å skrive" },
      { type: "assign", assigneeId: lise.userId },
      { type: "resolve", solution: "Løst" },
    ] as const) {
      expect((await rejection(act(lise, ticket.id, action))).code).toBe("forbidden");
    }
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id } })).toBe(before);
    // The on-call phone writes P1 only; this is a P3.
    expect((await rejection(act(vakt, ticket.id, { type: "note", body: "Vakt" }))).code).toBe("forbidden");
    expect((await getStaffTicket({ actor: vakt, input: { id: ticket.id }, ctx })).id).toBe(ticket.id);
    // 2nd line takes the escalated ticket (it is no longer new).
    const taken = await act(marte, ticket.id, { type: "assign", assigneeId: marte.userId });
    expect(taken).toMatchObject({ status: "OPEN", assigneeId: marte.userId, line: "L2" });
    // A provider admin writes anything.
    await act(admin, ticket.id, { type: "note", body: "Admin ser på den." });
  });

  it("customers are unchanged: their own (or their organisation's) tickets only, others not found", async () => {
    const mine = await register(kari, "kunde");
    const bergheim = await register(sara, "annen kunde");
    expect((await getStaffTicket({ actor: lise, input: { id: bergheim.id }, ctx })).id).toBe(bergheim.id);
    expect((await rejection(act(per, mine.id, { type: "reply", body: "Hei" }))).code).toBe("not_found");
    expect((await rejection(act(ola, bergheim.id, { type: "reply", body: "Hei" }))).code).toBe("not_found");
    await act(ola, mine.id, { type: "reply", body: "Fra kundeadmin" });
    expect((await rejection(act(sara, mine.id, { type: "reply", body: "Hei" }))).code).toBe("not_found");
  });
});

describe("assignment", () => {
  it("assigns to a colleague who may work the ticket, tells them by e-mail in an event, and 'mine' shows it", async () => {
    const ticket = await register(kari, "tildel");
    const assigned = await act(lise, ticket.id, { type: "assign", assigneeId: jonas.userId });
    expect(assigned.assigneeId).toBe(jonas.userId);
    const event = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "ASSIGNED" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: lise.userId, data: { from: null, to: jonas.userId, toName: "Jonas Berg (1. linje)", line: "L1" } });
    const notices = await prisma.notification.findMany({ where: { ticketId: ticket.id, template: "ticket-assigned" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: "EMAIL", recipientUserId: jonas.userId, payload: { reference: ticket.reference, assignedBy: lise.name, ticketId: ticket.id } });
    expect((await listQueue({ actor: jonas, input: { mine: true }, ctx })).items.map((i) => i.id)).toContain(ticket.id);
    // Taking it oneself tells nobody; back to the queue clears it.
    await act(lise, ticket.id, { type: "assign", assigneeId: lise.userId });
    await act(lise, ticket.id, { type: "assign", assigneeId: null });
    expect(await prisma.notification.count({ where: { ticketId: ticket.id, template: "ticket-assigned" } })).toBe(1);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).assigneeId).toBeNull();
    expect((await rejection(act(lise, ticket.id, { type: "assign", assigneeId: null }))).code).toBe("conflict");
  });

  it("refuses an assignee below the ticket's line, a customer, or on-call for a non-P1; lists those who may work it", async () => {
    const ticket = await register(kari, "linje 3");
    await escalate(lise, ticket.id, "L3");
    for (const who of [jonas, marte, kari, vakt]) expect((await rejection(act(erik, ticket.id, { type: "assign", assigneeId: who.userId }))).code).toBe("unprocessable");
    const names = (await listAssignees({ actor: erik, input: { ticket: { line: "L3", priority: "P3" } }, ctx })).map((a) => a.id);
    expect(names).toEqual(expect.arrayContaining([erik.userId, admin.userId]));
    expect(names).not.toContain(jonas.userId);
    expect(names).not.toContain(vakt.userId);
  });
});

describe("bulk actions: each ticket in its own transaction", () => {
  it("escalates the ones it may and reports the failures (already solved, another line's) while the others are done", async () => {
    const tickets = await Promise.all(["b1", "b2", "b3", "b4"].map((n) => register(kari, n)));
    const [b1, b2, b3, b4] = tickets.map((t) => t.id) as [string, string, string, string];
    await act(lise, b2, { type: "resolve", solution: "Allerede løst." });
    await act(marte, b3, { type: "escalate", line: "L3", workDone: "Videre til tredje linje for analyse." });
    const result = await bulkAction({ actor: jonas, input: { ticketIds: [b1, b2, b3, b4], action: { type: "escalate", line: "L2", workDone: "Samme feil hos mange kunder, videre." } }, ctx });
    expect(result.done.map((d) => d.id).sort()).toEqual([b1, b4].sort());
    expect(result.failed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: b2, reference: tickets[1]!.reference, code: "conflict" }),
        expect.objectContaining({ id: b3, reference: tickets[2]!.reference, code: "forbidden" }),
      ]),
    );
    for (const id of [b1, b4]) {
      expect((await prisma.ticket.findUniqueOrThrow({ where: { id } })).line).toBe("L2");
      expect(await prisma.ticketEvent.count({ where: { ticketId: id, type: "ESCALATED" } })).toBe(1);
    }
    // The failed ones are untouched by the bulk action.
    expect(await prisma.ticketEvent.count({ where: { ticketId: b2, type: "ESCALATED" } })).toBe(0);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: b3 } })).line).toBe("L3");
  });

  it("changes priority with a reason, assigns, and solves with a public reply, each with its own events and clock", async () => {
    const [c1, c2] = (await Promise.all(["c1", "c2"].map((n) => register(kari, n)))).map((t) => t.id) as [string, string];
    const priority = await bulkAction({ actor: lise, input: { ticketIds: [c1, c2], action: { type: "priority", priority: "P2", reason: "Flere brukere rammet" } }, ctx });
    expect(priority.failed).toEqual([]);
    for (const id of [c1, c2]) {
      expect(await prisma.ticketEvent.count({ where: { ticketId: id, type: "PRIORITY_CHANGED" } })).toBe(1);
      expect((await prisma.slaClock.findFirstOrThrow({ where: { ticketId: id, metric: "RESPONSE" } })).targetMinutes).not.toBeNull();
    }
    const assign = await bulkAction({ actor: lise, input: { ticketIds: [c1, c2], action: { type: "assign", assigneeId: jonas.userId } }, ctx });
    expect(assign.done).toHaveLength(2);
    expect(await prisma.notification.count({ where: { ticketId: { in: [c1, c2] }, template: "ticket-assigned", recipientUserId: jonas.userId } })).toBe(2);
    const solved = await bulkAction({ actor: lise, input: { ticketIds: [c1, c2], action: { type: "resolve", solution: "Feilen er rettet." } }, ctx });
    expect(solved.done).toHaveLength(2);
    for (const id of [c1, c2]) expect((await prisma.ticket.findUniqueOrThrow({ where: { id } })).status).toBe("SOLVED");
    // Not a bulk action, and not for customers.
    expect((await rejection(bulkAction({ actor: lise, input: { ticketIds: [c1], action: { type: "note", body: "x" } }, ctx }))).code).toBe("bad_request");
    expect((await rejection(bulkAction({ actor: kari, input: { ticketIds: [c1], action: { type: "resolve", solution: "x" } }, ctx }))).code).toBe("unprocessable");
  });
});

describe("bulk actions: a parent ticket and a macro", () => {
  it("puts the chosen tickets under a parent found by its reference, each its own transaction, and reports the one that already has a parent", async () => {
    const [parent, c1, c2, c3, otherParent] = await Promise.all(["hovedsak", "c1", "c2", "c3", "annen hovedsak"].map((n) => register(kari, n)));
    // c3 is already another parent's child: one level, one parent.
    await addToParent({ actor: lise, input: { parentId: otherParent!.id, childId: c3!.id }, ctx });
    const result = await bulkAction({ actor: lise, input: { ticketIds: [c1!.id, c2!.id, c3!.id], action: { type: "addToParent", parentReference: parent!.reference.toLowerCase() } }, ctx });
    expect(result.done.map((d) => d.reference).sort()).toEqual([c1!.reference, c2!.reference].sort());
    expect(result.failed).toEqual([expect.objectContaining({ id: c3!.id, code: "conflict" })]);
    const children = await prisma.ticket.findMany({ where: { parentId: parent!.id }, select: { id: true } });
    expect(children.map((c) => c.id).sort()).toEqual([c1!.id, c2!.id].sort());
    // An unknown parent refuses the whole action before any ticket is touched.
    const refused = await rejection(bulkAction({ actor: lise, input: { ticketIds: [c3!.id], action: { type: "addToParent", parentReference: "XX-1999-000001" } }, ctx }));
    expect(refused).toMatchObject({ code: "unprocessable", fields: { parentReference: ["unknown"] } });
  });

  it("solves many tickets with one macro, filled in for each ticket's requester and reference", async () => {
    const macro = await saveMacro({ actor: lise, input: { scope: "personal", title: `Løst ${token}`, body: "Hei {{kunde}}, sak {{referanse}} er løst. Hilsen {{agent}}" }, ctx });
    const [m1, m2] = [await register(kari, "m1"), await register(per, "m2")];
    const result = await bulkAction({ actor: lise, input: { ticketIds: [m1.id, m2.id], action: { type: "resolveWithMacro", macroId: macro.id } }, ctx });
    expect(result.failed).toEqual([]);
    for (const [ticket, requester] of [
      [m1, kari],
      [m2, per],
    ] as const) {
      expect((await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("SOLVED");
      const texts = (await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id }, select: { data: true } })).map((e) => JSON.stringify(e.data));
      expect(texts.some((t) => t.includes(`Hei ${requester.name}, sak ${ticket.reference} er løst. Hilsen ${lise.name}`))).toBe(true);
    }
    // Someone else's personal macro is not one to use.
    const other = await saveMacro({ actor: jonas, input: { scope: "personal", title: `Jonas ${token}`, body: "Hei" }, ctx });
    const refused = await rejection(bulkAction({ actor: lise, input: { ticketIds: [m1.id], action: { type: "resolveWithMacro", macroId: other.id } }, ctx }));
    expect(refused).toMatchObject({ code: "unprocessable", fields: { macroId: ["unknown"] } });
  });
});

describe("registering a phone call on a customer's behalf", () => {
  const call = { title: `${token} telefon`, description: "Ringte om skriveren.", priority: "P3" as const };

  it("starts the clock at the call, up to 30 minutes back with a reason kept in the event", async () => {
    clock.set("2026-03-03T09:40:00Z");
    const ticket = await registerCall({ actor: lise, input: { organizationId: kari.organizationId, requesterId: kari.userId, ...call, minutesAgo: 10, reason: "Skrev saken etter samtalen" }, ctx });
    expect(ticket).toMatchObject({ requesterId: kari.userId, channel: "PHONE", createdAt: "2026-03-03T09:30:00.000Z" });
    const registered = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "REGISTERED" } });
    expect(registered.at.toISOString()).toBe("2026-03-03T09:30:00.000Z");
    expect(registered).toMatchObject({
      actorId: lise.userId,
      data: { channel: "PHONE", requesterId: kari.userId, backdated: { minutes: 10, reason: "Skrev saken etter samtalen", recordedAt: "2026-03-03T09:40:00.000Z" } },
    });
    const response = await prisma.slaClock.findFirstOrThrow({ where: { ticketId: ticket.id, metric: "RESPONSE" } });
    expect(response.startedAt.toISOString()).toBe("2026-03-03T09:30:00.000Z");
  });

  it("refuses more than the allowed minutes, a missing reason, the future, customers, and a requester of another organisation", async () => {
    clock.set("2026-03-03T09:40:00Z");
    const base = { organizationId: kari.organizationId, requesterId: kari.userId, ...call };
    const before = await prisma.ticket.count({ where: { title: call.title } });
    expect((await rejection(registerCall({ actor: lise, input: { ...base, minutesAgo: 31, reason: "For sent" }, ctx }))).code).toBe("bad_request");
    expect((await rejection(registerCall({ actor: lise, input: { ...base, minutesAgo: 5 }, ctx }))).fields).toMatchObject({ reason: ["required"] });
    expect((await rejection(registerCall({ actor: lise, input: { ...base, organizationId: sara.organizationId }, ctx }))).fields).toMatchObject({ requesterId: ["unknown"] });
    expect((await rejection(registerCall({ actor: kari, input: base, ctx }))).code).toBe("not_found");
    // The REST API's registration takes the same rule.
    const api = (calledAt: string, calledAtReason?: string) =>
      registerTicket({ actor: lise, input: { ...call, requesterId: kari.userId, calledAt, ...(calledAtReason ? { calledAtReason } : {}) }, ctx });
    expect((await rejection(api("2026-03-03T09:09:00Z", "Gammel samtale"))).fields).toMatchObject({ calledAt: ["at most 30 minutes back"] });
    expect((await rejection(api("2026-03-03T09:35:00Z"))).fields).toMatchObject({ calledAtReason: ["required"] });
    expect((await rejection(api("2026-03-03T09:41:00Z", "Fremtid"))).fields).toMatchObject({ calledAt: ["in the future"] });
    expect((await rejection(registerTicket({ actor: kari, input: { ...call, calledAt: "2026-03-03T09:35:00Z", calledAtReason: "Kunde" }, ctx }))).code).toBe("unprocessable");
    expect(await prisma.ticket.count({ where: { title: call.title } })).toBe(before);
  });

  it("adds the caller as a new contact of the organisation on the spot", async () => {
    clock.set("2026-03-03T09:45:00Z");
    const email = `${token}@nordlys.example`;
    const ticket = await registerCall({
      actor: jonas,
      input: { organizationId: kari.organizationId, requesterId: null, newContact: { name: "Nina Ny", email, phone: "+47 900 00 000" }, ...call },
      ctx,
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ organizationId: kari.organizationId, role: "END_USER", name: "Nina Ny", phone: "+47 900 00 000", passwordHash: null });
    expect(ticket).toMatchObject({ requesterId: user.id, organizationId: kari.organizationId, createdAt: "2026-03-03T09:45:00.000Z" });
    expect(await prisma.auditLog.count({ where: { action: "user.create", targetId: user.id } })).toBe(1);
    // Not invited unless asked.
    expect(await prisma.accountLink.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { recipientUserId: user.id, template: "account-invite" } })).toBe(0);
    expect((await rejection(registerCall({ actor: jonas, input: { organizationId: kari.organizationId, requesterId: null, newContact: { name: "Nina", email }, ...call }, ctx }))).code).toBe(
      "conflict",
    );
  });

  it("invites the new contact to the portal when the agent asks: a link to choose a password, sent with the ticket", async () => {
    clock.set("2026-03-03T09:47:00Z");
    const email = `${token}-invitert@nordlys.example`;
    await registerCall({ actor: jonas, input: { organizationId: kari.organizationId, requesterId: null, newContact: { name: "Ivar Invitert", email, invite: true }, ...call }, ctx });
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await prisma.accountLink.findMany({ where: { userId: user.id }, select: { purpose: true, createdAt: true } })).toEqual([{ purpose: "INVITE", createdAt: new Date("2026-03-03T09:47:00Z") }]);
    const invitation = await prisma.notification.findFirstOrThrow({ where: { recipientUserId: user.id, template: "account-invite" }, select: { payload: true } });
    expect(invitation.payload).toMatchObject({ organizationName: "Nordlys Eiendom AS", invitedBy: jonas.name });
    expect((await prisma.auditLog.findFirstOrThrow({ where: { action: "user.create", targetId: user.id } })).after).toMatchObject({ invited: true });
  });

  it("adds no contact when the ticket is refused: an organisation where only contact persons may register", async () => {
    clock.set("2026-03-03T09:50:00Z");
    const email = `${token}-ikke@bergheim.example`;
    const refused = await rejection(
      registerCall({ actor: jonas, input: { organizationId: sara.organizationId, requesterId: null, newContact: { name: "Ola Uten Rett", email, invite: true }, ...call }, ctx }),
    );
    expect(refused.code).toBe("forbidden");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    // Nor an invitation to an account that does not exist.
    expect(await prisma.notification.count({ where: { template: "account-invite", payload: { path: ["invitedBy"], equals: jonas.name }, createdAt: { gte: new Date("2026-03-03T09:50:00Z") } } })).toBe(
      0,
    );
  });
});
