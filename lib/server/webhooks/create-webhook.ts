import "server-only";
/**
 * Adds a webhook endpoint (issue 15): the provider's own (an SMS gateway for on-call) or a
 * customer's (Teams, Slack). The signing secret is stored encrypted (AES-256-GCM, SECRETS_KEY);
 * when none is given one is generated and returned once, to configure the receiver. Audit row.
 */
import type { Actor } from "../actor";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { encryptSecret } from "../secrets";
import { CreateWebhookSchema, type CreateWebhookInput } from "./schemas";
import { checkOwner, generateWebhookSecret, webhookAudit, webhookSecretsKey } from "./webhook-record";

export async function createWebhook({
  actor,
  input: raw,
  ctx,
  secretsKey,
}: {
  actor: Actor;
  input: CreateWebhookInput;
  ctx: UseCaseContext;
  secretsKey?: Buffer | string;
}): Promise<{ id: string; secret: string; generated: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(CreateWebhookSchema, raw);
  const key = webhookSecretsKey(secretsKey);
  const secret = input.secret || generateWebhookSecret();
  return ctx.prisma.$transaction(async (tx) => {
    await checkOwner(tx, input.organizationId);
    const data = { name: input.name, url: input.url, organizationId: input.organizationId, templates: input.templates, active: true };
    const { id } = await tx.webhookEndpoint.create({ data: { ...data, secretEncrypted: encryptSecret(secret, key), createdAt: ctx.now() }, select: { id: true } });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "webhook.create",
      targetType: "WebhookEndpoint",
      targetId: id,
      organizationId: input.organizationId,
      after: { ...webhookAudit(data), secret: "set" },
    });
    return { id, secret, generated: !input.secret };
  }, TRANSACTION_OPTIONS);
}
