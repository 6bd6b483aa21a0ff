/**
 * Telling the customer (issue 17): the real ticket actions write each notice, the real delivery
 * sends it over SMTP to the test catcher, and each is read back from there, in Norwegian and in
 * English: agent reply, waiting (the question, the paused clock), solved (the one-click links, the
 * auto-close instant), closed, priority changed (with the reason), P1 on-call. Every notice is
 * threaded (Message-ID, References, In-Reply-To), answers to the support mailbox (Reply-To) and
 * carries the reference in its subject. Muted notices are not written, duty notices always are,
 * and nothing from an internal note reaches the customer. The one-click answer works only with a
 * good token, while the ticket is solved in that round and before it closes by itself.
 * Every instant is chosen (ctx.now); nothing depends on the wall clock.
 */
import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { applyTicketAction, autoCloseSolvedTickets, registerTicket } from "../../lib/server/tickets";
import { createTransport, deliverDueNotifications, setMutedNotices } from "../../lib/server/notifications";
import { answerSolutionLink, findSolutionLink } from "../../lib/server/notifications/answer-solution-link";
import { solutionLinkToken } from "../../lib/server/notifications/solution-link-token";
import type { Actor } from "../../lib/server/actor";
import type { TicketActionRequest } from "../../lib/server/tickets/schemas";
import { actorByEmail, rejection, seededActors } from "../support/fixtures";
import { mailDelivery } from "../support/mail-delivery";
import type { ReceivedMail } from "../support/smtp-sink";
import MailComposer from "nodemailer/lib/mail-composer";
import { ingestMail } from "../../lib/server/mail-intake/ingest-mail";

process.env.NEXTAUTH_SECRET = "customer-notices-test-secret-0123456789";
process.env.APP_URL = "https://hjelp.servicedesk.example";

const THROTTLE_OFF = { maxPerWindow: 10_000, windowMinutes: 10 };
const DOMAIN = "servicedesk.example";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const plus = (base: Date, ms: number) => new Date(base.getTime() + ms);
/** Monday 2 March 2026, 10:00 in Oslo: office hours. */
const MONDAY = new Date("2026-03-02T09:00:00Z");
/** Saturday 7 March 2026, 23:00 in Oslo: outside office hours, so a P1 pages on-call. */
const SATURDAY_NIGHT = new Date("2026-03-07T22:00:00Z");

