import "server-only";
/**
 * Every notification template: its payload schema (zod; what producers write into
 * Notification.payload) and its rendering in Norwegian bokmål (default) and English (the
 * recipient's locale; the words are the `notify` catalogue in lib/i18n/messages/notify.ts): subject and plain text (+ simple HTML) for e-mail, a JSON body for webhooks,
 * and a one-line summary for digests. An unknown template or an invalid payload is a permanent
 * failure: `renderNotification` throws PermanentDeliveryError.
 */
import { z } from "zod";
import { PermanentDeliveryError } from "./errors";
import { t } from "../../i18n/t";
import { monthName, osloTime, percent, textToHtml, type Locale } from "./format";
import { accountLinkToken, setPasswordUrl } from "../people/account-link-token";
import { readEnv } from "../../config/env";

const Instant = z.iso.datetime({ offset: true });
const PrioritySchema = z.enum(["P1", "P2", "P3", "P4"]);
const LineSchema = z.enum(["L1", "L2", "L3"]);

export const TicketReceiptPayloadSchema = z.object({ reference: z.string().min(1), title: z.string().min(1), priority: PrioritySchema, registeredAt: Instant });
export const TicketEscalatedPayloadSchema = z.object({ reference: z.string().min(1), from: LineSchema, to: LineSchema, priority: PrioritySchema });
/** threshold: the share of the target used, as a fraction (0.75) or a percentage (75). */
export const SlaWarningPayloadSchema = z.object({
  reference: z.string().min(1),
  title: z.string().min(1),
  priority: PrioritySchema,
  threshold: z.number().gt(0).max(100),
  dueAt: Instant,
});
export const SlaBreachPayloadSchema = z.object({ reference: z.string().min(1), title: z.string().min(1), priority: PrioritySchema, dueAt: Instant, breachedAt: Instant });
export const P1RegisteredPayloadSchema = z.object({ reference: z.string().min(1), title: z.string().min(1), registeredAt: Instant });
export const OncallPagePayloadSchema = z.object({ reference: z.string().min(1), title: z.string().min(1), priority: PrioritySchema, ackUrl: z.url(), attempt: z.number().int().min(1) });
export const ReportReadyPayloadSchema = z.object({
  organizationName: z.string().min(1),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM"),
  percent: z.number().min(0).max(100),
  /** null when the agreement leaves the month's credit undefined (CreditFigures.percent). */
  creditPercent: z.number().min(0).max(100).nullable(),
  /** A quarterly refund (Sodvin 001 §7.2) before the quarter's last month: settled later, not undetermined. */
  creditSettledLater: z.boolean().optional(),
  url: z.url(),
});
/** An invitation or a password reset: the link's id only; the token is derived when the e-mail is rendered (lib/server/people/account-link-token.ts). */
export const AccountLinkPayloadSchema = z.object({ linkId: z.uuid(), organizationName: z.string().min(1), invitedBy: z.string().min(1).nullable(), expiresAt: Instant });
export const DigestItemSchema = z.object({ template: z.string().min(1), createdAt: Instant, payload: z.record(z.string(), z.unknown()) });
export const DigestPayloadSchema = z.object({ items: z.array(DigestItemSchema).min(1) });
export type DigestItem = z.infer<typeof DigestItemSchema>;

export interface RenderedEmail {
  subject: string;
  text: string;
}

interface Template<S extends z.ZodType> {
  schema: S;
  email(p: z.infer<S>, l: Locale): RenderedEmail;
  /** One line for a digest. */
  summary(p: z.infer<S>, l: Locale): string;
}

const define = <S extends z.ZodType>(t: Template<S>): Template<S> => t;

const creditText = (creditPercent: number | null, l: Locale, settledLater = false) =>
  settledLater ? t(l, "quarter.provider.settledLater") : creditPercent === null ? t(l, "notify.report.creditUndetermined") : percent(creditPercent, l);

/** The set-password link of an account link, derived now from its id (it is stored nowhere). */
const accountLinkUrl = (linkId: string) => setPasswordUrl(readEnv().APP_URL, accountLinkToken(linkId));

const pct = (threshold: number) => (threshold <= 1 ? threshold * 100 : threshold);
const line = (l: Locale, name: "L1" | "L2" | "L3") => t(l, `notify.line.${name}`);

