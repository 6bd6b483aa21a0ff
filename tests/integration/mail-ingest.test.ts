/**
 * E-mail intake's use case (issue 17): ingestMail with raw messages built here, against the real
 * database. Every mail is received at an instant the test chooses; the clock starts there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { createPrisma } from "../../lib/server/db/prisma";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { applyTicketAction, autoCloseSolvedTickets, mergeTicket, registerTicket, type TicketActionRequest, type UseCaseContext } from "../../lib/server/tickets";
import { assignUnknownSenderMail, listUnknownSenderMail, readInboundMail, rejectUnknownSenderMail, listTicketMail } from "../../lib/server/mail-intake";
import { ingestMail, keepForAgent } from "../../lib/server/mail-intake/ingest-mail";
import type { IncomingMail } from "../../lib/server/mail-intake/incoming-mail";
import type { Actor } from "../../lib/server/actor";
import { seededActors } from "../support/fixtures";

const prisma = createPrisma();
afterAll(() => prisma.$disconnect());

let kari: Actor, per: Actor, lise: Actor, ola: Actor, ingrid: Actor, sara: Actor;
beforeAll(async () => {
  ({ kari, per, lise, ola, ingrid, sara } = await seededActors(prisma, ["kari", "per", "lise", "ola", "ingrid", "sara"]));
});

const ctxAt = (now: string): UseCaseContext => ({ prisma, now: () => new Date(now) });

async function rawMail(options: Mail.Options & { messageId?: string }): Promise<Buffer> {
  return new MailComposer({ to: "support@servicedesk.example", subject: "Skriveren virker ikke", text: "Hei,\n\nskriveren i 2. etasje skriver ikke ut.", ...options }).compile().build();
}

let uid = 1000n;
const incoming = (raw: Buffer, receivedAt: string, keys: Partial<Pick<IncomingMail, "mailboxId" | "uidValidity" | "uid">> = {}): IncomingMail => ({
  mailboxId: null,
  uidValidity: null,
  uid: null,
  raw,
  receivedAt: new Date(receivedAt),
  ...keys,
});

const storedClock = (ticketId: string) => prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId, metric: "RESPONSE" } } });
const messageId = () => `<${randomUUID()}@kunde.example>`;

describe("a new mail from a known customer user", () => {
  it("becomes a ticket of their organisation, by e-mail, at the organisation's e-mail priority, its clock started when the mail arrived", async () => {
    // Received Monday 15:00 Oslo; intake was down and reads it an hour and a half later.
    const raw = await rawMail({ from: "Kari Nordmann <Kari@Nordlys.example>", messageId: messageId(), date: new Date("2026-11-20T08:00:00Z") });
    const outcome = await ingestMail(ctxAt("2026-11-23T15:30:00Z"), incoming(raw, "2026-11-23T14:00:00Z"));
    expect(outcome.status).toBe("TICKET");
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: outcome.ticketId! } });
    expect(ticket).toMatchObject({ organizationId: kari.organizationId, requesterId: kari.userId, channel: "EMAIL", priority: "P3", status: "NEW", title: "Skriveren virker ikke" });
    expect(ticket.description).toBe("Hei,\n\nskriveren i 2. etasje skriver ikke ut.");
    expect(ticket.createdAt.toISOString()).toBe("2026-11-23T14:00:00.000Z");
    expect(ticket.reference).toMatch(/^NL-2026-\d{6}$/);
    // Netpower ordinary P3: 4 office hours (08–16 Oslo) from Monday 15:00 → Tuesday 11:00 Oslo.
    const clock = await storedClock(ticket.id);
    expect(clock.state).toBe("RUNNING");
    expect(clock.startedAt.toISOString()).toBe("2026-11-23T14:00:00.000Z");
    expect(clock.dueAt?.toISOString()).toBe("2026-11-24T10:00:00.000Z");
    const mail = await prisma.inboundMail.findUniqueOrThrow({ where: { id: outcome.inboundMailId! } });
    expect(mail).toMatchObject({ status: "TICKET", ticketId: ticket.id, senderId: kari.userId, organizationId: kari.organizationId, fromAddress: "kari@nordlys.example", fromName: "Kari Nordmann" });
    expect(mail.sentAt?.toISOString()).toBe("2026-11-20T08:00:00.000Z");
    expect(Buffer.from(mail.raw).equals(raw)).toBe(true);
    const registered = await prisma.ticketEvent.findUniqueOrThrow({ where: { id: mail.eventId! } });
    expect(registered).toMatchObject({ type: "REGISTERED", actorId: kari.userId });
    // The receipt, as from the portal.
    expect(await prisma.notification.count({ where: { ticketId: ticket.id, template: "ticket-receipt" } })).toBe(1);
  });

  it("read only after its target ran out (intake was down) is breached as of its arrival", async () => {
    // Received Friday 15:00 Oslo: due Monday 11:00 Oslo; read Monday 13:00 Oslo.
    const outcome = await ingestMail(ctxAt("2026-11-30T12:00:00Z"), incoming(await rawMail({ from: "per@nordlys.example", messageId: messageId() }), "2026-11-27T14:00:00Z"));
    const clock = await storedClock(outcome.ticketId!);
    expect(clock.state).toBe("BREACHED");
    expect(clock.dueAt?.toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(clock.startedAt.toISOString()).toBe("2026-11-27T14:00:00.000Z");
  });

  it("is taken in once: the same message again, or from another UID, is a duplicate; two workers at once make one ticket", async () => {
    const raw = await rawMail({ from: "per@nordlys.example", messageId: messageId() });
    const keys = { mailboxId: null, uidValidity: 7n, uid: uid++ };
    const [a, b] = await Promise.all([
      ingestMail(ctxAt("2026-11-24T09:00:00Z"), incoming(raw, "2026-11-24T09:00:00Z", keys)),
      ingestMail(ctxAt("2026-11-24T09:00:00Z"), incoming(raw, "2026-11-24T09:00:00Z", keys)),
    ]);
    expect([a.status, b.status].sort()).toEqual(["DUPLICATE", "TICKET"]);
    const again = await ingestMail(ctxAt("2026-11-24T09:05:00Z"), incoming(raw, "2026-11-24T09:00:00Z", { uidValidity: 7n, uid: uid++ }));
    expect(again).toEqual({ status: "DUPLICATE", inboundMailId: null, ticketId: null });
    const ticketId = (a.ticketId ?? b.ticketId)!;
    const mails = await prisma.inboundMail.findMany({ where: { ticketId } });
    expect(mails).toHaveLength(1);
    expect(await prisma.ticket.count({ where: { requesterId: per.userId, createdAt: new Date("2026-11-24T09:00:00Z") } })).toBe(1);
  });
});

const act = (actor: Actor, ticketId: string, action: TicketActionRequest, at: string) => applyTicketAction({ actor, input: { ticketId, action }, ctx: ctxAt(at) });
const receiptOf = (ticketId: string) => prisma.notification.findFirstOrThrow({ where: { ticketId, template: "ticket-receipt" }, select: { id: true } });
/** Our Message-ID of a notification, as notifications/deliver.ts sends it (MAIL_FROM's domain). */
const ourMessageId = (notificationId: string) => `<${notificationId}@localhost>`;
const portalTicket = (actor: Actor, at: string, title = "Nettverket er nede") => registerTicket({ actor, input: { title, description: "Ingen nett i 3. etasje.", priority: "P3" }, ctx: ctxAt(at) });
const events = async (ticketId: string) => prisma.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" }, select: { id: true, type: true, at: true, actorId: true, data: true } });