describe("customer notices by e-mail", () => {
  const prisma = createPrisma();
  const mail = mailDelivery(prisma, THROTTLE_OFF);
  let agent: Actor;
  let organizationId: string;

  beforeAll(async () => {
    ({ lise: agent } = await seededActors(prisma, ["lise"]));
    const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { agreementId: true } });
    const suffix = randomUUID().slice(0, 8);
    // Our own customer on the Netpower agreement, with 24/7 on-call for P1 and a 120 h confirmation window.
    const org = await prisma.organization.create({
      data: { slug: `varsler-${suffix}`, name: `Varsler ${suffix} AS`, ticketPrefix: "VT", agreementId: nordlys.agreementId, onCallOption: "ALWAYS", confirmationWindowHours: 120 },
      select: { id: true },
    });
    organizationId = org.id;
  });

  async function customer(locale: "nb" | "en", name = locale === "nb" ? "Kari Varsel" : "Kate Notice") {
    const user = await prisma.user.create({
      data: { email: `c-${randomUUID()}@varsler.example`, name, role: "END_USER", organizationId, locale },
      select: { id: true, email: true },
    });
    return { ...user, actor: await actorByEmail(prisma, user.email) };
  }

  const ctxAt = (at: Date) => ({ prisma, now: () => at });
  const act = (actor: Actor, ticketId: string, action: TicketActionRequest, at: Date) => applyTicketAction({ actor, input: { ticketId, action }, ctx: ctxAt(at) });
  const register = (actor: Actor, at: Date, title: string, priority: "P1" | "P2" | "P3" | "P4" = "P3") =>
    registerTicket({ actor, input: { title, description: "Beskrivelse", priority }, ctx: ctxAt(at) });
  const mailsTo = (email: string, template: string): ReceivedMail[] => mail.sink.to(email).filter((m) => m.headers.get("x-helpdesk-template") === template);
  const only = (email: string, template: string): ReceivedMail => {
    const found = mailsTo(email, template);
    expect(found, `${template} to ${email}`).toHaveLength(1);
    return found[0]!;
  };
  const receiptMessageId = async (ticketId: string) => {
    const receipt = await prisma.notification.findFirstOrThrow({ where: { ticketId, template: "ticket-receipt" }, select: { id: true } });
    return `<${receipt.id}@${DOMAIN}>`;
  };
  const noticeRow = (ticketId: string, template: string) => prisma.notification.findFirstOrThrow({ where: { ticketId, template }, select: { id: true } });

  it("tells the requester every step of the ticket's life, in their language, threaded, and never what is internal", async () => {
    await prisma.mailbox.deleteMany({});
    const mailbox = await prisma.mailbox.create({
      data: { name: "Support", address: `support-${randomUUID().slice(0, 8)}@${DOMAIN}`, host: "127.0.0.1", username: "support", passwordEncrypted: "x", active: true },
      select: { address: true },
    });
    const words = {
      nb: {
        reply: "Nytt svar i saken din",
        waiting: "Vi venter på svar fra deg",
        paused: "står stille til du svarer",
        solved: "Saken din er løst",
        closes: "lukkes av seg selv",
        closed: "Saken din er lukket",
        priority: "Prioriteten er endret fra P3 til P2",
      },
      en: {
        reply: "New reply on your ticket",
        waiting: "We are waiting for your answer",
        paused: "paused until you answer",
        solved: "Your ticket is solved",
        closes: "closes by itself",
        closed: "Your ticket is closed",
        priority: "Priority changed from P3 to P2",
      },
    } as const;

    for (const locale of ["nb", "en"] as const) {
      const w = words[locale];
      const requester = await customer(locale);
      const t0 = plus(MONDAY, locale === "nb" ? 0 : HOUR);
      const ticket = await register(requester.actor, t0, `Skriveren <virker> ikke (${locale})`);
      // The Norwegian ticket came by e-mail (the intake's InboundMail rows): it and the customer's latest mail are the thread.
      const thread = locale === "nb" ? { first: `<first-${randomUUID()}@kunde.example>`, latest: `<latest-${randomUUID()}@kunde.example>` } : null;
      if (thread) {
        const inbound = { raw: Buffer.from("Subject: x\r\n\r\nx"), fromAddress: requester.email, organizationId, senderId: requester.id, ticketId: ticket.id };
        await prisma.inboundMail.create({ data: { ...inbound, messageId: thread.first, receivedAt: t0, status: "TICKET" } });
        await prisma.inboundMail.create({ data: { ...inbound, messageId: thread.latest, receivedAt: plus(t0, 35 * MINUTE), status: "REPLY" } });
        // An ignored auto-reply on the ticket is no part of the thread.
        await prisma.inboundMail.create({ data: { ...inbound, messageId: `<auto-${randomUUID()}@kunde.example>`, receivedAt: plus(t0, 36 * MINUTE), status: "IGNORED", reason: "auto_submitted" } });
      }

      await act(agent, ticket.id, { type: "reply", body: 'Prøv å starte den på nytt.\n<script>alert("x")</script>' }, plus(t0, 10 * MINUTE));
      await act(agent, ticket.id, { type: "priority", priority: "P2", reason: "Hele avdelingen er rammet" }, plus(t0, 20 * MINUTE));
      await act(agent, ticket.id, { type: "note", body: "INTERN-NOTAT: kunden har ikke betalt" }, plus(t0, 25 * MINUTE));
      await act(agent, ticket.id, { type: "wait", reason: "INTERN-GRUNN: venter på leverandør", message: "Hvilken skrivermodell har dere?" }, plus(t0, 30 * MINUTE));
      await act(requester.actor, ticket.id, { type: "reply", body: "HP LaserJet 4000" }, plus(t0, 40 * MINUTE));
      const solvedAt = plus(t0, 60 * MINUTE);
      await act(agent, ticket.id, { type: "resolve", solution: "Byttet tonerkassetten." }, solvedAt);
      const confirmationDueAt = plus(solvedAt, 120 * HOUR);
      await autoCloseSolvedTickets({ ctx: ctxAt(confirmationDueAt) });
      await mail.pass(plus(confirmationDueAt, MINUTE));

      const reply = only(requester.email, "ticket-reply");
      const waiting = only(requester.email, "ticket-waiting");
      const solved = only(requester.email, "ticket-solved");
      const closed = only(requester.email, "ticket-closed");
      const priority = only(requester.email, "ticket-priority-changed");
      // The customer's own reply and the internal note told the customer nothing.
      expect(
        mail.sink
          .to(requester.email)
          .map((m) => m.headers.get("x-helpdesk-template"))
          .sort(),
      ).toEqual(["ticket-closed", "ticket-priority-changed", "ticket-reply", "ticket-solved", "ticket-waiting"].sort());

      expect(reply.subject).toBe(`[${ticket.reference}] ${w.reply}: Skriveren <virker> ikke (${locale})`);
      expect(reply.text).toContain('<script>alert("x")</script>');
      expect(reply.text).toContain(agent.name);
      const html = (await simpleParser(reply.raw)).html;
      expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      expect(html).not.toContain("<script>");
      expect(html).toContain("Skriveren &lt;virker&gt; ikke");

      expect(waiting.subject).toBe(`[${ticket.reference}] ${w.waiting}: Skriveren <virker> ikke (${locale})`);
      expect(waiting.text).toContain("Hvilken skrivermodell har dere?");
      expect(waiting.text).toContain(w.paused);

      expect(priority.subject).toContain(`[${ticket.reference}] ${w.priority}`);
      expect(priority.text).toContain("Hele avdelingen er rammet");

      expect(solved.subject).toBe(`[${ticket.reference}] ${w.solved}: Skriveren <virker> ikke (${locale})`);
      expect(solved.text).toContain("Byttet tonerkassetten.");
      const solvedRow = await noticeRow(ticket.id, "ticket-solved");
      const token = encodeURIComponent(solutionLinkToken(solvedRow.id));
      expect(solved.text).toContain(`https://hjelp.servicedesk.example/sak-svar/${token}?svar=godta`);
      expect(solved.text).toContain(`https://hjelp.servicedesk.example/sak-svar/${token}?svar=gjenapne`);
      expect(solved.text).toContain(w.closes);

      expect(closed.subject).toBe(`[${ticket.reference}] ${w.closed}: Skriveren <virker> ikke (${locale})`);

      for (const m of [reply, waiting, solved, closed, priority]) {
        expect(m.text).not.toContain("INTERN");
        expect(m.raw).not.toContain("INTERN");
        const row = await prisma.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: m.headers.get("x-helpdesk-template")! }, select: { id: true } });
        expect(m.messageId).toBe(`<${row.id}@${DOMAIN}>`);
        expect(m.headers.get("auto-submitted")).toBe("auto-generated");
        expect(m.headers.get("reply-to")).toBe(mailbox.address);
        expect(m.headers.get("x-helpdesk-notification")).toBe(row.id);
        if (thread) {
          expect(m.headers.get("references")).toBe(`${thread.first} ${thread.latest}`);
          expect(m.headers.get("in-reply-to")).toBe(thread.latest);
        } else {
          const root = await receiptMessageId(ticket.id);
          expect(m.headers.get("references")).toBe(root);
          expect(m.headers.get("in-reply-to")).toBe(root);
        }
      }
    }
  });

  it("a customer's reply to the very notice threads back onto the ticket, and the next notice answers their reply", async () => {
    for (const locale of ["nb", "en"] as const) {
      const requester = await customer(locale);
      const t0 = plus(MONDAY, (locale === "nb" ? 30 : 31) * HOUR);
      const ticket = await register(requester.actor, t0, `Tråd (${locale})`);
      await act(agent, ticket.id, { type: "wait", reason: "INTERN", message: "Hvilken skriver?" }, plus(t0, MINUTE));
      await mail.pass(plus(t0, 2 * MINUTE));
      const waiting = only(requester.email, "ticket-waiting");

      // The customer answers the notice in their mail client: to its Reply-To, "Re:" its subject, in reply to its Message-ID.
      const answerId = `<answer-${randomUUID()}@varsler.example>`;
      const raw = await new MailComposer({
        from: requester.email,
        to: waiting.headers.get("reply-to")!,
        subject: `Re: ${waiting.subject}`,
        messageId: answerId,
        inReplyTo: waiting.messageId,
        references: [waiting.headers.get("references")!, waiting.messageId].join(" "),
        text: "HP LaserJet 4000\n\n> Hvilken skriver?",
      })
        .compile()
        .build();
      const outcome = await ingestMail(ctxAt(plus(t0, 10 * MINUTE)), { mailboxId: null, uidValidity: null, uid: null, raw, receivedAt: plus(t0, 10 * MINUTE) });
      expect(outcome).toMatchObject({ status: "REPLY", ticketId: ticket.id });
      // As a portal reply does, it resumed the paused clock.
      expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).toEqual({ status: "OPEN" });

      // The agent answers; that notice refers to the receipt (the thread's root) and answers the customer's mail.
      await act(agent, ticket.id, { type: "reply", body: "Takk, vi bytter den." }, plus(t0, 20 * MINUTE));
      await mail.pass(plus(t0, 21 * MINUTE));
      const reply = only(requester.email, "ticket-reply");
      expect(reply.headers.get("in-reply-to")).toBe(answerId);
      expect(reply.headers.get("references")).toBe(`${await receiptMessageId(ticket.id)} ${answerId}`);
    }
  });

  it("says when a solved ticket closes by itself, in the recipient's zone and language", async () => {
    for (const [locale, expected] of [
      ["nb", "7. mars 2026, 11:00"],
      ["en", "7 Mar 2026, 11:00"],
    ] as const) {
      const requester = await customer(locale);
      const ticket = await register(requester.actor, MONDAY, "Klokka");
      // solved Monday 10:00 UTC; + 120 h = Saturday 10:00 UTC = 11:00 in Oslo
      await act(agent, ticket.id, { type: "resolve", solution: "Fikset." }, plus(MONDAY, HOUR));
      await mail.pass(plus(MONDAY, 2 * HOUR));
      expect(only(requester.email, "ticket-solved").text).toContain(expected);
      expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { confirmationDueAt: true } })).toEqual({ confirmationDueAt: plus(MONDAY, 121 * HOUR) });
    }
  });

  it("tells the requester once that on-call staff are called out for their P1, in their language", async () => {
    for (const [locale, subject] of [
      ["nb", "Vi har kalt ut vakten"],
      ["en", "We have called out our on-call staff"],
    ] as const) {
      const requester = await customer(locale);
      const registered = await register(requester.actor, SATURDAY_NIGHT, `Alt er nede (${locale})`, "P1");
      // A ticket raised to P1 by the servicedesk at night pages too, and is told once however often it becomes P1.
      const raised = await register(requester.actor, SATURDAY_NIGHT, `Nesten alt er nede (${locale})`, "P2");
      await act(agent, raised.id, { type: "priority", priority: "P1", reason: "Hele bedriften står" }, plus(SATURDAY_NIGHT, 5 * MINUTE));
      await act(agent, raised.id, { type: "priority", priority: "P2", reason: "Delvis i gang" }, plus(SATURDAY_NIGHT, 10 * MINUTE));
      await act(agent, raised.id, { type: "priority", priority: "P1", reason: "Nede igjen" }, plus(SATURDAY_NIGHT, 15 * MINUTE));
      await mail.pass(plus(SATURDAY_NIGHT, 20 * MINUTE));

      const oncall = mailsTo(requester.email, "ticket-oncall");
      expect(oncall.map((m) => m.subject).sort()).toEqual([`[${raised.reference}] ${subject}: Nesten alt er nede (${locale})`, `[${registered.reference}] ${subject}: Alt er nede (${locale})`].sort());
      const escalations = await prisma.escalation.count({ where: { ticketId: { in: [registered.id, raised.id] }, kind: "ONCALL_PAGE" } });
      expect(escalations).toBe(2);
      for (const m of oncall) {
        expect(m.headers.get("auto-submitted")).toBe("auto-generated");
        const ticketId = m.subject.includes(registered.reference) ? registered.id : raised.id;
        expect(m.headers.get("references")).toBe(await receiptMessageId(ticketId));
      }
      // The priority changes were told too, with their reasons.
      expect(mailsTo(requester.email, "ticket-priority-changed").map((m) => m.text.includes("Hele bedriften står") || m.text.includes("Delvis i gang") || m.text.includes("Nede igjen"))).toEqual([
        true,
        true,
        true,
      ]);
    }
  });

  it("drops a muted optional notice but always sends the duty notices", async () => {
    const requester = await customer("nb");
    await setMutedNotices({ actor: requester.actor, input: { muted: ["ticket-reply", "ticket-waiting"] }, ctx: ctxAt(MONDAY) });
    // A duty notice cannot be muted by the use case …
    await rejection(setMutedNotices({ actor: requester.actor, input: { muted: ["ticket-solved" as never] }, ctx: ctxAt(MONDAY) }));
    // … and is sent even when it is stored as muted.
    await prisma.user.update({ where: { id: requester.id }, data: { mutedNotices: ["ticket-reply", "ticket-waiting", "ticket-solved", "ticket-receipt"] } });
    const ticket = await register(requester.actor, plus(MONDAY, 3 * HOUR), "Dempet");
    await act(agent, ticket.id, { type: "reply", body: "Svar" }, plus(MONDAY, 3 * HOUR + MINUTE));
    await act(agent, ticket.id, { type: "wait", reason: "x", message: "Spørsmål" }, plus(MONDAY, 3 * HOUR + 2 * MINUTE));
    await act(agent, ticket.id, { type: "resolve", solution: "Løst" }, plus(MONDAY, 3 * HOUR + 3 * MINUTE));
    await mail.pass(plus(MONDAY, 4 * HOUR));

    expect(await prisma.notification.findMany({ where: { ticketId: ticket.id, recipientUserId: requester.id }, select: { template: true }, orderBy: { template: "asc" } })).toEqual([
      { template: "ticket-receipt" },
      { template: "ticket-solved" },
    ]);
    expect(mailsTo(requester.email, "ticket-reply")).toHaveLength(0);
    expect(mailsTo(requester.email, "ticket-waiting")).toHaveLength(0);
    expect(only(requester.email, "ticket-solved").subject).toContain(ticket.reference);
  });

  it("gives Reply-To from MAIL_REPLY_TO when no support mailbox is active, and none when neither is set", async () => {
    await prisma.mailbox.updateMany({ data: { active: false } });
    const requester = await customer("en");
    const ticket = await register(requester.actor, plus(MONDAY, 5 * HOUR), "Reply-To");
    await act(agent, ticket.id, { type: "reply", body: "First" }, plus(MONDAY, 5 * HOUR + MINUTE));
    const withFallback = createTransport({ SMTP_URL: mail.sink.url, MAIL_FROM: `Helpdesk <helpdesk@${DOMAIN}>`, MAIL_REPLY_TO: `kundeservice@${DOMAIN}` });
    try {
      await deliverDueNotifications({ prisma, transport: withFallback, now: plus(MONDAY, 5 * HOUR + 2 * MINUTE), limit: 500, throttle: THROTTLE_OFF });
    } finally {
      withFallback.close();
    }
    expect(only(requester.email, "ticket-reply").headers.get("reply-to")).toBe(`kundeservice@${DOMAIN}`);
    await act(agent, ticket.id, { type: "reply", body: "Second" }, plus(MONDAY, 5 * HOUR + 3 * MINUTE));
    await mail.pass(plus(MONDAY, 5 * HOUR + 4 * MINUTE));
    const replies = mailsTo(requester.email, "ticket-reply");
    expect(replies).toHaveLength(2);
    expect(replies[1]!.headers.has("reply-to")).toBe(false);
    expect(replies[1]!.headers.get("auto-submitted")).toBe("auto-generated");
  });

  it("never folds a ticket's notices into a digest, however many come at once: each is its own message in the thread", async () => {
    const requester = await customer("nb");
    const t0 = plus(MONDAY, 20 * HOUR);
    const ticket = await register(requester.actor, t0, "Mange varsler");
    await act(agent, ticket.id, { type: "reply", body: "En" }, plus(t0, MINUTE));
    await act(agent, ticket.id, { type: "reply", body: "To" }, plus(t0, 2 * MINUTE));
    await act(agent, ticket.id, { type: "wait", reason: "x", message: "Tre?" }, plus(t0, 3 * MINUTE));
    await act(agent, ticket.id, { type: "resolve", solution: "Fire" }, plus(t0, 4 * MINUTE));
    await deliverDueNotifications({ prisma, transport: mail.transport, now: plus(t0, 5 * MINUTE), limit: 500, throttle: { maxPerWindow: 1, windowMinutes: 60 }, random: () => 0.5 });
    expect(
      mail.sink
        .to(requester.email)
        .map((m) => m.headers.get("x-helpdesk-template"))
        .sort(),
    ).toEqual(["ticket-reply", "ticket-reply", "ticket-solved", "ticket-waiting"]);
    expect(await prisma.notification.count({ where: { recipientUserId: requester.id, status: "DIGESTED" } })).toBe(0);
  });

  describe("the one-click answer to a solved ticket", () => {
    async function solvedTicket(locale: "nb" | "en", at: Date) {
      const requester = await customer(locale);
      const ticket = await register(requester.actor, at, "Ett klikk");
      await act(agent, ticket.id, { type: "resolve", solution: "Løst" }, plus(at, MINUTE));
      const notice = await noticeRow(ticket.id, "ticket-solved");
      return { requester, ticket, token: solutionLinkToken(notice.id), dueAt: plus(at, MINUTE + 120 * HOUR) };
    }

    it("accepts the solution as the requester with a valid token, and the link is spent afterwards", async () => {
      const { ticket, token, requester } = await solvedTicket("en", plus(MONDAY, 6 * HOUR));
      const at = plus(MONDAY, 7 * HOUR);
      expect(await findSolutionLink(prisma, token, at)).toMatchObject({ ticketId: ticket.id, reference: ticket.reference, title: "Ett klikk", locale: "en" });
      await answerSolutionLink({ input: { token, answer: "accept" }, ctx: ctxAt(at) });
      const after = await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } });
      expect(after.status).toBe("CLOSED");
      const confirmed = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "CONFIRMED" }, select: { actorId: true } });
      expect(confirmed.actorId).toBe(requester.id);
      // Not solved any more: the link is no longer open.
      expect(await findSolutionLink(prisma, token, at)).toBeNull();
      expect((await rejection(answerSolutionLink({ input: { token, answer: "accept" }, ctx: ctxAt(at) }))).code).toBe("not_found");
    });

    it("reopens with the reason, and an old round's link does not work on the next solution", async () => {
      const { ticket, token } = await solvedTicket("nb", plus(MONDAY, 8 * HOUR));
      await answerSolutionLink({ input: { token, answer: "reopen", reason: "Skriveren er fortsatt treg" }, ctx: ctxAt(plus(MONDAY, 9 * HOUR)) });
      expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).toEqual({ status: "OPEN" });
      const reopened = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "REOPENED" }, select: { data: true } });
      expect(reopened.data).toMatchObject({ body: "Skriveren er fortsatt treg" });
      // Solved again: the first notice's link is for the first round only.
      await act(agent, ticket.id, { type: "resolve", solution: "Ny løsning" }, plus(MONDAY, 10 * HOUR));
      expect(await findSolutionLink(prisma, token, plus(MONDAY, 11 * HOUR))).toBeNull();
      const second = await prisma.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "ticket-solved" }, orderBy: { createdAt: "desc" }, select: { id: true } });
      expect(await findSolutionLink(prisma, solutionLinkToken(second.id), plus(MONDAY, 11 * HOUR))).not.toBeNull();
    });

    it("refuses a forged or malformed token, another notice's token, and a link past the ticket's auto-close instant", async () => {
      const { ticket, token, dueAt } = await solvedTicket("nb", plus(MONDAY, 12 * HOUR));
      const at = plus(MONDAY, 13 * HOUR);
      const [id] = token.split(".");
      for (const bad of [`${id}.${"A".repeat(43)}`, "not-a-token", `${randomUUID()}.x`, solutionLinkToken(id!, "another-secret-0123456789")]) {
        expect(await findSolutionLink(prisma, bad, at)).toBeNull();
        expect((await rejection(answerSolutionLink({ input: { token: bad, answer: "accept" }, ctx: ctxAt(at) }))).code).toBe("not_found");
      }
      const receipt = await prisma.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "ticket-receipt" }, select: { id: true } });
      expect(await findSolutionLink(prisma, solutionLinkToken(receipt.id), at)).toBeNull();
      // Valid a millisecond before the window ends, expired at it.
      expect(await findSolutionLink(prisma, token, plus(dueAt, -1))).not.toBeNull();
      expect(await findSolutionLink(prisma, token, dueAt)).toBeNull();
      expect((await rejection(answerSolutionLink({ input: { token, answer: "reopen", reason: "For sent" }, ctx: ctxAt(dueAt) }))).code).toBe("not_found");
      expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { status: true } })).toEqual({ status: "SOLVED" });
    });
  });
});
