import "server-only";
/**
 * "Send a test" (issue 15): posts one signed test message to the endpoint through the same
 * postWebhook the notification worker uses (signature, delivery id, 5 s timeout), and says how it
 * went. The answer names the endpoint, never its address. Recorded in the audit log.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { decryptSecret } from "../secrets";
import { postWebhook } from "../notifications/webhook";
import { WebhookIdSchema, type WebhookIdInput } from "./schemas";
import { webhookSecretsKey } from "./webhook-record";

export const WEBHOOK_TEST_TEMPLATE = "webhook-test";

export async function testWebhook({
  actor,
  input: raw,
  ctx,
  secretsKey,
  fetch: fetchImpl,
}: {
  actor: Actor;
  input: WebhookIdInput;
  ctx: UseCaseContext;
  secretsKey?: Buffer | string;
  fetch?: typeof fetch;
}): Promise<{ ok: true } | { ok: false; error: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { webhookId } = parseInput(WebhookIdSchema, raw);
  const row = await ctx.prisma.webhookEndpoint.findUnique({ where: { id: webhookId }, select: { id: true, name: true, url: true, secretEncrypted: true, organizationId: true } });
  if (!row) throw notFound("Webhook");
  const now = ctx.now();
  const deliveryId = randomUUID();
  const text = `Test from the helpdesk: the endpoint "${row.name}" is reachable.`;
  const body = JSON.stringify({
    id: deliveryId,
    template: WEBHOOK_TEST_TEMPLATE,
    ticketId: null,
    createdAt: now.toISOString(),
    event: WEBHOOK_TEST_TEMPLATE,
    subject: "Test",
    text,
    data: { test: true },
  });
  let result: { ok: true } | { ok: false; error: string };
  try {
    const target = { name: row.name, url: row.url, secret: decryptSecret(row.secretEncrypted, webhookSecretsKey(secretsKey)) };
    await postWebhook({ target, body, deliveryId, template: WEBHOOK_TEST_TEMPLATE, now, fetch: fetchImpl });
    result = { ok: true };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  await writeAudit(ctx.prisma, ctx, {
    actor: { userId: actor.userId, email: actor.email },
    action: "webhook.test",
    targetType: "WebhookEndpoint",
    targetId: row.id,
    organizationId: row.organizationId,
    after: result,
  });
  return result;
}