describe("a mail without a Message-ID", () => {
  it("is known by the hash of its bytes, and taken in once; an HTML-only mail shows as text", async () => {
    const raw = Buffer.from(
      [
        "From: Kari Nordmann <kari@nordlys.example>",
        "To: support@servicedesk.example",
        "Subject: Uten id",
        "MIME-Version: 1.0",
        "Content-Type: text/html; charset=utf-8",
        "",
        "<p>Skjermen er <b>svart</b>.</p>",
        "",
      ].join("\r\n"),
    );
    const first = await ingestMail(ctxAt("2026-11-24T11:00:00Z"), incoming(raw, "2026-11-24T11:00:00Z", { uidValidity: 9n, uid: uid++ }));
    expect(first.status).toBe("TICKET");
    const mail = await prisma.inboundMail.findUniqueOrThrow({ where: { id: first.inboundMailId! } });
    expect(mail.messageId).toBe(`<${createHash("sha256").update(raw).digest("hex")}@inbound.invalid>`);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: first.ticketId! } })).description).toBe("Skjermen er svart.");
    expect((await ingestMail(ctxAt("2026-11-24T11:05:00Z"), incoming(raw, "2026-11-24T11:00:00Z", { uidValidity: 9n, uid: uid++ }))).status).toBe("DUPLICATE");
  });

  it("without a sender waits for an agent rather than being dropped", async () => {
    const raw = Buffer.from(["To: support@servicedesk.example", "Subject: Hvem?", "", "Ingen avsender.", ""].join("\r\n"));
    const outcome = await ingestMail(ctxAt("2026-11-24T11:10:00Z"), incoming(raw, "2026-11-24T11:10:00Z"));
    expect(outcome).toMatchObject({ status: "UNKNOWN_SENDER", ticketId: null });
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: outcome.inboundMailId! } })).toMatchObject({ fromAddress: "", reason: "no_sender", subject: "Hvem?" });
  });
});

