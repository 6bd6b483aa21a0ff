import "server-only";
/** Every webhook endpoint with its owner, for the provider admin (the address shown by host only). */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole, UUID } from "../tickets/scope";
import { hostOf } from "./webhook-record";

export interface WebhookRow {
  id: string;
  name: string;
  host: string;
  organization: { id: string; name: string } | null;
  templates: string[];
  active: boolean;
}

export interface WebhookDetail extends WebhookRow {
  url: string;
}

const SELECT = { id: true, name: true, url: true, templates: true, active: true, organization: { select: { id: true, name: true } } } as const;

export async function listWebhooks({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<WebhookRow[]> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const rows = await ctx.prisma.webhookEndpoint.findMany({ orderBy: [{ createdAt: "asc" }], select: SELECT });
  return rows.map(({ url, ...r }) => ({ ...r, host: hostOf(url) }));
}

export async function getWebhook({ actor, input, ctx }: { actor: Actor; input: { webhookId: string }; ctx: UseCaseContext }): Promise<WebhookDetail> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  if (!UUID.test(input.webhookId)) throw notFound("Webhook");
  const row = await ctx.prisma.webhookEndpoint.findUnique({ where: { id: input.webhookId }, select: SELECT });
  if (!row) throw notFound("Webhook");
  return { ...row, host: hostOf(row.url) };
}
