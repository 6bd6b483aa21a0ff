/**
 * Notification delivery by e-mail against the real PostgreSQL and a real SMTP server on loopback:
 * once and only once per pass and across concurrent loops, retries with backoff at exact instants,
 * dead letters and their retry, expired leases, permanent failures.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { registerTicket } from "../../lib/server/tickets";
import { LEASE_MS, listNotifications, notificationStats, retryNotification, startNotificationDelivery } from "../../lib/server/notifications";
import { actorByEmail } from "../support/fixtures";
import { mailDelivery } from "../support/mail-delivery";

const THROTTLE_OFF = { maxPerWindow: 10_000, windowMinutes: 10 };
/**
 * The delivery tests place their rows relative to an origin (the wall clock, so the rows are due
 * now among the shared database's others); every outcome depends only on the offsets from it.
 */
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const REGISTERED = new Date("2026-03-02T09:00:00Z");

describe("notification delivery by e-mail", () => {
  const prisma = createPrisma();
  const mail = mailDelivery(prisma, THROTTLE_OFF);
  const pass = mail.pass;

  async function freshUser(locale: "nb" | "en") {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
    return prisma.user.create({ data: { email: `n-${randomUUID()}@nordlys.example`, name: "Varsel Test", role: "END_USER", organizationId: org.id, locale }, select: { id: true, email: true } });
  }

  const receiptPayload = { reference: "NOR-TEST-1", title: "Skriveren", priority: "P3", registeredAt: "2026-03-02T09:00:00Z" };
  async function notification(recipientUserId: string, nextAttemptAt: Date, extra: Record<string, unknown> = {}) {
    return prisma.notification.create({
      data: { channel: "EMAIL", template: "ticket-receipt", recipientUserId, payload: receiptPayload, nextAttemptAt, ...extra },
      select: { id: true },
    });
  }
  const row = (id: string) => prisma.notification.findUniqueOrThrow({ where: { id } });

  it("a ticket's receipt goes out once by SMTP, in the recipient's language, even when the pass runs twice", async () => {
    const [nb, en] = [await freshUser("nb"), await freshUser("en")];
    const tickets: Awaited<ReturnType<typeof registerTicket>>[] = [];
    for (const user of [nb, en]) {
      const actor = await actorByEmail(prisma, user.email);
      // Registered at a chosen instant (a Monday in office hours); the receipt falls due when it is written.
      tickets.push(await registerTicket({ actor, input: { title: "Skriveren virker ikke", description: "x", priority: "P3" }, ctx: { prisma, now: () => REGISTERED } }));
    }
    // Delivery runs one second after the receipts were written (the database's time): only the offset matters.
    const now = at(new Date(), 1000);
    await pass(now);
    await pass(now);

    const [nbMail, ...nbRest] = mail.sink.to(nb.email);
    const [enMail, ...enRest] = mail.sink.to(en.email);
    expect(nbRest).toHaveLength(0);
    expect(enRest).toHaveLength(0);
    expect(nbMail?.subject).toBe(`[${tickets[0]!.reference}] Vi har mottatt saken din: Skriveren virker ikke`);
    expect(nbMail?.text).toContain(`Referanse: ${tickets[0]!.reference}`);
    expect(enMail?.subject).toBe(`[${tickets[1]!.reference}] We have received your ticket: Skriveren virker ikke`);
    const receipt = await prisma.notification.findUniqueOrThrow({ where: { dedupeKey: `receipt-${tickets[0]!.id}` } });
    expect(receipt).toMatchObject({ status: "SENT", attempts: 1, sentAt: now });
    expect(nbMail?.messageId).toBe(`<${receipt.id}@servicedesk.example>`);
    expect(nbMail?.from).toBe("helpdesk@servicedesk.example");
  });

  it("two delivery loops running at once send each notification exactly once", async () => {
    const user = await freshUser("nb");
    const due = at(new Date(), -1000);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await notification(user.id, due)).id);
    const other = createPrisma();
    const loops = [
      startNotificationDelivery({ prisma, transport: mail.transport, intervalMs: 10, batch: 3, throttle: THROTTLE_OFF }),
      startNotificationDelivery({ prisma: other, transport: mail.transport, intervalMs: 10, batch: 3, throttle: THROTTLE_OFF }),
    ];
    try {
      await expect.poll(() => prisma.notification.count({ where: { id: { in: ids }, status: "SENT" } }), { timeout: 10_000 }).toBe(12);
    } finally {
      await Promise.all(loops.map((loop) => loop.stop()));
      await other.$disconnect();
    }
    const mails = mail.sink.to(user.email);
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(12);
    expect(await prisma.notification.findMany({ where: { id: { in: ids } }, select: { attempts: true } })).toEqual(ids.map(() => ({ attempts: 1 })));
  });

  it("an SMTP 451 leaves it FAILED with backoff at 30 s, then 60 s, and it is sent on the third attempt", async () => {
    const user = await freshUser("nb");
    const t0 = new Date();
    const { id } = await notification(user.id, t0);
    mail.sink.rejectNext(2, user.email);

    await pass(t0);
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 1, nextAttemptAt: at(t0, 30_000), sentAt: null });
    expect((await row(id)).lastError).toMatch(/451/);
    await pass(at(t0, 29_999));
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 1 });
    await pass(at(t0, 30_000));
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 2, nextAttemptAt: at(t0, 90_000) });
    await pass(at(t0, 90_000));
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 3, sentAt: at(t0, 90_000), lastError: null });
    expect(mail.sink.to(user.email)).toHaveLength(1);
  });

  it("after 8 failed attempts it is a dead letter with the last error; an admin's retry sends it", async () => {
    const user = await freshUser("en");
    const t0 = new Date();
    const { id } = await notification(user.id, t0);
    mail.sink.rejectNext(8, user.email);
    let now = t0;
    const instants: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      await pass(now);
      const current = await row(id);
      expect(current.attempts).toBe(attempt);
      if (attempt < 8) {
        expect(current.status).toBe("FAILED");
        instants.push(current.nextAttemptAt.getTime() - now.getTime());
        now = current.nextAttemptAt;
      }
    }
    expect(instants).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    const dead = await row(id);
    expect(dead.status).toBe("DEAD");
    expect(dead.lastError).toMatch(/^gave up after 8 attempts: .*451/);
    expect(mail.sink.to(user.email)).toHaveLength(0);

    const listed = await listNotifications({ prisma, status: "DEAD", limit: 200 });
    expect(listed.items.find((n) => n.id === id)).toMatchObject({ status: "DEAD", attempts: 8, template: "ticket-receipt", to: user.email });
    expect((await notificationStats(prisma)).DEAD).toBeGreaterThanOrEqual(1);
    await pass(at(now, 24 * 3600_000));
    expect((await row(id)).status).toBe("DEAD"); // a dead letter waits for a person

    const later = at(now, 25 * 3600_000);
    await retryNotification({ prisma, id, now: later });
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 0, nextAttemptAt: later });
    await expect(retryNotification({ prisma, id, now: later })).rejects.toThrow(/Only a dead notification/);
    await pass(later);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(mail.sink.to(user.email).map((m) => m.subject)).toEqual(["[NOR-TEST-1] We have received your ticket: Skriveren"]);
  });

  it("a row left SENDING by a killed worker is released when its lease expires and delivered again", async () => {
    const user = await freshUser("nb");
    const claimedAt = new Date();
    const { id } = await notification(user.id, at(claimedAt, LEASE_MS), { status: "SENDING", attempts: 1 });
    await pass(at(claimedAt, LEASE_MS - 1000));
    expect(await row(id)).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(mail.sink.to(user.email)).toHaveLength(0);
    await pass(at(claimedAt, LEASE_MS));
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(mail.sink.to(user.email)).toHaveLength(1);
  });

  it("an invalid payload or an unknown template is dead at once, with the reason, and nothing is sent", async () => {
    const user = await freshUser("nb");
    const now = new Date();
    const invalid = await notification(user.id, now, { payload: { ...receiptPayload, priority: "P9" } });
    const unknown = await notification(user.id, now, { template: "no-such-template" });
    const noAddress = await prisma.notification.create({ data: { channel: "EMAIL", template: "ticket-receipt", payload: receiptPayload, nextAttemptAt: now }, select: { id: true } });
    await pass(now);
    expect(await row(invalid.id)).toMatchObject({ status: "DEAD", attempts: 1 });
    expect((await row(invalid.id)).lastError).toMatch(/invalid payload for template "ticket-receipt": priority/);
    expect((await row(unknown.id)).lastError).toMatch(/unknown notification template "no-such-template"/);
    expect(await row(noAddress.id)).toMatchObject({ status: "DEAD", lastError: expect.stringMatching(/no e-mail address/) });
    expect(mail.sink.to(user.email)).toHaveLength(0);
  });

  it("an in-app notification is marked sent at once", async () => {
    const user = await freshUser("nb");
    const now = new Date();
    const { id } = await notification(user.id, now, { channel: "IN_APP" });
    await pass(now);
    expect(await row(id)).toMatchObject({ status: "SENT", sentAt: now });
    expect(mail.sink.to(user.email)).toHaveLength(0);
  });
});