describe("a reply by e-mail", () => {
  it("threads by In-Reply-To to our notification: a public reply by the sender, channel EMAIL, history stripped, the mail on its event", async () => {
    const ticket = await portalTicket(kari, "2026-11-25T08:00:00Z");
    const receipt = await receiptOf(ticket.id);
    const raw = await rawMail({
      from: "kari@nordlys.example",
      messageId: messageId(),
      subject: "Re: Kvittering",
      inReplyTo: ourMessageId(receipt.id),
      references: [ourMessageId(receipt.id)],
      text: "Det gjelder også 4. etasje.\n\nDen tir. 25. nov. 2026 kl. 09:00 skrev Servicedesk <helpdesk@localhost>:\n> Vi har mottatt saken.",
    });
    const outcome = await ingestMail(ctxAt("2026-11-25T08:30:00Z"), incoming(raw, "2026-11-25T08:30:00Z"));
    expect(outcome).toMatchObject({ status: "REPLY", ticketId: ticket.id });
    const reply = (await events(ticket.id)).at(-1)!;
    expect(reply).toMatchObject({ type: "PUBLIC_REPLY", actorId: kari.userId, data: { body: "Det gjelder også 4. etasje.", inboundMailId: outcome.inboundMailId } });
    expect(reply.at.toISOString()).toBe("2026-11-25T08:30:00.000Z");
    const comment = await prisma.comment.findFirstOrThrow({ where: { ticketId: ticket.id }, orderBy: { createdAt: "desc" } });
    expect(comment).toMatchObject({ channel: "EMAIL", visibility: "PUBLIC", authorId: kari.userId, body: "Det gjelder også 4. etasje." });
    const mail = await prisma.inboundMail.findUniqueOrThrow({ where: { id: outcome.inboundMailId! } });
    expect(mail.eventId).toBe(reply.id);
    expect(await listTicketMail({ actor: lise, input: { ticketId: ticket.id }, ctx: ctxAt("2026-11-25T09:00:00Z") })).toEqual([
      expect.objectContaining({ id: mail.id, fromAddress: "kari@nordlys.example", eventId: reply.id.toString() }),
    ]);
    const original = await readInboundMail({ actor: lise, input: { id: mail.id }, ctx: ctxAt("2026-11-25T09:00:00Z") });
    expect(original.raw.equals(raw)).toBe(true);
    await expect(readInboundMail({ actor: kari, input: { id: mail.id }, ctx: ctxAt("2026-11-25T09:00:00Z") })).rejects.toMatchObject({ code: "not_found" });
  });

  it("threads by References to an earlier mail, and by the reference in the subject from a colleague of the same organisation", async () => {
    const first = messageId();
    const created = await ingestMail(ctxAt("2026-11-25T10:00:00Z"), incoming(await rawMail({ from: "kari@nordlys.example", messageId: first, subject: "VPN virker ikke" }), "2026-11-25T10:00:00Z"));
    const byReferences = await ingestMail(
      ctxAt("2026-11-25T10:10:00Z"),
      incoming(
        await rawMail({ from: "kari@nordlys.example", messageId: messageId(), subject: "Re: VPN virker ikke", references: [first, "<unknown@elsewhere.example>"], text: "Fortsatt nede." }),
        "2026-11-25T10:10:00Z",
      ),
    );
    expect(byReferences).toMatchObject({ status: "REPLY", ticketId: created.ticketId });
    const { reference } = await prisma.ticket.findUniqueOrThrow({ where: { id: created.ticketId! }, select: { reference: true } });
    const bySubject = await ingestMail(
      ctxAt("2026-11-25T10:20:00Z"),
      incoming(await rawMail({ from: "per@nordlys.example", messageId: messageId(), subject: `SV: [${reference}] VPN virker ikke`, text: "Samme her." }), "2026-11-25T10:20:00Z"),
    );
    expect(bySubject).toMatchObject({ status: "REPLY", ticketId: created.ticketId });
    // Another organisation's user naming the reference gets a ticket of their own.
    const stranger = await ingestMail(
      ctxAt("2026-11-25T10:30:00Z"),
      incoming(await rawMail({ from: "ingrid@fjordvik.example", messageId: messageId(), subject: `[${reference}] VPN`, text: "Hei" }), "2026-11-25T10:30:00Z"),
    );
    expect(stranger.status).toBe("TICKET");
    expect(stranger.ticketId).not.toBe(created.ticketId);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: stranger.ticketId! } })).organizationId).toBe(ingrid.organizationId);
  });

  it("from the customer resumes a clock paused waiting for them, as a portal reply does", async () => {
    const ticket = await portalTicket(per, "2026-11-26T08:00:00Z"); // Thursday 09:00 Oslo
    await act(lise, ticket.id, { type: "wait", reason: "Trenger modellnummer" }, "2026-11-26T08:20:00Z");
    expect((await storedClock(ticket.id)).state).toBe("PAUSED");
    const receipt = await receiptOf(ticket.id);
    const outcome = await ingestMail(
      ctxAt("2026-11-26T09:20:00Z"),
      incoming(await rawMail({ from: "per@nordlys.example", messageId: messageId(), inReplyTo: ourMessageId(receipt.id), text: "Modell HP 400." }), "2026-11-26T09:20:00Z"),
    );
    expect(outcome.status).toBe("REPLY");
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("OPEN");
    const resumed = (await events(ticket.id)).find((e) => e.type === "RESUMED")!;
    expect(resumed.at.toISOString()).toBe("2026-11-26T09:20:00.000Z");
    const clock = await storedClock(ticket.id);
    expect(clock.state).toBe("RUNNING");
    // 4 office hours from 09:00 Oslo, 20 minutes used before the pause, paused one hour: due 13:00 + 1 h = 14:00 Oslo.
    expect(clock.dueAt?.toISOString()).toBe("2026-11-26T13:00:00.000Z");
  });

  it("reopens a solved ticket within its confirmation window", async () => {
    const ticket = await portalTicket(kari, "2026-11-26T10:00:00Z");
    await act(lise, ticket.id, { type: "resolve", solution: "Startet ruteren på nytt." }, "2026-11-26T11:00:00Z");
    const receipt = await receiptOf(ticket.id);
    const outcome = await ingestMail(
      ctxAt("2026-11-27T08:00:00Z"),
      incoming(await rawMail({ from: "kari@nordlys.example", messageId: messageId(), inReplyTo: ourMessageId(receipt.id), text: "Det er nede igjen." }), "2026-11-27T08:00:00Z"),
    );
    expect(outcome).toMatchObject({ status: "REPLY", ticketId: ticket.id });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "OPEN", solvedAt: null, confirmationDueAt: null });
    expect((await events(ticket.id)).at(-1)).toMatchObject({ type: "REOPENED", data: { body: "Det er nede igjen.", inboundMailId: outcome.inboundMailId } });
  });

  it("reopens a ticket the customer accepted while the reopen window lasts; after it, starts a follow-up ticket", async () => {
    const accepted = await portalTicket(kari, "2026-11-27T08:00:00Z", "Skjerm flimrer");
    await act(lise, accepted.id, { type: "resolve", solution: "Ny kabel." }, "2026-11-27T09:00:00Z");
    await act(kari, accepted.id, { type: "confirm" }, "2026-11-27T09:30:00Z");
    const reopened = await ingestMail(
      ctxAt("2026-11-28T09:00:00Z"),
      incoming(await rawMail({ from: "kari@nordlys.example", messageId: messageId(), subject: `Re: [${accepted.reference}] Skjerm flimrer`, text: "Flimrer igjen." }), "2026-11-28T09:00:00Z"),
    );
    expect(reopened).toMatchObject({ status: "REPLY", ticketId: accepted.id });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: accepted.id } })).toMatchObject({ status: "OPEN", closedAt: null });

    const silent = await portalTicket(kari, "2026-11-27T08:00:00Z", "Skriver stopper");
    await act(lise, silent.id, { type: "resolve", solution: "Byttet toner." }, "2026-11-27T09:00:00Z");
    // Silence for the whole window (120 hours) closes it.
    await autoCloseSolvedTickets({ ctx: ctxAt("2026-12-02T10:00:00Z") });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: silent.id } })).status).toBe("CLOSED");
    const receipt = await receiptOf(silent.id);
    const followUp = await ingestMail(
      ctxAt("2026-12-03T09:00:00Z"),
      incoming(
        await rawMail({ from: "kari@nordlys.example", messageId: messageId(), subject: "Re: Skriver stopper", inReplyTo: ourMessageId(receipt.id), text: "Den stopper igjen." }),
        "2026-12-03T09:00:00Z",
      ),
    );
    expect(followUp.status).toBe("TICKET");
    const next = await prisma.ticket.findUniqueOrThrow({ where: { id: followUp.ticketId! } });
    expect(next).toMatchObject({ followUpOfId: silent.id, channel: "EMAIL", requesterId: kari.userId, description: "Den stopper igjen." });
    expect(next.createdAt.toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: silent.id } })).status).toBe("CLOSED");
  });

  it("to a ticket merged into another lands on the one it was merged into when the sender can read it there; anyone else's makes a follow-up", async () => {
    const target = await portalTicket(kari, "2026-11-30T08:00:00Z", "Utskrift henger");
    const duplicate = await portalTicket(kari, "2026-11-30T08:05:00Z", "Skriveren henger");
    const pers = await portalTicket(per, "2026-11-30T08:06:00Z", "Skriveren henger hos meg også");
    for (const ticket of [duplicate, pers]) await mergeTicket({ actor: lise, input: { ticketId: ticket.id, intoReference: target.reference }, ctx: ctxAt("2026-11-30T09:00:00Z") });
    const notice = await prisma.notification.findFirstOrThrow({ where: { ticketId: duplicate.id, template: "ticket-merged" }, select: { id: true } });
    const tickets = await prisma.ticket.count();

    // Kari requested both: her reply to the duplicate's notice goes on in the ticket it was merged into.
    const byNotice = await ingestMail(
      ctxAt("2026-11-30T10:00:00Z"),
      incoming(await rawMail({ from: "kari@nordlys.example", messageId: messageId(), inReplyTo: ourMessageId(notice.id), text: "Den henger fortsatt." }), "2026-11-30T10:00:00Z"),
    );
    expect(byNotice).toMatchObject({ status: "REPLY", ticketId: target.id });
    expect((await events(target.id)).at(-1)).toMatchObject({ type: "PUBLIC_REPLY", actorId: kari.userId, data: { body: "Den henger fortsatt." } });
    // Ola, the customer admin, sees every ticket of Nordlys: the duplicate's reference in a subject threads there too.
    const byAdmin = await ingestMail(
      ctxAt("2026-11-30T10:10:00Z"),
      incoming(await rawMail({ from: "ola@nordlys.example", messageId: messageId(), subject: `SV: [${pers.reference}] Skriveren henger`, text: "Gjelder hele etasjen." }), "2026-11-30T10:10:00Z"),
    );
    expect(byAdmin).toMatchObject({ status: "REPLY", ticketId: target.id });
    expect(await prisma.ticket.count()).toBe(tickets);
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: duplicate.id }, select: { status: true } })).toEqual({ status: "CLOSED" });

    // Per cannot read Kari's ticket: his reply to his merged ticket is not written into it, but starts a follow-up of his own.
    const byPer = await ingestMail(
      ctxAt("2026-11-30T10:20:00Z"),
      incoming(await rawMail({ from: "per@nordlys.example", messageId: messageId(), subject: `SV: [${pers.reference}] Skriveren henger`, text: "Fortsatt nede hos meg." }), "2026-11-30T10:20:00Z"),
    );
    expect(byPer.status).toBe("TICKET");
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: byPer.ticketId! }, select: { followUpOfId: true, requesterId: true } })).toEqual({ followUpOfId: pers.id, requesterId: per.userId });
    expect((await events(target.id)).filter((e) => e.actorId === per.userId && e.type === "PUBLIC_REPLY")).toEqual([]);
  });
});

