import "server-only";
/**
 * One delivery pass: release expired leases, claim due notifications (see claim.ts), deliver each
 * and record the outcome. EMAIL goes to `address` or the recipient's e-mail, with the notification
 * id as Message-ID (`<id@domain>`: the mail intake threads a reply by looking that id up), marked
 * `Auto-Submitted: auto-generated`; a ticket's mail also carries its thread (thread.ts:
 * References, In-Reply-To) and Reply-To the support mailbox; WEBHOOK goes to every active endpoint of the ticket's organisation or the
 * provider that takes the template, signed (see webhook.ts), and a retry only to the endpoints
 * that have not taken it; IN_APP is SENT at once (the app shows it). Safe to run twice and in
 * several workers at once. Never logs bodies or secrets.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { decryptSecret, secretsKeyFromEnv } from "../secrets";
import { claimDueNotifications, releaseExpiredLeases, type ClaimedNotification } from "./claim";
import { PermanentDeliveryError } from "./errors";
import { localeOf } from "./format";
import { markFailed, markSent, type Outcome } from "./outcome";
import { DIGEST_TEMPLATE, throttleFromEnv, type ThrottleSettings } from "./throttle";
import { renderNotification, type DigestItem, type RenderedNotification } from "./templates";
import type { MailTransport } from "./transport";
import { postWebhook } from "./webhook";
import { toJson } from "../db/json";
import { webhookEndpointsWhere } from "./webhook-endpoints";
import { replyToAddress, ticketThread } from "./thread";
import { rcaReportAttachment } from "../security/rca-report-pdf";

export interface DeliveryOptions {
  prisma: PrismaClient;
  transport: MailTransport;
  fetch?: typeof fetch;
  /** Decrypts webhook secrets; default SECRETS_KEY from the environment (read only when a webhook is sent). */
  secretsKey?: Buffer | string;
  /** Jitter source in [0, 1); 0.5 = none. */
  random?: () => number;
  /** Default NOTIFY_MAX_PER_WINDOW / NOTIFY_WINDOW_MINUTES from the environment. */
  throttle?: ThrottleSettings;
}

export interface DeliveryReport {
  released: number;
  claimed: number;
  digested: number;
  sent: number;
  failed: number;
  dead: number;
}

const notificationSelect = {
  id: true,
  channel: true,
  template: true,
  payload: true,
  address: true,
  ticketId: true,
  createdAt: true,
  webhookDeliveredTo: true,
  recipient: { select: { name: true, email: true, phone: true, locale: true } },
  ticket: { select: { organizationId: true } },
} as const;

