import "server-only";
/**
 * Changes a webhook endpoint (issue 15): name, address, owner, templates, active; a new signing
 * secret replaces the old one (stored encrypted) only when one is given. Audit row of what changed.
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { changedFields, writeAudit } from "../audit/write-audit";
import { encryptSecret } from "../secrets";
import { UpdateWebhookSchema, type UpdateWebhookInput } from "./schemas";
import { checkOwner, webhookAudit, webhookSecretsKey } from "./webhook-record";

export async function updateWebhook({
  actor,
  input: raw,
  ctx,
  secretsKey,
}: {
  actor: Actor;
  input: UpdateWebhookInput;
  ctx: UseCaseContext;
  secretsKey?: Buffer | string;
}): Promise<{ id: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(UpdateWebhookSchema, raw);
  const secretEncrypted = input.secret ? encryptSecret(input.secret, webhookSecretsKey(secretsKey)) : undefined;
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({ where: { id: input.webhookId }, select: { id: true, name: true, url: true, organizationId: true, templates: true, active: true } });
    if (!row) throw notFound("Webhook");
    await checkOwner(tx, input.organizationId);
    const data = { name: input.name, url: input.url, organizationId: input.organizationId, templates: input.templates, active: input.active };
    const diff = changedFields({ ...webhookAudit(row), url: row.url }, { ...webhookAudit(data), url: data.url });
    if (!diff && !secretEncrypted) return { id: row.id, changed: false };
    await tx.webhookEndpoint.update({ where: { id: row.id }, data: { ...data, ...(secretEncrypted ? { secretEncrypted } : {}) } });
    // The full address may carry a token: the row says that it changed, and the host.
    const strip = (o: Record<string, unknown> | undefined) => {
      const { url: _url, ...rest } = o ?? {};
      return _url === undefined ? rest : { ...rest, url: "changed" };
    };
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "webhook.update",
      targetType: "WebhookEndpoint",
      targetId: row.id,
      organizationId: input.organizationId ?? row.organizationId,
      before: strip(diff?.before as Record<string, unknown> | undefined) as never,
      after: { ...strip(diff?.after as Record<string, unknown> | undefined), ...(secretEncrypted ? { secret: "changed" } : {}) } as never,
    });
    return { id: row.id, changed: true };
  }, TRANSACTION_OPTIONS);
}
