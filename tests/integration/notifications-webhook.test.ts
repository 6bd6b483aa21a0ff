/**
 * Signed webhooks against a real HTTP server on loopback: the right endpoints get the body with a
 * signature the receiver verifies; a 500 is retried with backoff; secrets are stored encrypted.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { registerTicket } from "../../lib/server/tickets";
import { encryptSecret } from "../../lib/server/secrets";
import { createTransport, deliverDueNotifications, verifyWebhookSignature, type MailTransport } from "../../lib/server/notifications";
import { actorByEmail, seedOnce } from "../support/fixtures";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("signed webhooks", () => {
  const prisma = createPrisma();
  const secretsKey = randomBytes(32).toString("base64");
  const secrets = { nordlys: "whsec-nordlys", provider: "whsec-provider", other: "whsec-other" };
  const received: Received[] = [];
  /** Answer 500 to the next request of this delivery to this path. */
  const failures: Array<{ delivery: string; path: string }> = [];
  let server: Server;
  let base: string;
  let sink: SmtpSink;
  let transport: MailTransport;
  const endpointIds: string[] = [];

  beforeAll(async () => {
    await seedOnce(prisma);
    sink = await startSmtpSink();
    transport = createTransport({ SMTP_URL: sink.url, MAIL_FROM: "Helpdesk <helpdesk@servicedesk.example>" });
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        const failure = failures.findIndex((f) => f.delivery === req.headers["x-helpdesk-delivery"] && f.path === req.url);
        res.statusCode = failure === -1 ? 200 : 500;
        if (failure !== -1) failures.splice(failure, 1);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await prisma.webhookEndpoint.updateMany({ where: { id: { in: endpointIds } }, data: { active: false } });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    transport.close();
    await sink.close();
    await prisma.$disconnect();
  });

  async function endpoint(name: string, organizationId: string | null, secret: string, templates: string[], active = true) {
    const { id } = await prisma.webhookEndpoint.create({
      data: { name, organizationId, url: `${base}/${name}`, secretEncrypted: encryptSecret(secret, secretsKey), templates, active },
      select: { id: true },
    });
    endpointIds.push(id);
  }

  it("goes to the ticket's organisation's and the provider's endpoints for that template, signed, and a 500 is retried", async () => {
    const [nordlys, fjordvik] = await Promise.all(["nordlys", "fjordvik"].map((slug) => prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })));
    await endpoint("nordlys-teams", nordlys!.id, secrets.nordlys, ["sla-breach"]);
    await endpoint("provider-all", null, secrets.provider, []);
    await endpoint("fjordvik-teams", fjordvik!.id, secrets.other, []);
    await endpoint("provider-sms", null, secrets.other, ["oncall-page"]);
    await endpoint("nordlys-inactive", nordlys!.id, secrets.other, [], false);
    const stored = await prisma.webhookEndpoint.findMany({ where: { id: { in: endpointIds } }, select: { secretEncrypted: true } });
    for (const s of stored) expect(s.secretEncrypted).toMatch(/^v1:/);

    const kari = await actorByEmail(prisma, "kari@nordlys.example");
    // Registered now: outside office hours the P1 also pages on-call, which adds notifications of
    // its own; every assertion below reads only this test's delivery, so the hour does not matter.
    const ticket = await registerTicket({ actor: kari, input: { title: "Serveren er nede", description: "x", priority: "P1" }, ctx: { prisma, now: () => new Date() } });
    const t0 = at(new Date(), 1000);
    const payload = { reference: ticket.reference, title: "Serveren er nede", priority: "P1", dueAt: "2026-03-02T10:00:00Z", breachedAt: "2026-03-02T10:00:00Z" };
    const { id } = await prisma.notification.create({ data: { channel: "WEBHOOK", template: "sla-breach", ticketId: ticket.id, payload, nextAttemptAt: t0 }, select: { id: true } });
    const pass = (now: Date) => deliverDueNotifications({ prisma, transport, now, secretsKey, limit: 500, random: () => 0.5 });

    failures.push({ delivery: id, path: "/nordlys-teams" });
    await pass(t0);
    const failed = await prisma.notification.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, nextAttemptAt: at(t0, 30_000), lastError: 'webhook "nordlys-teams" answered 500' });
    await pass(at(t0, 30_000));
    expect(await prisma.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2, sentAt: at(t0, 30_000) });

    // The retry goes only to the endpoint that failed: a channel that has the message gets it once.
    const mine = received.filter((r) => r.headers["x-helpdesk-delivery"] === id);
    expect(mine.map((r) => r.path)).toEqual(["/nordlys-teams", "/provider-all", "/nordlys-teams"]);
    const secretOf: Record<string, string> = { "/nordlys-teams": secrets.nordlys, "/provider-all": secrets.provider };
    for (const [i, r] of mine.entries()) {
      const sentAt = i < 2 ? t0 : at(t0, 30_000);
      const header = r.headers["x-helpdesk-signature"] as string;
      expect(header).toMatch(new RegExp(`^t=${Math.floor(sentAt.getTime() / 1000)},v1=[0-9a-f]{64}$`));
      expect(verifyWebhookSignature({ secret: secretOf[r.path]!, body: r.body, header, now: sentAt })).toBe(true);
      expect(verifyWebhookSignature({ secret: secrets.other, body: r.body, header, now: sentAt })).toBe(false);
      expect(verifyWebhookSignature({ secret: secretOf[r.path]!, body: r.body.replace("P1", "P2"), header, now: sentAt })).toBe(false);
      expect(verifyWebhookSignature({ secret: secretOf[r.path]!, body: r.body, header, now: at(sentAt, 10 * 60_000) })).toBe(false); // a replay
      expect(r.headers["idempotency-key"]).toBe(id);
      expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
    }
    expect(JSON.parse(mine[0]!.body)).toMatchObject({ id, template: "sla-breach", event: "sla-breach", locale: "nb", ticketId: ticket.id, data: { reference: ticket.reference, priority: "P1" } });
    expect(JSON.parse(mine[0]!.body).text).toContain(`SLA-brudd: ${ticket.reference}`);
    expect(JSON.parse(mine[0]!.body).recipient).toBeUndefined();
  });

  it("gives the provider's SMS gateway the on-call person's phone, and a customer's endpoint never", async () => {
    const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
    await endpoint("nordlys-all", nordlys.id, secrets.nordlys, []);
    const provider = await prisma.organization.findUniqueOrThrow({ where: { slug: "servicedesk" }, select: { id: true } });
    const email = `vakt-${randomBytes(4).toString("hex")}@servicedesk.example`;
    const vakt = await prisma.user.create({ data: { email, name: "Vakt", role: "ONCALL", phone: "+4799999999", organizationId: provider.id }, select: { id: true } });
    const kari = await actorByEmail(prisma, "kari@nordlys.example");
    const ticket = await registerTicket({ actor: kari, input: { title: "Treg e-post", description: "x", priority: "P3" }, ctx: { prisma, now: () => new Date() } });
    const now = at(new Date(), 1000);
    const payload = { reference: ticket.reference, title: "Treg e-post", priority: "P1", ackUrl: "http://localhost:3000/ack/t", attempt: 1 };
    const { id } = await prisma.notification.create({
      data: { channel: "WEBHOOK", template: "oncall-page", recipientUserId: vakt.id, ticketId: ticket.id, payload, nextAttemptAt: now },
      select: { id: true },
    });
    await deliverDueNotifications({ prisma, transport, now, secretsKey, limit: 500 });
    expect(await prisma.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT" });
    const bodies = new Map(received.filter((r) => r.headers["x-helpdesk-delivery"] === id).map((r) => [r.path, JSON.parse(r.body) as { recipient?: unknown }]));
    expect([...bodies.keys()].sort()).toEqual(["/nordlys-all", "/provider-all", "/provider-sms"]);
    expect(bodies.get("/provider-sms")?.recipient).toMatchObject({ phone: "+4799999999", email });
    expect(bodies.get("/nordlys-all")?.recipient).toBeUndefined();
  });

  it("is a dead letter when no active endpoint takes the template", async () => {
    const now = new Date();
    const { id } = await prisma.notification.create({
      data: { channel: "WEBHOOK", template: "report-ready", payload: { organizationName: "X", month: "2026-10", percent: 95, creditPercent: 0, url: "http://localhost:3000/r" }, nextAttemptAt: now },
      select: { id: true },
    });
    await prisma.webhookEndpoint.updateMany({ where: { id: { in: endpointIds } }, data: { active: false } });
    await deliverDueNotifications({ prisma, transport, now, secretsKey, limit: 500 });
    expect(await prisma.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DEAD", lastError: 'no active webhook endpoint takes template "report-ready"' });
    expect(received.filter((r) => r.headers["x-helpdesk-delivery"] === id)).toHaveLength(0);
  });
});