describe("loop and abuse protection: stored, but no ticket, no reply, no notification", () => {
  const nothingFrom = async (options: Mail.Options, at: string, reason: string) => {
    const before = { tickets: await prisma.ticket.count(), notifications: await prisma.notification.count(), comments: await prisma.comment.count() };
    const outcome = await ingestMail(ctxAt(at), incoming(await rawMail({ messageId: messageId(), ...options }), at));
    expect(outcome).toMatchObject({ status: "IGNORED", ticketId: null });
    expect((await prisma.inboundMail.findUniqueOrThrow({ where: { id: outcome.inboundMailId! } })).reason).toBe(reason);
    expect({ tickets: await prisma.ticket.count(), notifications: await prisma.notification.count(), comments: await prisma.comment.count() }).toEqual(before);
  };

  it("an auto-reply, bulk mail, a list, our own mail, a staff member's mail", async () => {
    await nothingFrom({ from: "kari@nordlys.example", subject: "Fraværende", headers: { "Auto-Submitted": "auto-replied" } }, "2026-11-27T12:00:00Z", "auto_submitted");
    await nothingFrom({ from: "kari@nordlys.example", headers: { Precedence: "bulk" } }, "2026-11-27T12:01:00Z", "bulk");
    await nothingFrom({ from: "kari@nordlys.example", headers: { "List-Id": "<nyheter.nordlys.example>" } }, "2026-11-27T12:02:00Z", "mailing_list");
    await nothingFrom({ from: "Helpdesk <helpdesk@localhost>" }, "2026-11-27T12:03:00Z", "own_message");
    await nothingFrom({ from: "someone@else.example", headers: { "X-Helpdesk-Notification": randomUUID() } }, "2026-11-27T12:04:00Z", "own_message");
    await nothingFrom({ from: "lise@servicedesk.example" }, "2026-11-27T12:05:00Z", "staff_sender");
  });

  it("more than MAIL_MAX_PER_SENDER_PER_MINUTE (10) mails from one sender within a minute", async () => {
    for (let i = 0; i < 10; i++) {
      const at = new Date(Date.parse("2026-11-27T13:00:00Z") + i * 5_000).toISOString();
      expect((await ingestMail(ctxAt(at), incoming(await rawMail({ from: "flood@nowhere.example", messageId: messageId() }), at))).status).toBe("UNKNOWN_SENDER");
    }
    await nothingFrom({ from: "flood@nowhere.example" }, "2026-11-27T13:00:55Z", "rate_limited");
    // Ignored mail counts too (a loop stays stopped); a quiet minute later, the sender is heard again.
    await nothingFrom({ from: "flood@nowhere.example" }, "2026-11-27T13:00:58Z", "rate_limited");
    expect((await ingestMail(ctxAt("2026-11-27T13:02:30Z"), incoming(await rawMail({ from: "flood@nowhere.example", messageId: messageId() }), "2026-11-27T13:02:30Z"))).status).toBe("UNKNOWN_SENDER");
  });

  it("a bounce of our notification marks it dead and the address bouncing", async () => {
    const ticket = await portalTicket(ola, "2026-11-27T14:00:00Z");
    const receipt = await receiptOf(ticket.id);
    await prisma.notification.update({ where: { id: receipt.id }, data: { status: "SENT", sentAt: new Date("2026-11-27T14:01:00Z") } });
    const dsn = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.nordlys.example>",
      "To: helpdesk@localhost",
      "Subject: Undelivered Mail Returned to Sender",
      `Message-ID: ${messageId()}`,
      "Auto-Submitted: auto-replied",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      "",
      "--B",
      "Content-Type: text/plain",
      "",
      "Could not deliver.",
      "--B",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.nordlys.example",
      "",
      "Final-Recipient: rfc822; ola@nordlys.example",
      "Action: failed",
      "Status: 5.2.2",
      "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full",
      "--B",
      "Content-Type: text/rfc822-headers",
      "",
      "From: Helpdesk <helpdesk@localhost>",
      "To: ola@nordlys.example",
      `Message-ID: ${ourMessageId(receipt.id)}`,
      `X-Helpdesk-Notification: ${receipt.id}`,
      "--B--",
      "",
    ].join("\r\n");
    const before = { tickets: await prisma.ticket.count(), notifications: await prisma.notification.count() };
    const outcome = await ingestMail(ctxAt("2026-11-27T14:05:00Z"), incoming(Buffer.from(dsn), "2026-11-27T14:05:00Z"));
    expect(outcome).toMatchObject({ status: "BOUNCE", ticketId: null });
    expect(await prisma.notification.findUniqueOrThrow({ where: { id: receipt.id } })).toMatchObject({ status: "DEAD", lastError: "bounced: 552 5.2.2 Mailbox full" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: ola.userId } });
    expect(user.emailBouncingAt?.toISOString()).toBe("2026-11-27T14:05:00.000Z");
    expect(user.emailBounceReason).toBe("552 5.2.2 Mailbox full");
    expect({ tickets: await prisma.ticket.count(), notifications: await prisma.notification.count() }).toEqual(before);

    // A bounce naming none of our mail marks nobody.
    const stray = await ingestMail(
      ctxAt("2026-11-27T14:10:00Z"),
      incoming(
        await rawMail({ from: "postmaster@nordlys.example", messageId: messageId(), subject: "Undeliverable", text: "Final-Recipient: rfc822; kari@nordlys.example\nStatus: 5.1.1" }),
        "2026-11-27T14:10:00Z",
      ),
    );
    expect(stray.status).toBe("BOUNCE");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: kari.userId } })).emailBouncingAt).toBeNull();
  });
});

