/**
 * Webhook endpoints in the provider admin's hands (issue 15): the secret is stored encrypted and
 * given once when generated; "send a test" really posts a signed request through the delivery
 * code to a local receiver and reports a failure by the endpoint's name; edits and deletes are
 * audited without the address or the secret.
 */
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import type { Actor } from "../../lib/server/actor";
import { createWebhook, deleteWebhook, testWebhook, updateWebhook } from "../../lib/server/webhooks";
import { decryptSecret } from "../../lib/server/secrets";
import { verifyWebhookSignature } from "../../lib/server/notifications/webhook";
import { actorByEmail, rejection, seedOnce } from "../support/fixtures";

const KEY = randomBytes(32).toString("base64");

describe("webhook endpoints: add, test, edit, delete", () => {
  const prisma = db();
  const ctx = { prisma, now: () => new Date() }; // the receiver checks the signature's time against its own clock
  let admin: Actor;
  let server: Server;
  let base: string;
  const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
  let status = 200;

  beforeAll(async () => {
    await seedOnce(prisma);
    admin = await actorByEmail(prisma, "admin@servicedesk.example");
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    redis().disconnect();
  });

  it("stores the secret encrypted, posts a signed test, reports a failing receiver, audits without address or secret", async () => {
    const nordlys = (await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } })).id;
    const created = await createWebhook({ actor: admin, input: { name: "Teams-kanal", url: `${base}/hook?token=hemmelig`, organizationId: nordlys, templates: ["sla-breach"] }, ctx, secretsKey: KEY });
    expect(created.generated).toBe(true);
    const row = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretEncrypted).not.toContain(created.secret);
    expect(decryptSecret(row.secretEncrypted, KEY)).toBe(created.secret);

    expect(await testWebhook({ actor: admin, input: { webhookId: created.id }, ctx, secretsKey: KEY })).toEqual({ ok: true });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.headers["x-helpdesk-template"]).toBe("webhook-test");
    expect(verifyWebhookSignature({ secret: created.secret, body: request!.body, header: request!.headers["x-helpdesk-signature"] as string })).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({ template: "webhook-test", text: expect.stringContaining("Teams-kanal") });

    status = 500;
    expect(await testWebhook({ actor: admin, input: { webhookId: created.id }, ctx, secretsKey: KEY })).toEqual({ ok: false, error: 'webhook "Teams-kanal" answered 500' });
    status = 200;

    await updateWebhook({
      actor: admin,
      input: { webhookId: created.id, name: "Teams", url: `${base}/other?token=nytt`, organizationId: nordlys, templates: [], active: false, secret: "nytt-hemmelig" },
      ctx,
      secretsKey: KEY,
    });
    const updated = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(updated).toMatchObject({ name: "Teams", active: false, templates: [] });
    expect(decryptSecret(updated.secretEncrypted, KEY)).toBe("nytt-hemmelig");

    await deleteWebhook({ actor: admin, input: { webhookId: created.id }, ctx });
    expect(await prisma.webhookEndpoint.count({ where: { id: created.id } })).toBe(0);
    const rows = await prisma.auditLog.findMany({ where: { targetId: created.id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true, organizationId: true } });
    expect(rows.map((r) => r.action)).toEqual(["webhook.create", "webhook.test", "webhook.test", "webhook.update", "webhook.delete"]);
    expect(rows.every((r) => r.organizationId === nordlys)).toBe(true);
    expect(rows[3]).toMatchObject({
      before: { name: "Teams-kanal", templates: ["sla-breach"], active: true, url: "changed" },
      after: { name: "Teams", templates: [], active: false, url: "changed", secret: "changed" },
    });
    const text = JSON.stringify(rows);
    for (const secret of ["hemmelig", created.secret, "token="]) expect(text).not.toContain(secret);

    expect((await rejection(createWebhook({ actor: admin, input: { name: "x", url: "ftp://example.com", organizationId: null, templates: [] }, ctx, secretsKey: KEY }))).fields).toHaveProperty("url");
    const ola = await actorByEmail(prisma, "ola@nordlys.example");
    expect((await rejection(createWebhook({ actor: ola, input: { name: "x", url: base, organizationId: null, templates: [] }, ctx, secretsKey: KEY }))).code).toBe("not_found");
  });
});
