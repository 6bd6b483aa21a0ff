/**
 * The agent's workspace on a ticket (issue 19): macros (placeholders in both languages, who may
 * see and keep which), presence in Redis (TTL, a cluster-safe key), the "someone wrote since"
 * check, and the composer's one send that records a reply and a status together.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { createRedis, redisPrefix } from "../../lib/server/redis";
import { listTicketEvents, registerTicket, getStaffTicket, type UseCaseContext } from "../../lib/server/tickets";
import { applyTicketActions } from "../../lib/server/tickets/apply-ticket-action";
import { sendFromComposer } from "../../lib/server/tickets/send-from-composer";
import { othersWroteSince } from "../../lib/server/tickets/others-wrote-since";
import { getTicketPeople } from "../../lib/server/tickets/ticket-people";
import { saveMacro } from "../../lib/server/macros/save-macro";
import { deleteMacro } from "../../lib/server/macros/delete-macro";
import { listMacros } from "../../lib/server/macros/list-macros";
import { fillPlaceholders, renderMacros } from "../../lib/server/macros/render-macro";
import { PRESENCE_TTL_MS, presenceKey, touchTicketPresence } from "../../lib/server/presence/ticket-viewers";
import { formatDateTime } from "../../lib/i18n/format";
import type { Actor } from "../../lib/server/actor";
import { fakeClock, rejection, seededActors } from "../support/fixtures";
import { Readable } from "node:stream";
import { spoolFile } from "../../lib/server/attachments/spool";
import { attachmentConfig } from "../../lib/server/attachments/config";
import { configuredStore } from "../../lib/server/attachments/store";

const prisma = createPrisma();
const connection = createRedis();
const store = { redis: connection, prefix: redisPrefix() };

afterAll(async () => {
  connection.disconnect();
  await prisma.$disconnect();
});

let kari: Actor, lise: Actor, jonas: Actor, marte: Actor, admin: Actor, per: Actor;
beforeAll(async () => {
  ({ kari, lise, jonas, marte, admin, per } = await seededActors(prisma, ["kari", "lise", "jonas", "marte", "admin", "per"]));
});

// Monday 2026-11-23 09:00 in TIME_ZONE, office hours: a P3 ticket has a running response clock.
const START = "2026-11-23T08:00:00Z";

async function newTicket(ctx: UseCaseContext, actor: Actor = kari, title = "Skriveren skriver ikke") {
  return registerTicket({ actor, input: { title, description: "Ingenting kommer ut.", priority: "P3" }, ctx });
}

const types = async (ticketId: string) => (await prisma.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" }, select: { type: true } })).map((e) => e.type);

describe("macros", () => {
  it("fills the placeholders in either language, the due time in the requester's language", async () => {
    const clock = fakeClock(START);
    const ctx: UseCaseContext = { prisma, now: clock.now };
    const ticket = await newTicket(ctx);
    const dueAt = ticket.sla.response?.dueAt;
    expect(dueAt).toBeTruthy();
    await saveMacro({ actor: lise, input: { scope: "personal", title: "Norsk hilsen", body: "Hei {{kunde}}! Sak {{referanse}} er hos {{agent}}, svar innen {{frist}}." }, ctx });
    await saveMacro({ actor: lise, input: { scope: "personal", title: "English greeting", body: "Hi {{ customer }}, {{reference}} is with {{agent}}, due {{due}}. {{unknown}} stays." }, ctx });

    const nb = await renderMacros({ actor: lise, input: { ticketId: ticket.id }, ctx });
    expect(nb.find((m) => m.title === "Norsk hilsen")?.body).toBe(`Hei Kari Nordmann! Sak ${ticket.reference} er hos ${lise.name}, svar innen ${formatDateTime(dueAt!, clock.now(), "nb")}.`);

    // The reader is the requester: their language decides how the due time reads.
    await prisma.user.update({ where: { id: kari.userId }, data: { locale: "en" } });
    try {
      const en = await renderMacros({ actor: lise, input: { ticketId: ticket.id }, ctx });
      const due = formatDateTime(dueAt!, clock.now(), "en");
      expect(due).not.toBe(formatDateTime(dueAt!, clock.now(), "nb"));
      expect(en.find((m) => m.title === "English greeting")?.body).toBe(`Hi Kari Nordmann, ${ticket.reference} is with ${lise.name}, due ${due}. {{unknown}} stays.`);
    } finally {
      await prisma.user.update({ where: { id: kari.userId }, data: { locale: "nb" } });
    }
    expect(fillPlaceholders("{{KUNDE}} {{Referanse}}", { customer: "A", reference: "R", agent: "G", due: "" })).toBe("A R");
  });

  it("keeps personal macros to their owner and shared ones to provider admins", async () => {
    const ctx: UseCaseContext = { prisma, now: fakeClock(START).now };
    const mine = await saveMacro({ actor: jonas, input: { scope: "personal", title: "Jonas sin", body: "Privat tekst" }, ctx });
    const shared = await saveMacro({ actor: admin, input: { scope: "shared", title: "Felles svar", body: "For alle", status: "WAITING_FOR_CUSTOMER", priority: "P2", line: "L2" }, ctx });
    expect(shared).toMatchObject({ scope: "shared", status: "WAITING_FOR_CUSTOMER", priority: "P2", line: "L2", editable: true });

    const forMarte = await listMacros({ actor: marte, ctx });
    expect(forMarte.map((m) => m.id)).toContain(shared.id);
    expect(forMarte.map((m) => m.id)).not.toContain(mine.id);
    expect(forMarte.find((m) => m.id === shared.id)?.editable).toBe(false);
    expect((await listMacros({ actor: jonas, ctx })).find((m) => m.id === mine.id)?.editable).toBe(true);

    // Another agent's personal macro does not exist for them; a shared one is refused.
    expect((await rejection(saveMacro({ actor: marte, input: { id: mine.id, scope: "personal", title: "Kapret", body: "x" }, ctx }))).code).toBe("not_found");
    expect((await rejection(deleteMacro({ actor: marte, input: { id: mine.id }, ctx }))).code).toBe("not_found");
    expect((await rejection(saveMacro({ actor: jonas, input: { id: shared.id, scope: "shared", title: "Endret", body: "x" }, ctx }))).code).toBe("forbidden");
    expect((await rejection(deleteMacro({ actor: jonas, input: { id: shared.id }, ctx }))).code).toBe("forbidden");
    expect((await rejection(saveMacro({ actor: jonas, input: { scope: "shared", title: "Ny felles", body: "x" }, ctx }))).code).toBe("forbidden");
    // A customer has no macros at all.
    expect((await rejection(listMacros({ actor: kari, ctx }))).code).toBe("not_found");

    expect(await prisma.macro.findUniqueOrThrow({ where: { id: mine.id }, select: { title: true } })).toEqual({ title: "Jonas sin" });
    await saveMacro({ actor: admin, input: { id: shared.id, scope: "shared", title: "Felles svar 2", body: "For alle" }, ctx });
    await deleteMacro({ actor: jonas, input: { id: mine.id }, ctx });
    expect(await prisma.macro.findUnique({ where: { id: mine.id } })).toBeNull();
    expect((await prisma.macro.findUniqueOrThrow({ where: { id: shared.id } })).title).toBe("Felles svar 2");
  });
});

describe("presence", () => {
  it("shows the other staff on a ticket until their presence runs out", async () => {
    const clock = fakeClock(START);
    const ctx: UseCaseContext = { prisma, now: clock.now };
    const ticket = await newTicket(ctx);
    expect(await touchTicketPresence({ actor: lise, input: { ticketId: ticket.id }, ctx, store })).toEqual([]);
    clock.set("2026-11-23T08:00:05Z");
    expect(await touchTicketPresence({ actor: jonas, input: { ticketId: ticket.id }, ctx, store })).toEqual([{ userId: lise.userId, name: lise.name }]);
    expect(await touchTicketPresence({ actor: lise, input: { ticketId: ticket.id }, ctx, store })).toEqual([{ userId: jonas.userId, name: jonas.name }]);
    // Lise last said so at :05; Jonas comes back after the TTL: she is gone.
    clock.set(new Date(Date.parse("2026-11-23T08:00:05Z") + PRESENCE_TTL_MS + 1).toISOString());
    expect(await touchTicketPresence({ actor: jonas, input: { ticketId: ticket.id }, ctx, store })).toEqual([]);

    const key = presenceKey(store.prefix, ticket.id);
    const ttl = await connection.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(PRESENCE_TTL_MS);
    expect(await connection.zrange(key, "0", "-1")).toEqual([jonas.userId]);
    // Customers are not shown and cannot ask.
    expect((await rejection(touchTicketPresence({ actor: kari, input: { ticketId: ticket.id }, ctx, store }))).code).toBe("not_found");
  });

  it("builds its key under the installation's prefix, in the prefix's cluster slot", () => {
    const id = "019ad000-0000-7000-8000-000000000001";
    expect(presenceKey("{helpdesk}", id)).toBe(`{helpdesk}:presence:ticket:${id}`);
    // Redis Cluster hashes only the first {…} of a key: the presence key's is the prefix's own tag.
    const hashTag = (key: string) => /\{([^{}]+)\}/.exec(key)?.[1];
    expect(hashTag(presenceKey("{helpdesk}", id))).toBe("helpdesk");
    expect(presenceKey(redisPrefix(), id).startsWith(`${redisPrefix()}:`)).toBe(true);
  });
});

describe("someone wrote since the page was loaded", () => {
  it("names others' replies and notes after the event the agent saw, never the agent's own", async () => {
    const ctx: UseCaseContext = { prisma, now: fakeClock(START).now };
    const ticket = await newTicket(ctx);
    const seen = (await listTicketEvents({ actor: lise, input: { id: ticket.id }, ctx })).at(-1)!.id;
    expect(await othersWroteSince({ actor: lise, input: { ticketId: ticket.id, sinceEventId: seen }, ctx })).toEqual([]);
    await applyTicketActions({ actor: lise, input: { ticketId: ticket.id, actions: [{ type: "note", body: "Mitt eget notat" }] }, ctx });
    expect(await othersWroteSince({ actor: lise, input: { ticketId: ticket.id, sinceEventId: seen }, ctx })).toEqual([]);
    await applyTicketActions({ actor: jonas, input: { ticketId: ticket.id, actions: [{ type: "reply", body: "Jonas svarer" }] }, ctx });
    const since = await othersWroteSince({ actor: lise, input: { ticketId: ticket.id, sinceEventId: seen }, ctx });
    expect(since.map((w) => [w.type, w.authorName])).toEqual([["PUBLIC_REPLY", jonas.name]]);
    // Another organisation's user cannot probe the ticket.
    expect((await rejection(othersWroteSince({ actor: per, input: { ticketId: ticket.id, sinceEventId: seen }, ctx }))).code).toBe("not_found");
  });
});

describe("the composer's one send", () => {
  it("records a reply and 'waiting for the customer' in one transaction; the customer sees the reply", async () => {
    const clock = fakeClock(START);
    const ctx: UseCaseContext = { prisma, now: clock.now };
    const ticket = await newTicket(ctx);
    const seen = (await listTicketEvents({ actor: lise, input: { id: ticket.id }, ctx })).at(-1)!.id;
    clock.set("2026-11-23T08:30:00Z");
    const result = await sendFromComposer({
      actor: lise,
      input: { ticketId: ticket.id, mode: "reply", body: "Kan du sende et skjermbilde?", status: "WAITING_FOR_CUSTOMER", waitReason: "Venter på skjermbilde", seenEventId: seen },
      ctx,
    });
    expect(result.sent).toBe(true);
    const after = await getStaffTicket({ actor: lise, input: { id: ticket.id }, ctx });
    expect(after.status).toBe("WAITING_FOR_CUSTOMER");
    // The reply started troubleshooting (the organisation's setting): the response target is met at 08:30.
    expect(after.sla.response?.state).toBe("met");
    const written = (await types(ticket.id)).filter((t) => ["PUBLIC_REPLY", "TROUBLESHOOTING_STARTED", "PAUSED"].includes(t));
    expect(written).toEqual(["PUBLIC_REPLY", "TROUBLESHOOTING_STARTED", "PAUSED"]);
    const customerSees = await listTicketEvents({ actor: kari, input: { id: ticket.id }, ctx });
    expect(customerSees.find((e) => e.type === "PUBLIC_REPLY")?.data.body).toBe("Kan du sende et skjermbilde?");
    // The agents' reason for waiting stays with the agents.
    expect(JSON.stringify(customerSees)).not.toContain("Venter på skjermbilde");
  });

  it("puts the files of an internal note sent with a priority change on the note, internal, never on the priority change", async () => {
    const ctx: UseCaseContext = { prisma, now: fakeClock(START).now };
    const ticket = await newTicket(ctx);
    const file = await spoolFile(Readable.from([Buffer.from(`serverlogg ${ticket.id}`)]), "serverlogg.txt", attachmentConfig().limits);
    const result = await sendFromComposer({
      actor: lise,
      input: { ticketId: ticket.id, mode: "note", body: "Loggen viser diskfeil.", priority: "P2", priorityReason: "Flere brukere rammet" },
      ctx,
      attachments: { files: [file], store: configuredStore() },
    });
    expect(result.sent).toBe(true);
    const attachment = await prisma.attachment.findFirstOrThrow({ where: { ticketId: ticket.id }, select: { visibility: true, eventId: true } });
    const event = await prisma.ticketEvent.findUniqueOrThrow({ where: { id: attachment.eventId! }, select: { type: true } });
    expect({ visibility: attachment.visibility, type: event.type }).toEqual({ visibility: "INTERNAL", type: "INTERNAL_NOTE" });
    // The customer is told of the new priority, but never sees the log.
    expect(JSON.stringify(await listTicketEvents({ actor: kari, input: { id: ticket.id }, ctx }))).not.toContain("serverlogg");
  });

  it("writes nothing when someone else wrote meanwhile, unless the agent sends anyway", async () => {
    const ctx: UseCaseContext = { prisma, now: fakeClock(START).now };
    const ticket = await newTicket(ctx);
    const seen = (await listTicketEvents({ actor: lise, input: { id: ticket.id }, ctx })).at(-1)!.id;
    await sendFromComposer({ actor: jonas, input: { ticketId: ticket.id, mode: "note", body: "Jonas ser på den", seenEventId: seen }, ctx });
    const before = await types(ticket.id);
    const warned = await sendFromComposer({ actor: lise, input: { ticketId: ticket.id, mode: "reply", body: "Vi ser på det", status: "SOLVED", seenEventId: seen }, ctx });
    expect(warned).toEqual({ sent: false, writers: [expect.objectContaining({ type: "INTERNAL_NOTE", authorName: jonas.name })] });
    expect(await types(ticket.id)).toEqual(before);
    const forced = await sendFromComposer({ actor: lise, input: { ticketId: ticket.id, mode: "reply", body: "Vi ser på det", status: "SOLVED", seenEventId: seen, force: true }, ctx });
    expect(forced.sent && forced.ticket.status).toBe("SOLVED");
  });

  it("is all or nothing: a refused later action leaves the note unwritten", async () => {
    const ctx: UseCaseContext = { prisma, now: fakeClock(START).now };
    const ticket = await newTicket(ctx);
    const before = await types(ticket.id);
    // Escalating needs at least 10 characters of work done: the note before it is rolled back.
    const error = await rejection(sendFromComposer({ actor: lise, input: { ticketId: ticket.id, mode: "note", body: "Kort", line: "L2" }, ctx }));
    expect(error.code).toBe("bad_request");
    expect(await types(ticket.id)).toEqual(before);
    // A solution cannot be an internal note.
    expect((await rejection(sendFromComposer({ actor: lise, input: { ticketId: ticket.id, mode: "note", body: "Løst internt", status: "SOLVED" }, ctx }))).code).toBe("unprocessable");
  });

  it("names the requester, their organisation and agreement, their other open tickets and the timeline's authors", async () => {
    const ctx: UseCaseContext = { prisma, now: fakeClock(START).now };
    const first = await newTicket(ctx, kari, "Første sak");
    const second = await newTicket(ctx, kari, "Andre sak");
    await applyTicketActions({ actor: lise, input: { ticketId: second.id, actions: [{ type: "note", body: "Lises notat" }] }, ctx });
    const people = await getTicketPeople({ actor: jonas, input: { ticketId: second.id }, ctx });
    expect(people.requester).toMatchObject({ name: "Kari Nordmann", email: "kari@nordlys.example" });
    expect(people.requester.organizationName).toBeTruthy();
    expect(people.otherOpenTickets.map((o) => o.id)).toContain(first.id);
    expect(people.otherOpenTickets.map((o) => o.id)).not.toContain(second.id);
    expect(people.authors[lise.userId]).toEqual({ name: lise.name, staff: true });
    expect(people.authors[kari.userId]).toEqual({ name: "Kari Nordmann", staff: false });
  });
});
