import "server-only";
/**
 * Short-lived caches for the timer hot path: who leads a line, who administers an organisation,
 * and whether any webhook takes a template. A change shows within `TTL_MS`; at thousands of
 * timers a second the alternative is the same three queries thousands of times a second.
 */
import type { SupportLine } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import type { Directory, DirectoryNeeds } from "./fired-timer";
import { wantsWebhook } from "../notifications/webhook-endpoints";

const TTL_MS = 10_000;
const entries = new Map<string, { until: number; value: Promise<unknown> }>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { until: now + TTL_MS, value });
  value.catch(() => entries.delete(key));
  return value;
}

const lineLeads = (db: DbClient, line: SupportLine) =>
  cached(`leads:${line}`, async () => (await db.user.findMany({ where: { role: "AGENT", supportLine: line, isLineLead: true, deactivatedAt: null }, select: { id: true } })).map((u) => u.id));

const customerAdmins = (db: DbClient, organizationId: string) =>
  cached(`admins:${organizationId}`, async () => (await db.user.findMany({ where: { role: "CUSTOMER_ADMIN", organizationId, deactivatedAt: null }, select: { id: true } })).map((u) => u.id));

/**
 * The people a fired timer's decision names (fired-timer.ts), looked up one after the other and
 * only as far as `needs` says: the leads of those lines, the organisation's customer admins, and
 * whether its webhooks take the timer's template. What is not needed is left empty.
 */
export async function cachedDirectory(db: DbClient, organizationId: string, needs: DirectoryNeeds): Promise<Directory> {
  const leads: Record<SupportLine, readonly string[]> = { L1: [], L2: [], L3: [] };
  for (const line of needs.lineLeads) leads[line] = await lineLeads(db, line);
  const admins = needs.customerAdmins ? await customerAdmins(db, organizationId) : [];
  const webhook = await cachedWantsWebhook(db, needs.webhook, organizationId);
  return { lineLeads: leads, customerAdmins: admins, webhookTakes: (template) => template === needs.webhook && webhook };
}

const cachedWantsWebhook = (db: DbClient, template: string, organizationId: string) => cached(`webhook:${template}:${organizationId}`, () => wantsWebhook(db, template, organizationId));
