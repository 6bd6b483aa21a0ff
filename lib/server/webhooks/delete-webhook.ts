import "server-only";
/** Deletes a webhook endpoint (issue 15); notifications already delivered keep their record. Audit row. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { WebhookIdSchema, type WebhookIdInput } from "./schemas";
import { webhookAudit } from "./webhook-record";

export async function deleteWebhook({ actor, input: raw, ctx }: { actor: Actor; input: WebhookIdInput; ctx: UseCaseContext }): Promise<{ id: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { webhookId } = parseInput(WebhookIdSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({ where: { id: webhookId }, select: { id: true, name: true, url: true, organizationId: true, templates: true, active: true } });
    if (!row) throw notFound("Webhook");
    await tx.webhookEndpoint.delete({ where: { id: row.id } });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "webhook.delete",
      targetType: "WebhookEndpoint",
      targetId: row.id,
      organizationId: row.organizationId,
      before: webhookAudit(row),
    });
    return { id: row.id };
  }, TRANSACTION_OPTIONS);
}
