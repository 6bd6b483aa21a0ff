import "server-only";
/**
 * The one place that writes Notification rows. Every producer (registration's receipt, an
 * escalation to a higher line, a P1's mobilisation, an on-call notice, the monthly reports, and
 * the SLA timer's batched SQL) goes through here: each row's payload is checked against its
 * template's schema when it is written (and again when it is delivered), and a row whose
 * dedupeKey exists is not written again.
 *
 * The SLA timer records thousands of timers a second in one SQL statement per batch; it builds
 * its rows with `notificationRows` (checked here, in JavaScript), packs them with
 * `packNotifications` and inserts them with the statement `insertPackedNotificationsSql` gives it.
 */
import type { DbClient } from "../db/prisma";
import { toJson } from "../db/json";
import { parsePayload, type TemplateName, type TemplatePayload } from "./templates";
import { isOptionalNotice } from "./notice-kinds";

export type NotificationChannel = "EMAIL" | "WEBHOOK";

/** One notification: a template, its payload, and who gets it on which channel. */
export interface NotificationRow<T extends TemplateName = TemplateName> {
  channel: NotificationChannel;
  template: T;
  /** The person; null for a webhook message that goes to the endpoints that take the template. */
  recipientUserId: string | null;
  /** An e-mail address that is nobody's account (e.g. the provider's security contact), when recipientUserId is null. */
  address?: string;
  ticketId: string | null;
  payload: TemplatePayload<T>;
  dedupeKey: string;
}

/** Who gets a message on which channel, under which key. */
export interface Delivery {
  channel: NotificationChannel;
  /** The person; null for a webhook message that goes to the endpoints that take the template. */
  userId: string | null;
  /** EMAIL to an address that is nobody's account (userId null). */
  address?: string;
  dedupeKey: string;
}

export const byEmail = (userId: string, dedupeKey: string): Delivery => ({ channel: "EMAIL", userId, dedupeKey });
export const byWebhook = (dedupeKey: string): Delivery => ({ channel: "WEBHOOK", userId: null, dedupeKey });
export const byEmailAddress = (address: string, dedupeKey: string): Delivery => ({ channel: "EMAIL", userId: null, address, dedupeKey });

/** Rows for one message (its payload checked against the template's schema) to several deliveries. */
export function notificationRows<T extends TemplateName>(n: { template: T; ticketId: string | null; payload: TemplatePayload<T>; to: readonly Delivery[] }): Array<NotificationRow<T>> {
  const payload = parsePayload(n.template, n.payload) as TemplatePayload<T>;
  return n.to.map((d) => ({
    channel: d.channel,
    template: n.template,
    recipientUserId: d.userId,
    ...(d.address ? { address: d.address } : {}),
    ticketId: n.ticketId,
    payload,
    dedupeKey: d.dedupeKey,
  }));
}

/**
 * The rows without the optional customer notices their recipients turned off on /profile
 * (User.mutedNotices, issue 17): a muted notice is simply not written. Duty notices (the receipt,
 * "solved") are never optional, so never dropped, whatever the user stored.
 */
async function withoutMuted(db: DbClient, rows: readonly NotificationRow[]): Promise<readonly NotificationRow[]> {
  const optional = rows.filter((row) => row.recipientUserId !== null && isOptionalNotice(row.template));
  if (optional.length === 0) return rows;
  const users = await db.user.findMany({ where: { id: { in: [...new Set(optional.map((row) => row.recipientUserId as string))] } }, select: { id: true, mutedNotices: true } });
  const muted = new Map(users.map((u) => [u.id, new Set(u.mutedNotices)]));
  return rows.filter((row) => !(row.recipientUserId !== null && isOptionalNotice(row.template) && muted.get(row.recipientUserId)?.has(row.template)));
}

/**
 * Writes the rows in the caller's transaction; rows whose dedupeKey exists are skipped, and so are
 * optional customer notices their recipient muted. `at` is their creation and first delivery
 * instant (the database's now when left out). Returns how many were written.
 */
export async function writeNotifications(db: DbClient, all: readonly NotificationRow[], at?: Date): Promise<number> {
  if (all.length === 0) return 0;
  const rows = await withoutMuted(db, all);
  if (rows.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: rows.map((row) => ({
      channel: row.channel,
      template: row.template,
      recipientUserId: row.recipientUserId,
      address: row.address ?? null,
      ticketId: row.ticketId,
      payload: toJson(parsePayload(row.template, row.payload)),
      dedupeKey: row.dedupeKey,
      ...(at ? { nextAttemptAt: at, createdAt: at } : {}),
    })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Rows packed for batched SQL: one entry per message (template, ticket, payload) with its
 * recipients, so a message to several people is carried once.
 */
export type PackedNotifications = Array<{
  template: TemplateName;
  ticketId: string | null;
  payload: unknown;
  notices: Array<{ channel: NotificationChannel; recipient: string | null; address?: string; key: string }>;
}>;

/** Packs rows (checked by `notificationRows`) by message; rows of one message share their payload object. */
export function packNotifications(rows: readonly NotificationRow[]): PackedNotifications {
  const byPayload = new Map<unknown, PackedNotifications[number]>();
  for (const row of rows) {
    let message = byPayload.get(row.payload);
    if (!message || message.template !== row.template || message.ticketId !== row.ticketId) {
      message = { template: row.template, ticketId: row.ticketId, payload: row.payload, notices: [] };
      byPayload.set(row.payload, message);
    }
    message.notices.push({ channel: row.channel, recipient: row.recipientUserId, ...(row.address ? { address: row.address } : {}), key: row.dedupeKey });
  }
  return [...new Set(byPayload.values())];
}

/**
 * For batched SQL: an insert (a data-modifying CTE's body) of the rows packed by
 * `packNotifications`, read as the jsonb `packed` of each row of `from`, in the order `orderBy`
 * (concurrent batches insert in one order), created and first due at `at`. Rows whose dedupeKey
 * exists are skipped, as `writeNotifications` does.
 */
export const insertPackedNotificationsSql = ({ from, packed, orderBy, at }: { from: string; packed: string; orderBy: string; at: string }) => `
      insert into "Notification" ("id", "channel", "template", "recipientUserId", "address", "ticketId", "payload", "dedupeKey", "nextAttemptAt", "createdAt")
      select gen_random_uuid(), n."channel"::"NotificationChannel", m."message" ->> 'template', n."recipient", n."address", (m."message" ->> 'ticketId')::uuid, m."message" -> 'payload', n."key", ${at}, ${at}
      from ${from} cross join lateral jsonb_array_elements(${packed}) as m("message")
      cross join lateral jsonb_to_recordset(m."message" -> 'notices') as n("channel" text, "recipient" uuid, "address" text, "key" text)
      order by ${orderBy}
      on conflict ("dedupeKey") do nothing`;