describe("unknown senders", () => {
  it("an address whose domain an organisation has becomes a user of it (no password) with the ticket", async () => {
    await prisma.organizationEmailDomain.create({ data: { domain: "fjordvik.example", organizationId: ingrid.organizationId } });
    const outcome = await ingestMail(ctxAt("2026-11-28T10:00:00Z"), incoming(await rawMail({ from: "Nina Ny <Nina.Ny@Fjordvik.example>", messageId: messageId() }), "2026-11-28T10:00:00Z"));
    expect(outcome.status).toBe("TICKET");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "nina.ny@fjordvik.example" } });
    expect(user).toMatchObject({ organizationId: ingrid.organizationId, role: "END_USER", passwordHash: null, name: "Nina Ny" });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: outcome.ticketId! } })).toMatchObject({ requesterId: user.id, organizationId: ingrid.organizationId });
  });

  it("a sender an organisation's agreement does not let register cases waits for an agent", async () => {
    const outcome = await ingestMail(ctxAt("2026-11-28T10:10:00Z"), incoming(await rawMail({ from: "bjorn@bergheim.example", messageId: messageId() }), "2026-11-28T10:10:00Z"));
    expect(outcome).toMatchObject({ status: "UNKNOWN_SENDER", ticketId: null });
    expect((await prisma.inboundMail.findUniqueOrThrow({ where: { id: outcome.inboundMailId! } })).reason).toBe("contact_person_required");
  });

  it("any other waits in the list until an agent assigns it (the ticket registered when it arrived) or rejects it", async () => {
    const waiting = await ingestMail(
      ctxAt("2026-11-30T09:00:00Z"),
      incoming(await rawMail({ from: "Ukjent Person <ukjent@gmail.example>", messageId: messageId(), subject: "Hjelp", text: "Jeg jobber hos Nordlys.\n-- \nUkjent" }), "2026-11-30T08:00:00Z"),
    );
    const other = await ingestMail(ctxAt("2026-11-30T09:00:00Z"), incoming(await rawMail({ from: "spam@spam.example", messageId: messageId(), subject: "Billig" }), "2026-11-30T08:05:00Z"));
    expect([waiting.status, other.status]).toEqual(["UNKNOWN_SENDER", "UNKNOWN_SENDER"]);
    expect(await prisma.user.count({ where: { email: "ukjent@gmail.example" } })).toBe(0);
    const listed = await listUnknownSenderMail({ actor: lise, ctx: ctxAt("2026-11-30T09:00:00Z") });
    expect(listed).toContainEqual(
      expect.objectContaining({
        id: waiting.inboundMailId,
        fromAddress: "ukjent@gmail.example",
        fromName: "Ukjent Person",
        subject: "Hjelp",
        receivedAt: "2026-11-30T08:00:00.000Z",
        preview: "Jeg jobber hos Nordlys.",
      }),
    );
    await expect(listUnknownSenderMail({ actor: kari, ctx: ctxAt("2026-11-30T09:00:00Z") })).rejects.toMatchObject({ code: "not_found" });

    const { ticketId } = await assignUnknownSenderMail({ actor: lise, input: { inboundMailId: waiting.inboundMailId!, organizationId: kari.organizationId }, ctx: ctxAt("2026-11-30T10:00:00Z") });
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { requester: true } });
    expect(ticket).toMatchObject({ organizationId: kari.organizationId, channel: "EMAIL", title: "Hjelp", description: "Jeg jobber hos Nordlys." });
    expect(ticket.requester).toMatchObject({ email: "ukjent@gmail.example", passwordHash: null, role: "END_USER" });
    expect(ticket.createdAt.toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: waiting.inboundMailId! } })).toMatchObject({ status: "TICKET", ticketId, decidedById: lise.userId });
    await expect(
      assignUnknownSenderMail({ actor: lise, input: { inboundMailId: waiting.inboundMailId!, organizationId: kari.organizationId }, ctx: ctxAt("2026-11-30T10:01:00Z") }),
    ).rejects.toMatchObject({ code: "conflict" });

    await rejectUnknownSenderMail({ actor: lise, input: { inboundMailId: other.inboundMailId! }, ctx: ctxAt("2026-11-30T10:02:00Z") });
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: other.inboundMailId! } })).toMatchObject({ status: "REJECTED", decidedById: lise.userId, ticketId: null });
    const audited = await prisma.auditLog.findMany({ where: { targetId: { in: [waiting.inboundMailId!, other.inboundMailId!] } }, orderBy: { at: "asc" }, select: { action: true, actorId: true } });
    expect(audited).toEqual([
      { action: "mail.unknown_sender.assigned", actorId: lise.userId },
      { action: "mail.unknown_sender.rejected", actorId: lise.userId },
    ]);
    expect((await listUnknownSenderMail({ actor: lise, ctx: ctxAt("2026-11-30T10:03:00Z") })).map((m) => m.id)).not.toContain(waiting.inboundMailId);
  });
});