const TEMPLATES = {
  "ticket-receipt": define({
    schema: TicketReceiptPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, registeredAt: osloTime(p.registeredAt, l) };
      return { subject: t(l, "notify.receipt.subject", vars), text: t(l, "notify.receipt.text", vars) };
    },
    summary: (p, l) => t(l, "notify.receipt.summary", p),
  }),
  "ticket-escalated": define({
    schema: TicketEscalatedPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, from: line(l, p.from), to: line(l, p.to) };
      return { subject: t(l, "notify.escalated.subject", vars), text: t(l, "notify.escalated.text", vars) };
    },
    summary: (p, l) => t(l, "notify.escalated.summary", { ...p, to: line(l, p.to) }),
  }),
  "sla-warning": define({
    schema: SlaWarningPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, percent: pct(p.threshold), dueAt: osloTime(p.dueAt, l) };
      return { subject: t(l, "notify.warning.subject", vars), text: t(l, "notify.warning.text", vars) };
    },
    summary: (p, l) => t(l, "notify.warning.summary", { ...p, percent: pct(p.threshold), dueAt: osloTime(p.dueAt, l) }),
  }),
  "sla-breach": define({
    schema: SlaBreachPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, dueAt: osloTime(p.dueAt, l), breachedAt: osloTime(p.breachedAt, l) };
      return { subject: t(l, "notify.breach.subject", vars), text: t(l, "notify.breach.text", vars) };
    },
    summary: (p, l) => t(l, "notify.breach.summary", p),
  }),
  "p1-registered": define({
    schema: P1RegisteredPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, registeredAt: osloTime(p.registeredAt, l) };
      return { subject: t(l, "notify.p1.subject", vars), text: t(l, "notify.p1.text", vars) };
    },
    summary: (p, l) => t(l, "notify.p1.summary", p),
  }),
  "oncall-page": define({
    schema: OncallPagePayloadSchema,
    email: (p, l) => ({ subject: t(l, p.attempt > 1 ? "notify.oncall.subjectRepeat" : "notify.oncall.subject", p), text: t(l, "notify.oncall.text", p) }),
    summary: (p, l) => t(l, "notify.oncall.summary", p),
  }),
  "report-ready": define({
    schema: ReportReadyPayloadSchema,
    email: (p, l) => {
      const vars = { organization: p.organizationName, month: monthName(p.month, l), percent: percent(p.percent, l), credit: creditText(p.creditPercent, l, p.creditSettledLater), url: p.url };
      return { subject: t(l, "notify.report.subject", vars), text: t(l, "notify.report.text", vars) };
    },
    summary: (p, l) => t(l, "notify.report.summary", { organization: p.organizationName, month: monthName(p.month, l) }),
  }),
  "account-invite": define({
    schema: AccountLinkPayloadSchema,
    email: (p, l) => {
      const vars = { organization: p.organizationName, invitedBy: p.invitedBy ?? p.organizationName, url: accountLinkUrl(p.linkId), expiresAt: osloTime(p.expiresAt, l) };
      return { subject: t(l, "account.mail.invite.subject", vars), text: t(l, "account.mail.invite.text", vars) };
    },
    summary: (p, l) => t(l, "account.mail.invite.subject", { organization: p.organizationName }),
  }),
  "account-reset": define({
    schema: AccountLinkPayloadSchema,
    email: (p, l) => {
      const vars = { url: accountLinkUrl(p.linkId), expiresAt: osloTime(p.expiresAt, l) };
      return { subject: t(l, "account.mail.reset.subject"), text: t(l, "account.mail.reset.text", vars) };
    },
    summary: (_p, l) => t(l, "account.mail.reset.subject"),
  }),
  digest: define({
    schema: DigestPayloadSchema,
    email: (p, l) => {
      const lines = p.items.map((item) => `• ${osloTime(item.createdAt, l)}  ${summarizeItem(item, l)}`).join("\n");
      return { subject: t(l, "notify.digest.subject", { count: p.items.length }), text: t(l, "notify.digest.text", { count: p.items.length, lines }) };
    },
    summary: (p, l) => t(l, "notify.digest.summary", { count: p.items.length }),
  }),
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
export type TemplatePayload<T extends TemplateName> = z.infer<(typeof TEMPLATES)[T]["schema"]>;

function templateOf(name: string): Template<z.ZodType> {
  if (!Object.hasOwn(TEMPLATES, name)) throw new PermanentDeliveryError(`unknown notification template "${name}"`);
  return TEMPLATES[name as TemplateName] as unknown as Template<z.ZodType>;
}

/** The payload checked against the template's schema; throws PermanentDeliveryError when it does not fit. */
export function parsePayload(template: string, payload: unknown): unknown {
  const parsed = templateOf(template).schema.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ");
    throw new PermanentDeliveryError(`invalid payload for template "${template}": ${issues}`);
  }
  return parsed.data;
}

/** Whether the template is known and the payload fits (for deciding what may be folded into a digest). */
export function isRenderable(template: string, payload: unknown): boolean {
  return Object.hasOwn(TEMPLATES, template) && TEMPLATES[template as TemplateName].schema.safeParse(payload).success;
}

function summarizeItem(item: DigestItem, l: Locale): string {
  if (!isRenderable(item.template, item.payload)) return item.template;
  const t = templateOf(item.template);
  return t.summary(t.schema.parse(item.payload), l);
}

export interface RenderedNotification extends RenderedEmail {
  html: string;
  /** The JSON body of a webhook (Slack and Teams incoming webhooks show `text`). */
  webhook: { event: string; locale: Locale; subject: string; text: string; data: unknown };
}

export function renderNotification(template: string, payload: unknown, locale: Locale): RenderedNotification {
  const t = templateOf(template);
  const data = parsePayload(template, payload);
  const { subject, text } = t.email(data, locale);
  return { subject, text, html: textToHtml(text), webhook: { event: template, locale, subject, text: `${subject}\n${text}`, data } };
}
