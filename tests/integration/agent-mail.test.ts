/**
 * What the agent's ticket page shows of how each message came (issue 17): the channel of every
 * message (E-mail for the registration of a mailed ticket and a mailed reply, Portal for an
 * agent's answer, Phone for a logged call), the sender and recipients of each e-mail from its
 * stored InboundMail, and whether the requester's address bounces. Staff only: the requester
 * themselves gets not_found, as does a ticket id that names nothing. The original message is the
 * stored bytes as a message/rfc822 download for the agent, and the same 404 for anyone else.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import type { Actor } from "../../lib/server/actor";
import { applyTicketAction, registerTicket } from "../../lib/server/tickets";
import { countUnknownSenderMail, listAssignableOrganizations, originalMailResponse, readTicketMail } from "../../lib/server/agent-mail";
import { actorByEmail, rejection, seedOnce } from "../support/fixtures";

const AT = "2026-11-03T09:15:00.000Z";
const ctxAt = (iso: string) => ({ prisma: db(), now: () => new Date(iso) });

describe("the agent's view of a ticket's mail", () => {
  const prisma = db();
  const email = `mailui-${randomUUID().slice(0, 8)}@nordlys.example`;
  let requester: Actor;
  let lise: Actor;

  beforeAll(async () => {
    await seedOnce(prisma);
    const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
    await prisma.user.create({ data: { email, name: "Mona Mail", role: "END_USER", organizationId: nordlys.id } });
    requester = await actorByEmail(prisma, email);
    lise = await actorByEmail(prisma, "lise@servicedesk.example");
  });
  afterAll(() => redis().disconnect());

  it("names each message's channel, each e-mail's sender and recipients, and a bouncing requester", async () => {
    const ticket = await registerTicket({ actor: requester, input: { title: "Skriveren virker ikke", description: "Den blinker rødt.", priority: "P3", channel: "EMAIL" }, ctx: ctxAt(AT) });
    const registered = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "REGISTERED" }, select: { id: true } });
    const first = await prisma.inboundMail.create({
      data: {
        messageId: `<${randomUUID()}@nordlys.example>`,
        receivedAt: new Date(AT),
        fromAddress: email,
        fromName: "Mona Mail",
        toAddresses: ["support@servicedesk.example"],
        ccAddresses: ["ola@nordlys.example"],
        subject: "Skriveren virker ikke",
        raw: Buffer.from("From: Mona Mail <x>\r\n\r\nDen blinker rødt.\r\n"),
        status: "TICKET",
        ticketId: ticket.id,
        eventId: registered.id,
        senderId: requester.userId,
      },
      select: { id: true },
    });
    await applyTicketAction({ actor: lise, input: { ticketId: ticket.id, action: { type: "reply", body: "Prøv å slå den av og på." } }, ctx: ctxAt("2026-11-03T09:30:00Z") });
    await applyTicketAction({ actor: lise, input: { ticketId: ticket.id, action: { type: "phone", body: "Ringte Mona.", visibility: "PUBLIC" } }, ctx: ctxAt("2026-11-03T09:40:00Z") });
    // The customer's answer by mail (as intake records it: a reply event, and the mail naming it).
    await applyTicketAction({ actor: requester, input: { ticketId: ticket.id, action: { type: "reply", body: "Det hjalp ikke." } }, ctx: ctxAt("2026-11-03T10:00:00Z") });
    const events = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" }, select: { id: true, type: true, actorId: true } });
    const agentReply = events.find((e) => e.type === "PUBLIC_REPLY" && e.actorId === lise.userId)!;
    const phone = events.find((e) => e.type === "PHONE_CALL_LOGGED")!;
    const customerReply = events.find((e) => e.type === "PUBLIC_REPLY" && e.actorId === requester.userId)!;
    const reply = await prisma.inboundMail.create({
      data: {
        messageId: `<${randomUUID()}@nordlys.example>`,
        receivedAt: new Date("2026-11-03T10:00:00Z"),
        fromAddress: email,
        fromName: null,
        toAddresses: ["support@servicedesk.example"],
        subject: `Re: [${ticket.reference}] Skriveren virker ikke`,
        raw: Buffer.from("Det hjalp ikke.\r\n"),
        status: "REPLY",
        ticketId: ticket.id,
        eventId: customerReply.id,
        senderId: requester.userId,
      },
      select: { id: true },
    });

    const view = await readTicketMail({ actor: lise, input: { ticketId: ticket.id }, ctx: ctxAt(AT) });
    expect(view.sources[registered.id.toString()]).toEqual({
      channel: "EMAIL",
      mail: { id: first.id, fromAddress: email, fromName: "Mona Mail", to: ["support@servicedesk.example"], cc: ["ola@nordlys.example"], subject: "Skriveren virker ikke", receivedAt: AT },
    });
    expect(view.sources[agentReply.id.toString()]).toEqual({ channel: "PORTAL", mail: null });
    expect(view.sources[phone.id.toString()]).toEqual({ channel: "PHONE", mail: null });
    expect(view.sources[customerReply.id.toString()]).toMatchObject({ channel: "EMAIL", mail: { id: reply.id, subject: `Re: [${ticket.reference}] Skriveren virker ikke`, cc: [] } });
    // Events that are no message (the clock's) have no channel.
    const messageEvents = new Set([registered.id, agentReply.id, phone.id, customerReply.id].map(String));
    expect(Object.keys(view.sources).filter((id) => !messageEvents.has(id))).toEqual([]);
    expect(view.requester).toEqual({ name: "Mona Mail", email, bouncingAt: null, bounceReason: null });
    expect(JSON.stringify(view)).not.toContain("blinker");

    await prisma.user.update({ where: { id: requester.userId }, data: { emailBouncingAt: new Date("2026-11-03T09:31:00Z"), emailBounceReason: "550 5.1.1 mailbox unavailable" } });
    expect((await readTicketMail({ actor: lise, input: { ticketId: ticket.id }, ctx: ctxAt(AT) })).requester).toMatchObject({
      bouncingAt: "2026-11-03T09:31:00.000Z",
      bounceReason: "550 5.1.1 mailbox unavailable",
    });

    // Not for the customer's own user, nor for a ticket the agent cannot see, nor for a non-ticket.
    expect((await rejection(readTicketMail({ actor: requester, input: { ticketId: ticket.id }, ctx: ctxAt(AT) }))).code).toBe("not_found");
    expect((await rejection(readTicketMail({ actor: lise, input: { ticketId: randomUUID() }, ctx: ctxAt(AT) }))).code).toBe("not_found");
    expect((await rejection(readTicketMail({ actor: lise, input: { ticketId: "../etc" }, ctx: ctxAt(AT) }))).code).toBe("not_found");

    // The original message: the stored bytes as a download for the agent, a plain 404 for anyone else.
    const original = await originalMailResponse(first.id, lise, ctxAt(AT));
    expect(original.status).toBe(200);
    expect(Object.fromEntries(original.headers)).toMatchObject({
      "content-type": "message/rfc822",
      "content-disposition": `attachment; filename="${first.id}.eml"`,
      "x-content-type-options": "nosniff",
    });
    expect(Buffer.from(await original.arrayBuffer()).toString("utf8")).toBe("From: Mona Mail <x>\r\n\r\nDen blinker rødt.\r\n");
    for (const [who, id] of [
      [requester, first.id],
      [null, first.id],
      [lise, randomUUID()],
      [lise, "not-a-uuid"],
    ] as const) {
      const refused = await originalMailResponse(id, who, ctxAt(AT));
      expect(refused.status).toBe(404);
      expect(await refused.text()).toBe("Not found");
    }
  });

  it("counts the mails waiting for an agent and lists the active customers they can go to, for staff only", async () => {
    const before = await countUnknownSenderMail({ actor: lise, ctx: ctxAt(AT) });
    await prisma.inboundMail.create({
      data: {
        messageId: `<${randomUUID()}@ukjent.example>`,
        receivedAt: new Date(AT),
        fromAddress: "noen@ukjent.example",
        subject: "Hei",
        raw: Buffer.from("Hei\r\n"),
        status: "UNKNOWN_SENDER",
        reason: "unknown_sender",
      },
    });
    expect(await countUnknownSenderMail({ actor: lise, ctx: ctxAt(AT) })).toBe(before + 1);
    const organizations = await listAssignableOrganizations({ actor: lise, ctx: ctxAt(AT) });
    expect(organizations.map((o) => o.name)).toContain("Nordlys Eiendom AS");
    expect(organizations.map((o) => o.name)).not.toContain("Servicedesk AS");
    expect((await rejection(countUnknownSenderMail({ actor: requester, ctx: ctxAt(AT) }))).code).toBe("not_found");
    expect((await rejection(listAssignableOrganizations({ actor: requester, ctx: ctxAt(AT) }))).code).toBe("not_found");
  });
});