describe("files in a mail", () => {
  it("are kept with the ticket; a refused one is named in the text and the mail is kept whole", async () => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
    const raw = await rawMail({
      from: "kari@nordlys.example",
      messageId: messageId(),
      text: "Se bildet.",
      attachments: [
        { filename: "feil.png", content: png, contentType: "image/png" },
        { filename: "verktøy.exe", content: Buffer.from("MZ\x90\x00 not really a program"), contentType: "application/octet-stream" },
      ],
    });
    const outcome = await ingestMail(ctxAt("2026-11-30T11:00:00Z"), incoming(raw, "2026-11-30T11:00:00Z"));
    expect(outcome.status).toBe("TICKET");
    const attachments = await prisma.attachment.findMany({ where: { ticketId: outcome.ticketId! }, select: { name: true, contentType: true, visibility: true } });
    expect(attachments).toEqual([{ name: "feil.png", contentType: "image/png", visibility: "PUBLIC" }]);
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: outcome.ticketId! } });
    expect(ticket.description).toBe("Se bildet.\n\nVedlegg som ikke ble lagret: verktøy.exe. Den opprinnelige e-posten er tatt vare på.");
    expect(Buffer.from((await prisma.inboundMail.findUniqueOrThrow({ where: { id: outcome.inboundMailId! } })).raw).equals(raw)).toBe(true);
  });

  it("of a reply join the reply's event", async () => {
    const ticket = await portalTicket(per, "2026-11-30T12:00:00Z");
    const receipt = await receiptOf(ticket.id);
    const raw = await rawMail({
      from: "per@nordlys.example",
      messageId: messageId(),
      inReplyTo: ourMessageId(receipt.id),
      text: "Logg vedlagt.",
      attachments: [{ filename: "logg.txt", content: "feil 42\n" }],
    });
    const outcome = await ingestMail(ctxAt("2026-11-30T12:30:00Z"), incoming(raw, "2026-11-30T12:30:00Z"));
    expect(outcome.status).toBe("REPLY");
    const { eventId } = await prisma.inboundMail.findUniqueOrThrow({ where: { id: outcome.inboundMailId! } });
    expect(await prisma.attachment.findMany({ where: { ticketId: ticket.id }, select: { name: true, eventId: true, uploaderId: true, visibility: true } })).toEqual([
      { name: "logg.txt", eventId, uploaderId: per.userId, visibility: "PUBLIC" },
    ]);
  });
});

