/**
 * E-mail intake's use case (issue 17): ingestMail with raw messages built here, against the real
 * database. Every mail is received at an instant the test chooses; the clock starts there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { createPrisma } from "../../lib/server/db/prisma";
import { applyTicketAction, registerTicket, type UseCaseContext } from "../../lib/server/tickets";
import { ingestMail } from "../../lib/server/mail-intake/ingest-mail";
import type { IncomingMail } from "../../lib/server/mail-intake/incoming-mail";
import type { Actor } from "../../lib/server/actor";
import { seededActors } from "../support/fixtures";

const prisma = createPrisma();
afterAll(() => prisma.$disconnect());

let kari: Actor, per: Actor, lise: Actor;
beforeAll(async () => {
  ({ kari, per, lise } = await seededActors(prisma, ["kari", "per", "lise"]));
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
