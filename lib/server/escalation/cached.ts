import "server-only";
/**
 * Short-lived caches for the timer hot path: who leads a line, who administers an organisation,
 * and whether any webhook takes a template. A change shows within `TTL_MS`; at thousands of
 * timers a second the alternative is the same three queries thousands of times a second.
 */
import type { SupportLine } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import type { RecipientKind } from "./rules";
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
  cached(`leads:${line}`, async () =>
    (await db.user.findMany({ where: { role: "AGENT", supportLine: line, isLineLead: true, deactivatedAt: null }, select: { id: true } })).map((u) => u.id),
  );

const customerAdmins = (db: DbClient, organizationId: string) =>
  cached(`admins:${organizationId}`, async () =>
    (await db.user.findMany({ where: { role: "CUSTOMER_ADMIN", organizationId, deactivatedAt: null }, select: { id: true } })).map((u) => u.id),
  );

/**
 * The people behind recipient kinds for a ticket, without duplicates. A ticket nobody is assigned
 * to has its line's leads told instead of the assignee, so a warning always reaches someone.
 */
export async function cachedRecipients(
  db: DbClient,
  ticket: { organizationId: string; assigneeId: string | null; line: SupportLine },
  kinds: readonly RecipientKind[],
): Promise<string[]> {
  const ids = new Set<string>();
  if (kinds.includes("assignee") && ticket.assigneeId) ids.add(ticket.assigneeId);
  if (kinds.includes("lineLead") || (kinds.includes("assignee") && !ticket.assigneeId)) for (const id of await lineLeads(db, ticket.line)) ids.add(id);
  if (kinds.includes("customerAdmin")) for (const id of await customerAdmins(db, ticket.organizationId)) ids.add(id);
  return [...ids];
}

export const cachedWantsWebhook = (db: DbClient, template: string, organizationId: string) =>
  cached(`webhook:${template}:${organizationId}`, () => wantsWebhook(db, template, organizationId));