describe("a mail the ticket rules refuse", () => {
  it("is kept for an agent, not lost: a follow-up a non-contact person may not register", async () => {
    const ticket = await portalTicket(sara, "2026-11-20T08:00:00Z", "Regnskapsprogram henger");
    await act(lise, ticket.id, { type: "resolve", solution: "Oppdatert." }, "2026-11-20T09:00:00Z");
    await autoCloseSolvedTickets({ ctx: ctxAt("2026-11-26T10:00:00Z") });
    const outcome = await ingestMail(
      ctxAt("2026-11-27T09:00:00Z"),
      incoming(await rawMail({ from: "bjorn@bergheim.example", messageId: messageId(), subject: `Re: [${ticket.reference}] Regnskapsprogram henger` }), "2026-11-27T09:00:00Z"),
    );
    expect(outcome).toMatchObject({ status: "UNKNOWN_SENDER", ticketId: null });
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: outcome.inboundMailId! } })).toMatchObject({ reason: "not_processed", organizationId: sara.organizationId });
    expect(await prisma.ticket.count({ where: { followUpOfId: ticket.id } })).toBe(0);
  });
});

/**
 * The database as it is, except that any transaction that touches tickets throws, as a bug in
 * registering one would: what set the mail aside in the intake, failing again when an agent assigns it.
 */
