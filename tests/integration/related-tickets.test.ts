/**
 * Related tickets (issue 19): links both ways, merging a duplicate (events and files copied onto
 * the target with pointers, every clock right, the pointer answered), a parent's public reply and
 * solution going to each child through the ordinary actions, the expected time to solution, and
 * the time to solution in the monthly report. Every instant is chosen; nothing reads the wall clock.
 *
 * Nordlys (kari, per, ola) has Netpower ordinary SLA: weekdays 08–16 Oslo, P1 1 h, P3 4 h.
 * Monday 2026-11-23, Oslo is UTC+1.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import type { Actor } from "../../lib/server/actor";
import {
  addToParent,
  applyTicketAction,
  applyTicketActions,
  getRelatedTickets,
  getTicketNotes,
  listTicketEvents,
  linkTickets,
  mergeTicket,
  registerTicket,
  setExpectedResolution,
  unlinkTickets,
  type TicketActionRequest,
  type UseCaseContext,
} from "../../lib/server/tickets";
import { computeMonthReports } from "../../lib/server/reports";
import { reportCsv } from "../../lib/server/reports/report-csv";
import { renderNotification } from "../../lib/server/notifications/templates";
import { fakeClock, rejection, seededActors } from "../support/fixtures";
import { spoolFile } from "../../lib/server/attachments/spool";
import { attachmentConfig } from "../../lib/server/attachments/config";
import { postgresStore } from "../../lib/server/attachments/store";
import { openAttachment } from "../../lib/server/attachments/download";

const prisma = createPrisma();
afterAll(() => prisma.$disconnect());

let kari: Actor, per: Actor, ola: Actor, ingrid: Actor, sara: Actor, lise: Actor, marte: Actor;
beforeAll(async () => {
  ({ kari, per, ola, ingrid, sara, lise, marte } = await seededActors(prisma, ["kari", "per", "ola", "ingrid", "sara", "lise", "marte"]));
});

function context(start: string) {
  const clock = fakeClock(start);
  const ctx: UseCaseContext = { prisma, now: clock.now };
  const act = (actor: Actor, ticketId: string, action: TicketActionRequest) => applyTicketAction({ actor, input: { ticketId, action }, ctx });
  const register = (actor: Actor, title: string, priority: "P1" | "P2" | "P3" | "P4" = "P3") => registerTicket({ actor, input: { title, description: `${title} (beskrivelse)`, priority }, ctx });
  return { clock, ctx, act, register };
}

const clockOf = (ticketId: string) => prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId, metric: "RESPONSE" } } });
const eventsOf = (ticketId: string) => prisma.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" } });
const noticesOf = (ticketId: string, template: string) => prisma.notification.findMany({ where: { ticketId, template }, orderBy: { createdAt: "asc" } });

async function addFile(ticketId: string, eventId: bigint, uploaderId: string, name: string) {
  const sha256 = randomUUID().replaceAll("-", "").padEnd(64, "0");
  return prisma.attachment.create({
    data: { ticketId, eventId, uploaderId, name, size: 3, contentType: "text/plain", sha256, store: "POSTGRES", visibility: "PUBLIC", createdAt: new Date("2026-11-23T09:05:00Z") },
  });
}

describe("merging a duplicate", () => {
  it("copies its events and files onto the target with pointers, closes it with the pointer, reclassifies its running clock and leaves the target's clock alone", async () => {
    const { clock, ctx, act, register } = context("2026-11-23T09:00:00Z"); // Monday 10:00 Oslo
    const target = await register(kari, "Skriveren i 2. etasje virker ikke");
    clock.set("2026-11-23T09:10:00Z");
    await act(lise, target.id, { type: "start" });
    clock.set("2026-11-23T09:20:00Z");
    const duplicate = await register(per, "Skriver 2. etg. skriver ikke ut");
    const registered = (await eventsOf(duplicate.id))[0]!;
    await addFile(duplicate.id, registered.id, per.userId, "feilmelding.txt");
    clock.set("2026-11-23T09:40:00Z");
    await act(lise, duplicate.id, { type: "note", body: "Samme skriver som i den andre saken" });
    const note = (await eventsOf(duplicate.id)).at(-1)!;
    expect(note.type).toBe("INTERNAL_NOTE");
    await addFile(duplicate.id, note.id, lise.userId, "logg.txt");

    const targetClockBefore = await clockOf(target.id);
    expect(targetClockBefore.state).toBe("MET");
    const sourceEvents = await eventsOf(duplicate.id);
    const targetEventsBefore = (await eventsOf(target.id)).length;

    clock.set("2026-11-23T10:30:00Z"); // 11:30 Oslo: the duplicate's P3 target (13:20 Oslo) has not run out
    const result = await mergeTicket({ actor: lise, input: { ticketId: duplicate.id, intoReference: target.reference.toLowerCase() }, ctx });
    expect(result).toEqual({ intoTicketId: target.id, copiedEvents: sourceEvents.length, copiedAttachments: 2 });

    // Events: one copy per original on the target, each pointing back; the originals stay (append-only).
    const targetEvents = await eventsOf(target.id);
    const copies = targetEvents.slice(targetEventsBefore);
    expect(copies.map((e) => e.type)).toEqual(sourceEvents.map(() => "MERGED_IN"));
    expect(copies.map((e) => (e.data as { fromEventId: string }).fromEventId)).toEqual(sourceEvents.map((e) => e.id.toString()));
    expect(copies.map((e) => (e.data as { originalType: string }).originalType)).toEqual(sourceEvents.map((e) => e.type));
    expect(copies[0]!.data).toMatchObject({ fromReference: duplicate.reference, title: "Skriver 2. etg. skriver ikke ut", originalActorId: per.userId, visibility: "INTERNAL" });
    // What the target's customer sees is unchanged: the copies are for the agents.
    expect((await listTicketEvents({ actor: kari, input: { id: target.id }, ctx })).map((e) => e.type)).not.toContain("MERGED_IN");
    expect(copies.find((e) => (e.data as { originalType: string }).originalType === "INTERNAL_NOTE")!.data).toMatchObject({ original: { body: "Samme skriver som i den andre saken" } });

    // Files: a row on the target per file, joined to the copy of its event, internal; the originals stay with the duplicate.
    const moved = await prisma.attachment.findMany({ where: { ticketId: target.id }, orderBy: { name: "asc" } });
    expect(moved.map((a) => [a.name, a.visibility])).toEqual([
      ["feilmelding.txt", "INTERNAL"],
      ["logg.txt", "INTERNAL"],
    ]);
    const copyOf = new Map(copies.map((c) => [(c.data as { fromEventId: string }).fromEventId, c.id]));
    expect(moved.find((a) => a.name === "feilmelding.txt")!.eventId).toBe(copyOf.get(registered.id.toString()));
    expect(moved.find((a) => a.name === "logg.txt")!.eventId).toBe(copyOf.get(note.id.toString()));
    expect(await prisma.attachment.count({ where: { ticketId: duplicate.id } })).toBe(2);

    // The target's clock is exactly as it was.
    const targetClockAfter = await clockOf(target.id);
    expect({ ...targetClockAfter, updatedAt: null }).toEqual({ ...targetClockBefore, updatedAt: null });

    // The duplicate: closed with the pointer, its clock out of measurement with the reason.
    const closed = await prisma.ticket.findUniqueOrThrow({ where: { id: duplicate.id } });
    expect(closed).toMatchObject({ status: "CLOSED", mergedIntoId: target.id, slaExclusionReason: `merged into ${target.reference}`, closedAt: new Date("2026-11-23T10:30:00Z") });
    const sourceClock = await clockOf(duplicate.id);
    expect(sourceClock).toMatchObject({ state: "EXCLUDED", stoppedAt: new Date("2026-11-23T10:30:00Z"), breachedAt: null });
    expect(JSON.parse(JSON.stringify(sourceClock.timers))).toEqual([]);
    const after = await eventsOf(duplicate.id);
    expect(after.slice(sourceEvents.length).map((e) => e.type)).toEqual(["RECLASSIFIED", "MERGED"]);
    expect(after.at(-1)!.data).toMatchObject({ intoTicketId: target.id, intoReference: target.reference });

    // It answers with the pointer: the requester gets it by e-mail and on the page (the link only where they may open it).
    const notices = await noticesOf(duplicate.id, "ticket-merged");
    expect(notices.map((n) => [n.recipientUserId, (n.payload as { intoReference: string }).intoReference])).toEqual([[per.userId, target.reference]]);
    expect(renderNotification("ticket-merged", notices[0]!.payload, "nb").subject).toContain(`slått sammen med ${target.reference}`);
    expect(renderNotification("ticket-merged", notices[0]!.payload, "en").subject).toContain(`merged into ${target.reference}`);
    expect(await getTicketNotes({ actor: per, input: { id: duplicate.id }, ctx })).toEqual({ expectedResolution: null, mergedInto: { reference: target.reference, id: null } });
    expect((await getTicketNotes({ actor: ola, input: { id: duplicate.id }, ctx })).mergedInto).toEqual({ reference: target.reference, id: target.id });
    const related = await getRelatedTickets({ actor: lise, input: { id: target.id }, ctx });
    expect(related.mergedFrom.map((t) => t.reference)).toEqual([duplicate.reference]);
    expect(related.links).toEqual([expect.objectContaining({ kind: "DUPLICATE", direction: "to", ticket: expect.objectContaining({ reference: duplicate.reference }) })]);

    // It cannot be merged again, answered, or merged into.
    expect((await rejection(mergeTicket({ actor: lise, input: { ticketId: duplicate.id, intoReference: target.reference }, ctx }))).code).toBe("conflict");
    expect((await rejection(act(lise, duplicate.id, { type: "reply", body: "Hei" }))).code).toBe("conflict");
    expect((await rejection(mergeTicket({ actor: lise, input: { ticketId: target.id, intoReference: duplicate.reference }, ctx }))).code).toBe("conflict");
  });

  it("a duplicate already responded to stops as met; one already breached stays breached (a merge never hides a breach)", async () => {
    const { clock, ctx, act, register } = context("2026-11-24T08:00:00Z"); // Tuesday 09:00 Oslo
    const target = await register(kari, "VPN nede");
    const answered = await register(per, "VPN virker ikke");
    const breached = await register(ola, "Ingen får koblet til VPN", "P1");
    clock.set("2026-11-24T08:15:00Z");
    await act(lise, answered.id, { type: "start" });
    expect((await clockOf(answered.id)).state).toBe("MET");
    const targetBefore = await clockOf(target.id);

    clock.set("2026-11-24T09:30:00Z"); // P1 due 10:00 Oslo (09:00Z): breached half an hour ago, still running
    await mergeTicket({ actor: lise, input: { ticketId: answered.id, intoReference: target.reference }, ctx });
    await mergeTicket({ actor: lise, input: { ticketId: breached.id, intoReference: target.reference }, ctx });

    expect(await clockOf(answered.id)).toMatchObject({ state: "MET", stoppedAt: new Date("2026-11-24T08:15:00Z") });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: answered.id } })).slaExclusionReason).toBeNull();
    expect((await eventsOf(answered.id)).map((e) => e.type)).not.toContain("RECLASSIFIED");

    expect(await clockOf(breached.id)).toMatchObject({ state: "BREACHED", breachedAt: new Date("2026-11-24T09:00:00Z"), stoppedAt: new Date("2026-11-24T09:30:00Z") });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: breached.id } })).slaExclusionReason).toBeNull();

    const targetAfter = await clockOf(target.id);
    expect({ ...targetAfter, updatedAt: null }).toEqual({ ...targetBefore, updatedAt: null });
  });

  it("refuses tickets of two customers, and anyone but the servicedesk", async () => {
    const { ctx, register } = context("2026-11-25T08:00:00Z");
    const nordlys = await register(kari, "Skjermen blinker");
    const fjordvik = await register(ingrid, "Skjermen blinker");
    expect((await rejection(mergeTicket({ actor: lise, input: { ticketId: nordlys.id, intoReference: fjordvik.reference }, ctx }))).code).toBe("conflict");
    expect((await rejection(mergeTicket({ actor: ola, input: { ticketId: nordlys.id, intoReference: nordlys.reference }, ctx }))).code).toBe("not_found");
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: nordlys.id } })).status).toBe("NEW");
  });
});

describe("links", () => {
  it("links two tickets once, in three kinds, shown on both with the direction, and removes them", async () => {
    const { ctx, register } = context("2026-11-25T09:00:00Z");
    const a = await register(kari, "Treg e-post");
    const b = await register(ingrid, "Treg e-post hos oss også");
    const c = await register(sara, "Exchange-feil");
    const d = await register(per, "Treg e-post igjen");
    await linkTickets({ actor: lise, input: { ticketId: a.id, reference: b.reference, kind: "RELATED" }, ctx });
    await linkTickets({ actor: lise, input: { ticketId: a.id, reference: ` ${c.reference.toLowerCase()} `, kind: "CAUSED_BY" }, ctx });
    await linkTickets({ actor: lise, input: { ticketId: d.id, reference: a.reference, kind: "DUPLICATE" }, ctx });

    const viewA = await getRelatedTickets({ actor: lise, input: { id: a.id }, ctx });
    expect(viewA.links.map((l) => [l.kind, l.direction, l.ticket.reference])).toEqual([
      ["RELATED", "from", b.reference],
      ["CAUSED_BY", "from", c.reference],
      ["DUPLICATE", "to", d.reference],
    ]);
    const viewC = await getRelatedTickets({ actor: lise, input: { id: c.id }, ctx });
    expect(viewC.links.map((l) => [l.kind, l.direction, l.ticket.reference])).toEqual([["CAUSED_BY", "to", a.reference]]);
    expect((await eventsOf(c.id)).filter((e) => e.type === "LINKED").map((e) => e.data)).toEqual([{ kind: "CAUSED_BY", direction: "to", otherTicketId: a.id, otherReference: a.reference }]);

    // The same pair again, either way round, and a ticket with itself, are refused; an unknown reference is not found.
    expect((await rejection(linkTickets({ actor: lise, input: { ticketId: b.id, reference: a.reference, kind: "DUPLICATE" }, ctx }))).code).toBe("conflict");
    expect((await rejection(linkTickets({ actor: lise, input: { ticketId: a.id, reference: a.reference, kind: "RELATED" }, ctx }))).code).toBe("conflict");
    expect((await rejection(linkTickets({ actor: lise, input: { ticketId: a.id, reference: "NL-1999-000001", kind: "RELATED" }, ctx }))).code).toBe("not_found");
    // Customers do not link.
    expect((await rejection(linkTickets({ actor: kari, input: { ticketId: a.id, reference: d.reference, kind: "RELATED" }, ctx }))).code).toBe("not_found");

    const related = viewA.links.find((l) => l.kind === "RELATED")!;
    await unlinkTickets({ actor: lise, input: { ticketId: b.id, linkId: related.id }, ctx });
    expect((await getRelatedTickets({ actor: lise, input: { id: b.id }, ctx })).links).toEqual([]);
    expect((await eventsOf(a.id)).map((e) => e.type)).toContain("UNLINKED");
  });
});

describe("who may relate tickets", () => {
  it("reading is staff-wide, but linking, merging and adding to a parent write on both tickets: the line that owns them", async () => {
    const { ctx, act, register } = context("2026-11-25T10:00:00Z");
    const first = await register(kari, "Fakturaer forsvinner");
    const escalated = await register(per, "Fakturaer forsvinner også her");
    await act(lise, escalated.id, { type: "escalate", line: "L2", workDone: "Sjekket loggene, trenger applikasjonsspesialist" });
    expect((await getRelatedTickets({ actor: lise, input: { id: escalated.id }, ctx })).reference).toBe(escalated.reference);
    expect((await rejection(linkTickets({ actor: lise, input: { ticketId: first.id, reference: escalated.reference, kind: "RELATED" }, ctx }))).code).toBe("forbidden");
    expect((await rejection(mergeTicket({ actor: lise, input: { ticketId: first.id, intoReference: escalated.reference }, ctx }))).code).toBe("forbidden");
    expect((await rejection(addToParent({ actor: lise, input: { parentId: first.id, childId: escalated.id }, ctx }))).code).toBe("forbidden");
    await linkTickets({ actor: marte, input: { ticketId: first.id, reference: escalated.reference, kind: "RELATED" }, ctx });
    expect((await getRelatedTickets({ actor: lise, input: { id: first.id }, ctx })).links.map((l) => l.ticket.reference)).toEqual([escalated.reference]);
  });
});

describe("a parent major-incident ticket", () => {
  it("sends its public reply and its solution to each child of three customers, each through its own actions, notices and clock", async () => {
    const { clock, ctx, act, register } = context("2026-11-26T08:00:00Z"); // Thursday 09:00 Oslo
    const parent = await register(kari, "Nettverksbrudd i datasenteret", "P2");
    const children = [await register(ingrid, "Ingenting virker"), await register(sara, "Nede hos oss"), await register(per, "Ingen nett")];
    for (const child of children) await addToParent({ actor: lise, input: { parentId: parent.id, childId: child.id }, ctx });
    // Adding the same child again is a no-op; one level only.
    await addToParent({ actor: lise, input: { parentId: parent.id, childId: children[0]!.id }, ctx });
    expect((await rejection(addToParent({ actor: lise, input: { parentId: children[0]!.id, childId: children[1]!.id }, ctx }))).code).toBe("conflict");
    expect((await rejection(addToParent({ actor: lise, input: { parentId: children[2]!.id, childId: parent.id }, ctx }))).code).toBe("conflict");
    expect((await getRelatedTickets({ actor: lise, input: { id: parent.id }, ctx })).children.map((c) => c.id)).toEqual(children.map((c) => c.id));

    // The parent's requester writes on it: a customer's reply stays on their own ticket.
    clock.set("2026-11-26T08:20:00Z");
    await act(kari, parent.id, { type: "reply", body: "Hos oss er alt nede." });
    clock.set("2026-11-26T08:30:00Z");
    await act(lise, parent.id, { type: "reply", body: "Vi jobber med bruddet." });
    for (const child of children) {
      const replies = (await eventsOf(child.id)).filter((e) => e.type === "PUBLIC_REPLY");
      expect(replies.map((e) => [(e.data as { body: string }).body, e.actorId, e.at.toISOString()])).toEqual([["Vi jobber med bruddet.", lise.userId, "2026-11-26T08:30:00.000Z"]]);
      const requester = (await prisma.ticket.findUniqueOrThrow({ where: { id: child.id } })).requesterId;
      expect((await noticesOf(child.id, "ticket-reply")).map((n) => n.recipientUserId)).toEqual([requester]);
    }

    clock.set("2026-11-26T10:00:00Z");
    await act(lise, parent.id, { type: "resolve", solution: "Ruteren er byttet, alt virker igjen." });
    for (const child of children) {
      const row = await prisma.ticket.findUniqueOrThrow({ where: { id: child.id } });
      expect(row).toMatchObject({ status: "SOLVED", solvedAt: new Date("2026-11-26T10:00:00Z") });
      expect((await noticesOf(child.id, "ticket-solved")).map((n) => n.recipientUserId)).toEqual([row.requesterId]);
      // Each child's own clock: the reply started troubleshooting at 09:30 Oslo (the agreements' default), within its P3 target.
      expect(await clockOf(child.id)).toMatchObject({ state: "MET", stoppedAt: new Date("2026-11-26T08:30:00Z") });
    }
    const summaries = (await eventsOf(parent.id)).filter((e) => e.type === "CHILDREN_UPDATED").map((e) => e.data);
    const refs = children.map((c) => c.reference);
    expect(summaries).toEqual([
      { action: "reply", done: refs, skipped: [], failed: [] },
      { action: "resolve", done: refs, skipped: [], failed: [] },
    ]);
  });
});

describe("a parent's files", () => {
  it("go with its public reply to each open child as that child's own public rows on the same bytes, readable by the child's customer only; internal and customers' files stay", async () => {
    const { clock, ctx, act, register } = context("2026-11-26T08:00:00Z"); // Thursday 09:00 Oslo
    const parent = await register(kari, "Strømbrudd i serverrommet", "P2");
    const children = [await register(ingrid, "Alt er nede hos oss"), await register(sara, "Ingen tilgang til noe")];
    for (const child of children) await addToParent({ actor: lise, input: { parentId: parent.id, childId: child.id }, ctx });
    const spool = (name: string, text: string) => spoolFile(Readable.from([Buffer.from(text)]), name, attachmentConfig().limits);
    const send = async (actor: Actor, actions: TicketActionRequest[], name: string, text: string) =>
      applyTicketActions({ actor, input: { ticketId: parent.id, actions }, ctx, attachments: { files: [await spool(name, text)], store: postgresStore() } });
    const read = async (opened: Promise<{ body: Readable }>) => {
      const chunks: Buffer[] = [];
      for await (const chunk of (await opened).body) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString();
    };

    // Files that are not public stay on the parent: a customer's, an internal note's, and one sent with a note beside a reply (it joins the note).
    clock.set("2026-11-26T08:10:00Z");
    await send(kari, [{ type: "reply", body: "Skjermbilde fra oss." }], "skjermbilde.txt", `kundens fil ${parent.id}`);
    clock.set("2026-11-26T08:20:00Z");
    await send(lise, [{ type: "note", body: "Leverandøren har sendt loggen." }], "leverandorlogg.txt", `intern logg ${parent.id}`);
    clock.set("2026-11-26T08:25:00Z");
    await send(
      lise,
      [
        { type: "note", body: "Målinger fra UPS-en." },
        { type: "reply", body: "Vi feilsøker strømforsyningen." },
      ],
      "ups-maalinger.txt",
      `intern ups ${parent.id}`,
    );
    // The public reply's file goes along.
    clock.set("2026-11-26T08:30:00Z");
    const workaround = `Midlertidig løsning for ${parent.id}: bruk gjestenettet.`;
    await send(lise, [{ type: "reply", body: "Se vedlagt midlertidig løsning." }], "midlertidig-losning.txt", workaround);

    const onParent = await prisma.attachment.findMany({ where: { ticketId: parent.id }, orderBy: { createdAt: "asc" } });
    expect(onParent.map((a) => [a.name, a.visibility])).toEqual([
      ["skjermbilde.txt", "PUBLIC"],
      ["leverandorlogg.txt", "INTERNAL"],
      ["ups-maalinger.txt", "INTERNAL"],
      ["midlertidig-losning.txt", "PUBLIC"],
    ]);
    const original = onParent.at(-1)!;
    const passedOn = [];
    for (const child of children) {
      const rows = await prisma.attachment.findMany({ where: { ticketId: child.id }, include: { event: { select: { type: true, at: true, data: true } } } });
      expect(
        rows.map((a) => ({ name: a.name, visibility: a.visibility, sha256: a.sha256, store: a.store, size: a.size, contentType: a.contentType, event: a.event.type, at: a.event.at.toISOString() })),
      ).toEqual([
        {
          name: "midlertidig-losning.txt",
          visibility: "PUBLIC",
          sha256: original.sha256,
          store: original.store,
          size: original.size,
          contentType: original.contentType,
          event: "PUBLIC_REPLY",
          at: "2026-11-26T08:30:00.000Z",
        },
      ]);
      expect(rows[0]!.event.data).toMatchObject({ body: "Se vedlagt midlertidig løsning." });
      expect(rows[0]!.id).not.toBe(original.id);
      passedOn.push(rows[0]!);
    }
    // The bytes are kept once, whatever the number of rows.
    expect(await prisma.attachmentBlob.count({ where: { sha256: original.sha256 } })).toBe(1);

    // Each child's customer sees it on the reply in their timeline and downloads it from their own ticket (the /vedlegg/:id use case) …
    const [ingridsFile, sarasFile] = passedOn as [(typeof passedOn)[number], (typeof passedOn)[number]];
    const ingridSees = await listTicketEvents({ actor: ingrid, input: { id: children[0]!.id }, ctx });
    expect(ingridSees.filter((e) => e.type === "PUBLIC_REPLY").map((e) => [e.data.body, e.attachments?.map((a) => a.id) ?? []])).toEqual([
      ["Vi feilsøker strømforsyningen.", []],
      ["Se vedlagt midlertidig løsning.", [ingridsFile.id]],
    ]);
    expect(await read(openAttachment({ actor: ingrid, id: ingridsFile.id, ctx }))).toBe(workaround);
    expect(await read(openAttachment({ actor: sara, id: sarasFile.id, ctx }))).toBe(workaround);
    // … and nobody else by that row, though the bytes are shared: not the other child's customer, not the parent's requester (who has her own row).
    expect((await rejection(openAttachment({ actor: sara, id: ingridsFile.id, ctx }))).code).toBe("not_found");
    expect((await rejection(openAttachment({ actor: ingrid, id: sarasFile.id, ctx }))).code).toBe("not_found");
    expect((await rejection(openAttachment({ actor: kari, id: ingridsFile.id, ctx }))).code).toBe("not_found");
    expect(await read(openAttachment({ actor: kari, id: original.id, ctx }))).toBe(workaround);

    // A solved child gets nothing more; the open one gets the solution's file on its SOLVED event.
    clock.set("2026-11-26T09:00:00Z");
    await act(lise, children[1]!.id, { type: "resolve", solution: "Løst lokalt." });
    clock.set("2026-11-26T10:00:00Z");
    await send(lise, [{ type: "resolve", solution: "Strømmen er tilbake." }], "rapport.txt", `rapport ${parent.id}`);
    const solvedWith = await prisma.attachment.findMany({ where: { ticketId: children[0]!.id, name: "rapport.txt" }, include: { event: { select: { type: true } } } });
    expect(solvedWith.map((a) => [a.visibility, a.event.type])).toEqual([["PUBLIC", "SOLVED"]]);
    expect(await prisma.attachment.count({ where: { ticketId: children[1]!.id } })).toBe(1);
  });
});

describe("a parent's reply sent with 'waiting for the customer'", () => {
  it("goes on to each child as a public reply; the wait and its reason stay with the parent", async () => {
    const { clock, ctx, act, register } = context("2026-11-26T08:00:00Z"); // Thursday 09:00 Oslo
    const parent = await register(kari, "Skriverkø stoppet", "P2");
    const child = await register(ingrid, "Kan ikke skrive ut");
    await addToParent({ actor: lise, input: { parentId: parent.id, childId: child.id }, ctx });
    clock.set("2026-11-26T08:15:00Z");
    await act(lise, parent.id, { type: "wait", reason: "Venter på leverandør", message: "Kan dere bekrefte at køen er tom nå?" });
    const replies = (await eventsOf(child.id)).filter((e) => e.type === "PUBLIC_REPLY").map((e) => (e.data as { body: string }).body);
    expect(replies).toEqual(["Kan dere bekrefte at køen er tom nå?"]);
    const row = await prisma.ticket.findUniqueOrThrow({ where: { id: child.id } });
    expect(row.status).not.toBe("WAITING_FOR_CUSTOMER");
    expect(JSON.stringify((await eventsOf(child.id)).map((e) => e.data))).not.toContain("Venter på leverandør");
  });
});

describe("expected time to solution", () => {
  it("is kept on the ticket, shown to the customer and e-mailed to the requester in their language; a past time is refused", async () => {
    const { ctx, register } = context("2026-11-27T08:00:00Z");
    const ticket = await register(kari, "Ny PC til ny ansatt", "P4");
    expect((await rejection(setExpectedResolution({ actor: lise, input: { ticketId: ticket.id, expectedAt: "2026-11-27T07:00:00Z" }, ctx }))).code).toBe("conflict");
    expect((await rejection(setExpectedResolution({ actor: kari, input: { ticketId: ticket.id, expectedAt: "2026-12-01T12:00:00Z" }, ctx }))).code).toBe("not_found");
    await setExpectedResolution({ actor: lise, input: { ticketId: ticket.id, expectedAt: "2026-12-01T12:00:00Z", note: "PC-en er bestilt" }, ctx });
    expect(await getTicketNotes({ actor: kari, input: { id: ticket.id }, ctx })).toEqual({ expectedResolution: { at: "2026-12-01T12:00:00.000Z", note: "PC-en er bestilt" }, mergedInto: null });
    const [notice] = await noticesOf(ticket.id, "ticket-expected-resolution");
    expect(notice!.recipientUserId).toBe(kari.userId);
    const nb = renderNotification("ticket-expected-resolution", notice!.payload, "nb");
    const en = renderNotification("ticket-expected-resolution", notice!.payload, "en");
    expect(nb.text).toContain("13:00"); // 12:00Z is 13:00 Oslo
    expect(nb.text).toContain("PC-en er bestilt");
    expect(en.subject).toContain("Expected time to solution");
    // It changes no clock.
    expect((await eventsOf(ticket.id)).map((e) => e.type)).toEqual(["REGISTERED", "EXPECTED_RESOLUTION_SET"]);
  });
});

describe("time to solution in the monthly report", () => {
  it("counts the tickets solved in the month (in the configured zone) by organisation: median and average, outside the 90 % rule", async () => {
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({
      where: { key: "netpower-ordinary" },
      select: { id: true, versions: { orderBy: { validFrom: "desc" }, take: 1, select: { id: true } } },
    });
    const slug = `rt-${randomUUID().slice(0, 8)}`;
    const org = await prisma.organization.create({ data: { name: `Kunde ${slug}`, slug, ticketPrefix: "RT", agreementId: agreement.id, monthlyFeeOre: 1_000_000 }, select: { id: true } });
    const user = await prisma.user.create({ data: { organizationId: org.id, email: `${slug}@test.example`, name: "Bruker", role: "END_USER" }, select: { id: true } });
    let serial = 0;
    const ticket = async (createdAt: string, solvedAt: string | null, extra: { mergedIntoId?: string } = {}) => {
      const row = await prisma.ticket.create({
        data: {
          reference: `${slug}-${++serial}`,
          organizationId: org.id,
          requesterId: user.id,
          agreementVersionId: agreement.versions[0]!.id,
          title: "Sak",
          description: "testsak",
          priority: "P3",
          channel: "PORTAL",
          status: solvedAt ? "SOLVED" : "OPEN",
          createdAt: new Date(createdAt),
          solvedAt: solvedAt ? new Date(solvedAt) : null,
          ...extra,
        },
        select: { id: true },
      });
      const at = new Date(createdAt);
      await prisma.slaClock.create({
        data: { ticketId: row.id, metric: "RESPONSE", state: "MET", targetMinutes: 240, startedAt: at, stoppedAt: new Date(at.getTime() + 30 * 60_000), usedMinutes: 30 },
      });
      return row.id;
    };
    const first = await ticket("2026-10-05T08:00:00Z", "2026-10-05T09:00:00Z"); // 60 min
    await ticket("2026-10-06T08:00:00Z", "2026-10-06T10:00:00Z"); // 120 min
    await ticket("2026-10-07T08:00:00Z", "2026-10-07T18:00:00Z"); // 600 min
    await ticket("2026-10-31T20:00:00Z", "2026-10-31T23:30:00Z"); // solved 1 November 00:30 Oslo: November's
    await ticket("2026-10-08T08:00:00Z", null); // not solved
    await ticket("2026-10-09T08:00:00Z", "2026-10-09T09:00:00Z", { mergedIntoId: first }); // merged: not a solution

    const [october] = await computeMonthReports(prisma, { month: "2026-10", now: new Date("2026-11-15T12:00:00Z"), organizationIds: [org.id] });
    const f = october!.figures;
    expect(f.resolution).toEqual({ solved: 3, medianMinutes: 120, averageMinutes: 260 });
    // The response figures and the credit do not read it.
    expect(f.tickets).toMatchObject({ registered: 6, met: 6, measured: 6, percent: 100, passes: true });
    expect(f.credit.percent).toBe(0);
    const [november] = await computeMonthReports(prisma, { month: "2026-11", now: new Date("2026-12-15T12:00:00Z"), organizationIds: [org.id] });
    expect(november!.figures.resolution).toEqual({ solved: 1, medianMinutes: 210, averageMinutes: 210 });

    const nb = reportCsv(f, "nb").split("\r\n");
    expect(nb.slice(-3, -1)).toEqual(["Løste saker;Median tid til løsning (minutter);Gjennomsnittlig tid til løsning (minutter)", "3;120;260"]);
    const en = reportCsv(f, "en").split("\r\n");
    expect(en.slice(-3, -1)).toEqual(["Tickets solved,Median time to solution (minutes),Average time to solution (minutes)", "3,120,260"]);
  });
});