async function digestItems(prisma: PrismaClient, digestId: string): Promise<DigestItem[]> {
  const folded = await prisma.notification.findMany({
    where: { digestId, status: "DIGESTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { template: true, createdAt: true, payload: true },
  });
  return folded.map((n) => ({ template: n.template, createdAt: n.createdAt.toISOString(), payload: (n.payload ?? {}) as Record<string, unknown> }));
}

type Row = {
  id: string;
  template: string;
  ticketId: string | null;
  createdAt: Date;
  webhookDeliveredTo: string[];
  ticket: { organizationId: string } | null;
  recipient: { name: string; email: string; phone: string | null } | null;
};

/**
 * The webhook body. The provider's own endpoints (e.g. the on-call SMS gateway) also get the
 * recipient's name, e-mail and phone; a customer organisation's endpoints never get staff contact details.
 */
function webhookBody(row: Row, rendered: RenderedNotification, forProvider: boolean): string {
  const recipient = forProvider && row.recipient ? { recipient: { name: row.recipient.name, email: row.recipient.email, phone: row.recipient.phone } } : {};
  return JSON.stringify({ id: row.id, template: row.template, ticketId: row.ticketId, createdAt: row.createdAt.toISOString(), ...rendered.webhook, ...recipient });
}

async function sendWebhooks(opts: DeliveryOptions, row: Row, rendered: RenderedNotification, now: Date): Promise<void> {
  const endpoints = await opts.prisma.webhookEndpoint.findMany({
    where: webhookEndpointsWhere(row.template, row.ticket?.organizationId),
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, url: true, secretEncrypted: true, organizationId: true },
  });
  if (endpoints.length === 0) throw new PermanentDeliveryError(`no active webhook endpoint takes template "${row.template}"`);
  const key = opts.secretsKey ?? secretsKeyFromEnv();
  const failures: string[] = [];
  const delivered: string[] = [];
  // A retry goes only to the endpoints that have not taken it: a Teams or Slack channel does not
  // drop a message it already has (the delivery id is the same on every try, for receivers that do).
  for (const endpoint of endpoints.filter((e) => !row.webhookDeliveredTo.includes(e.id))) {
    try {
      const target = { name: endpoint.name, url: endpoint.url, secret: decryptSecret(endpoint.secretEncrypted, key) };
      await postWebhook({ target, body: webhookBody(row, rendered, endpoint.organizationId === null), deliveryId: row.id, template: row.template, now, fetch: opts.fetch });
      delivered.push(endpoint.id);
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (failures.length) {
    if (delivered.length) await opts.prisma.notification.update({ where: { id: row.id }, data: { webhookDeliveredTo: { push: delivered } } });
    throw new Error(failures.join("; "));
  }
}

/** What a pass looks up once for every e-mail it sends. */
interface PassContext {
  /** Reply-To of ticket mail: the support mailbox, else MAIL_REPLY_TO, else none. */
  replyTo: () => Promise<string | undefined>;
}

async function deliverOne(opts: DeliveryOptions, claim: ClaimedNotification, now: Date, pass: PassContext): Promise<Outcome> {
  const row = await opts.prisma.notification.findUniqueOrThrow({ where: { id: claim.id }, select: notificationSelect });
  try {
    let payload: unknown = row.payload;
    if (row.template === DIGEST_TEMPLATE) {
      const items = await digestItems(opts.prisma, row.id);
      if (items.length === 0) {
        await markSent(opts.prisma, claim, now); // nothing was folded into it
        return "SENT";
      }
      payload = { items };
    }
    const rendered = renderNotification(row.template, payload, localeOf(row.recipient?.locale), { notificationId: row.id, recipientName: row.recipient?.name });
    switch (row.channel) {
      case "EMAIL": {
        const to = row.address ?? row.recipient?.email;
        if (!to) throw new PermanentDeliveryError("no e-mail address: neither an address nor a recipient");
        const messageId = `<${row.id}@${opts.transport.messageIdDomain}>`;
        const thread = row.ticketId ? await ticketThread(opts.prisma, row.ticketId, opts.transport.messageIdDomain, messageId) : null;
        const replyTo = row.ticketId ? await pass.replyTo() : undefined;
        const attachment = row.template === "rca-report" && row.ticketId ? await rcaReportAttachment(opts.prisma, row.ticketId, localeOf(row.recipient?.locale)) : null;
        await opts.transport.sendMail({
          from: opts.transport.from,
          to,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId,
          ...(thread?.inReplyTo ? { inReplyTo: thread.inReplyTo, references: thread.references } : {}),
          ...(replyTo ? { replyTo } : {}),
          ...(attachment ? { attachments: [attachment] } : {}),
          headers: { "X-Helpdesk-Notification": row.id, "X-Helpdesk-Template": row.template, "Auto-Submitted": "auto-generated" },
        });
        break;
      }
      case "WEBHOOK":
        await sendWebhooks(opts, row, rendered, now);
        break;
      case "IN_APP":
        break;
    }
    const recorded = await markSent(opts.prisma, claim, now, row.template === DIGEST_TEMPLATE ? toJson(payload) : undefined);
    if (!recorded) console.warn(`[notifications] ${row.id} was delivered after its lease expired; another worker may deliver it again`);
    return "SENT";
  } catch (error) {
    const { outcome } = await markFailed(opts.prisma, claim, now, error, opts.random);
    console.warn(`[notifications] ${row.id} (${row.template}, ${row.channel}) attempt ${claim.attempts} failed → ${outcome}: ${error instanceof Error ? error.message : String(error)}`);
    return outcome;
  }
}

/** One pass over due notifications (at most `limit` claimed); the loop in delivery-loop.ts repeats it. */
export async function deliverDueNotifications(opts: DeliveryOptions & { now: Date; limit?: number }): Promise<DeliveryReport> {
  const { now, limit = 20 } = opts;
  const released = await releaseExpiredLeases(opts.prisma, now);
  const { claimed, digested } = await claimDueNotifications(opts.prisma, { now, limit, throttle: opts.throttle ?? throttleFromEnv() });
  const report: DeliveryReport = { released, claimed: claimed.length, digested, sent: 0, failed: 0, dead: 0 };
  let replyTo: Promise<string | undefined> | undefined;
  const pass: PassContext = { replyTo: () => (replyTo ??= replyToAddress(opts.prisma, opts.transport.replyTo)) };
  for (const claim of claimed) {
    const outcome = await deliverOne(opts, claim, now, pass);
    if (outcome === "SENT") report.sent++;
    else if (outcome === "FAILED") report.failed++;
    else report.dead++;
  }
  return report;
}