function ticketsFail(db: PrismaClient): PrismaClient {
  const broken = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get: (target, key) => {
        if (key === "ticket") throw new Error("simulated: the ticket cannot be written");
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const $transaction = (fn: (tx: Prisma.TransactionClient) => Promise<unknown>, options?: Parameters<PrismaClient["$transaction"]>[1]) => db.$transaction((tx) => fn(broken(tx)), options);
  return new Proxy(db, { get: (target, key) => (key === "$transaction" ? $transaction : Reflect.get(target, key)) });
}

describe("a mail the IMAP intake set aside (ingest threw on it again and again)", () => {
  it("waits in the list with its reason, exactly once; assigning it when its ticket cannot be registered is refused plainly and writes nothing; then it is assigned", async () => {
    const raw = await rawMail({ from: "Ny Kollega <ny.kollega@gmail.example>", messageId: messageId(), subject: "Kan ikke leses inn", text: "Hei, PC-en starter ikke." });
    const mail = incoming(raw, "2026-11-30T13:00:00Z", { uidValidity: 11n, uid: uid++ });
    const kept = await keepForAgent(ctxAt("2026-11-30T13:05:00Z"), mail, "ingest_failed");
    expect(kept).toMatchObject({ status: "UNKNOWN_SENDER", ticketId: null });
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: kept.inboundMailId! } })).toMatchObject({
      reason: "ingest_failed",
      fromAddress: "ny.kollega@gmail.example",
      senderId: null,
      ticketId: null,
    });
    // Set aside by two intake readers at once, or read again: still one.
    expect(await keepForAgent(ctxAt("2026-11-30T13:06:00Z"), mail, "ingest_failed")).toEqual({ status: "DUPLICATE", inboundMailId: null, ticketId: null });
    const listed = await listUnknownSenderMail({ actor: lise, ctx: ctxAt("2026-11-30T13:10:00Z") });
    expect(listed).toContainEqual(expect.objectContaining({ id: kept.inboundMailId, reason: "ingest_failed", subject: "Kan ikke leses inn", preview: "Hei, PC-en starter ikke." }));

    const input = { inboundMailId: kept.inboundMailId!, organizationId: kari.organizationId };
    await expect(assignUnknownSenderMail({ actor: lise, input, ctx: { prisma: ticketsFail(prisma), now: () => new Date("2026-11-30T13:20:00Z") } })).rejects.toMatchObject({
      code: "unprocessable",
      fields: { inboundMailId: ["not_registered"] },
    });
    // Nothing written: no user for the sender, no audit, and the mail still waits.
    expect(await prisma.user.count({ where: { email: "ny.kollega@gmail.example" } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { targetId: kept.inboundMailId! } })).toBe(0);
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: kept.inboundMailId! } })).toMatchObject({ status: "UNKNOWN_SENDER", decidedById: null });

    const { ticketId } = await assignUnknownSenderMail({ actor: lise, input, ctx: ctxAt("2026-11-30T14:00:00Z") });
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { requester: true } });
    expect(ticket).toMatchObject({ organizationId: kari.organizationId, channel: "EMAIL", title: "Kan ikke leses inn", description: "Hei, PC-en starter ikke." });
    expect(ticket.requester.email).toBe("ny.kollega@gmail.example");
    expect(ticket.createdAt.toISOString()).toBe("2026-11-30T13:00:00.000Z");
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: kept.inboundMailId! } })).toMatchObject({ status: "TICKET", ticketId, decidedById: lise.userId });
  });

  it("from a known user names them, and can be rejected", async () => {
    const raw = await rawMail({ from: "kari@nordlys.example", messageId: messageId(), subject: "Rar e-post" });
    const kept = await keepForAgent(ctxAt("2026-11-30T15:00:00Z"), incoming(raw, "2026-11-30T15:00:00Z", { uidValidity: 11n, uid: uid++ }), "ingest_failed");
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: kept.inboundMailId! } })).toMatchObject({
      status: "UNKNOWN_SENDER",
      reason: "ingest_failed",
      senderId: kari.userId,
      organizationId: kari.organizationId,
    });
    await rejectUnknownSenderMail({ actor: lise, input: { inboundMailId: kept.inboundMailId! }, ctx: ctxAt("2026-11-30T15:10:00Z") });
    expect(await prisma.inboundMail.findUniqueOrThrow({ where: { id: kept.inboundMailId! } })).toMatchObject({ status: "REJECTED", decidedById: lise.userId, ticketId: null });
  });
});
