import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { DbClient } from "../db/prisma";

/** Active endpoints that take `template`: the provider's own, and the ticket's organisation's. */
export function webhookEndpointsWhere(template: string, organizationId: string | null | undefined): Prisma.WebhookEndpointWhereInput {
  const owners = organizationId ? [{ organizationId: null }, { organizationId }] : [{ organizationId: null }];
  return { active: true, AND: [{ OR: owners }, { OR: [{ templates: { isEmpty: true } }, { templates: { has: template } }] }] };
}

/** Whether a WEBHOOK notification of `template` would reach anyone: write one only then. */
export async function wantsWebhook(tx: DbClient, template: string, organizationId: string | null | undefined): Promise<boolean> {
  return (await tx.webhookEndpoint.count({ where: webhookEndpointsWhere(template, organizationId) })) > 0;
}
