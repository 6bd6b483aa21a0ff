/** Throttle and digest against the real PostgreSQL and a loopback SMTP server: a burst of breaches is no mail storm. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { deliverDueNotifications } from "../../lib/server/notifications";
import { mailDelivery } from "../support/mail-delivery";

const THROTTLE = { maxPerWindow: 5, windowMinutes: 10 };
const WINDOW_MS = THROTTLE.windowMinutes * 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("throttle and digest", () => {
  const prisma = createPrisma();
  const mail = mailDelivery(prisma, THROTTLE);
  const pass = mail.pass;

  it("a burst of 20 breaches to one person gives 5 mails and one digest listing the other 15; an on-call page is never folded", async () => {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "servicedesk" }, select: { id: true } });
    const lead = await prisma.user.create({
      data: { email: `lead-${randomUUID()}@servicedesk.example`, name: "Linjeleder", role: "AGENT", supportLine: "L1", isLineLead: true, organizationId: org.id },
      select: { id: true, email: true },
    });
    const windowStart = new Date(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS);
    const t0 = at(windowStart, 60_000);
    const breach = (i: number) => ({ reference: `SD-BURST-${String(i).padStart(2, "0")}`, title: `Brudd ${i}`, priority: "P2", dueAt: t0.toISOString(), breachedAt: t0.toISOString() });
    const page = await prisma.notification.create({
      data: {
        channel: "EMAIL",
        template: "oncall-page",
        recipientUserId: lead.id,
        payload: { reference: "SD-PAGE", title: "Nede", priority: "P1", ackUrl: "http://localhost:3000/ack/x", attempt: 1 },
        nextAttemptAt: t0,
        createdAt: t0,
      },
      select: { id: true },
    });
    for (let i = 1; i <= 20; i++) {
      await prisma.notification.create({ data: { channel: "EMAIL", template: "sla-breach", recipientUserId: lead.id, payload: breach(i), nextAttemptAt: t0, createdAt: at(t0, i) } });
    }

    await pass(t0);
    await pass(at(t0, 60_000)); // a second pass changes nothing: the digest is due at the window's end
    const rows = await prisma.notification.findMany({ where: { recipientUserId: lead.id }, select: { id: true, template: true, status: true, digestId: true, nextAttemptAt: true, dedupeKey: true } });
    const byStatus = (template: string, status: string) => rows.filter((r) => r.template === template && r.status === status);
    expect(byStatus("sla-breach", "SENT")).toHaveLength(5);
    expect(byStatus("sla-breach", "DIGESTED")).toHaveLength(15);
    expect(byStatus("oncall-page", "SENT").map((r) => r.id)).toEqual([page.id]);
    const [digest, ...more] = rows.filter((r) => r.template === "digest");
    expect(more).toHaveLength(0);
    expect(digest).toMatchObject({ status: "PENDING", nextAttemptAt: at(windowStart, WINDOW_MS), dedupeKey: `digest-${lead.id}-${windowStart.toISOString()}` });
    expect(new Set(byStatus("sla-breach", "DIGESTED").map((r) => r.digestId))).toEqual(new Set([digest!.id]));
    expect(mail.sink.to(lead.email)).toHaveLength(6);

    await pass(at(windowStart, WINDOW_MS));
    const mails = mail.sink.to(lead.email);
    expect(mails).toHaveLength(7);
    expect(mails.filter((m) => m.subject.startsWith("SLA-brudd: ")).map((m) => m.subject.slice(11, 22))).toEqual(["SD-BURST-01", "SD-BURST-02", "SD-BURST-03", "SD-BURST-04", "SD-BURST-05"]);
    expect(mails.filter((m) => m.subject.startsWith("VAKT: "))).toHaveLength(1);
    const digestMail = mails.find((m) => m.subject === "Samlevarsel: 15 varsler");
    expect(digestMail?.messageId).toBe(`<${digest!.id}@servicedesk.example>`);
    for (let i = 6; i <= 20; i++) expect(digestMail?.text).toContain(`SLA-brudd SD-BURST-${String(i).padStart(2, "0")} (P2): Brudd ${i}`);
    for (let i = 1; i <= 5; i++) expect(digestMail?.text).not.toContain(`SD-BURST-0${i} `);
    const sentDigest = await prisma.notification.findUniqueOrThrow({ where: { id: digest!.id } });
    expect(sentDigest).toMatchObject({ status: "SENT", sentAt: at(windowStart, WINDOW_MS) });
    expect((sentDigest.payload as { items: unknown[] }).items).toHaveLength(15);
    expect(await prisma.notification.count({ where: { digestId: digest!.id, sentAt: at(windowStart, WINDOW_MS) } })).toBe(15);
  });

  it("two workers deciding at once still send at most 5 to one person", async () => {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "servicedesk" }, select: { id: true } });
    const agent = await prisma.user.create({
      data: { email: `agent-${randomUUID()}@servicedesk.example`, name: "Agent", role: "AGENT", supportLine: "L2", organizationId: org.id, locale: "en" },
      select: { id: true, email: true },
    });
    const windowStart = new Date(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS);
    const t0 = at(windowStart, 120_000);
    for (let i = 1; i <= 12; i++) {
      const payload = { reference: `SD-PAR-${i}`, title: `Warning ${i}`, priority: "P3", threshold: 0.9, dueAt: at(t0, 3600_000).toISOString() };
      await prisma.notification.create({ data: { channel: "EMAIL", template: "sla-warning", recipientUserId: agent.id, payload, nextAttemptAt: t0, createdAt: at(t0, i) } });
    }
    const other = createPrisma();
    try {
      const passes = [prisma, other, prisma, other].map((client) => deliverDueNotifications({ prisma: client, transport: mail.transport, now: t0, limit: 3, throttle: THROTTLE, random: () => 0.5 }));
      await Promise.all(passes);
      await Promise.all([pass(t0), deliverDueNotifications({ prisma: other, transport: mail.transport, now: t0, limit: 500, throttle: THROTTLE })]);
    } finally {
      await other.$disconnect();
    }
    const counts = await prisma.notification.groupBy({ by: ["status"], where: { recipientUserId: agent.id, template: "sla-warning" }, _count: { _all: true } });
    expect(Object.fromEntries(counts.map((c) => [c.status, c._count._all]))).toEqual({ SENT: 5, DIGESTED: 7 });
    expect(mail.sink.to(agent.email)).toHaveLength(5);
    expect(mail.sink.to(agent.email)[0]?.subject).toMatch(/^SLA warning: 90% of the target used for SD-PAR-/);
    await pass(at(windowStart, WINDOW_MS));
    expect(
      mail.sink
        .to(agent.email)
        .map((m) => m.subject)
        .at(-1),
    ).toBe("Digest: 7 notifications");
  });
});
