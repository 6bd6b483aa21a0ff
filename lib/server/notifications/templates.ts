import "server-only";
/**
 * Every notification template: its payload schema (zod; what producers write into
 * Notification.payload) and its rendering in Norwegian bokmål (default) and English (the
 * recipient's locale; the words are the `notify` catalogue in lib/i18n/messages/notify.ts, and
 * `notices` in lib/i18n/messages/notices.ts for the customer notices of issue 17, whose text and
 * HTML parts come from the same blocks, layout.ts): subject and plain text (+ simple HTML) for e-mail, a JSON body for webhooks,
 * and a one-line summary for digests. An unknown template or an invalid payload is a permanent
 * failure: `renderNotification` throws PermanentDeliveryError.
 */
import { z } from "zod";
import { PermanentDeliveryError } from "./errors";
import { t } from "../../i18n/t";
import { monthName, osloTime, percent, textToHtml, type Locale } from "./format";
import { accountLinkToken, setPasswordUrl } from "../people/account-link-token";
import { readEnv } from "../../config/env";
import { composeMail, type MailBlock } from "./layout";
import { solutionLinkToken, solutionLinkUrl } from "./solution-link-token";
import { formatDuration } from "../../i18n/format";
import { SECURITY_TEMPLATES } from "./security-templates";

const EXCLUSION_REASON_KEYS = ["customer_caused", "force_majeure", "planned_maintenance", "third_party_outside_control", "other"] as const;
const isExclusionReason = (r: string): r is (typeof EXCLUSION_REASON_KEYS)[number] => (EXCLUSION_REASON_KEYS as readonly string[]).includes(r);

const Instant = z.iso.datetime({ offset: true });
const PrioritySchema = z.enum(["P1", "P2", "P3", "P4"]);
const LineSchema = z.enum(["L1", "L2", "L3"]);

export const TicketReceiptPayloadSchema = z.object({ reference: z.string().min(1), title: z.string().min(1), priority: PrioritySchema, registeredAt: Instant });
/** A ticket assigned to a staff member by a colleague (issue 19). */
export const TicketAssignedPayloadSchema = z.object({ reference: z.string().min(1), title: z.string().min(1), priority: PrioritySchema, ticketId: z.uuid(), assignedBy: z.string().min(1) });
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
/** Customer notices about their ticket (issue 17): the user's own text travels in the payload and is escaped when rendered. */
const Body = z.string().min(1).max(20_000);
const TicketNotice = { reference: z.string().min(1), title: z.string().min(1) };
export const TicketReplyPayloadSchema = z.object({ ...TicketNotice, body: Body, author: z.string().min(1).nullable() });
export const TicketWaitingPayloadSchema = z.object({ ...TicketNotice, question: Body.nullable() });
export const TicketSolvedPayloadSchema = z.object({ ...TicketNotice, solution: Body, confirmationDueAt: Instant });
export const TicketClosedPayloadSchema = z.object({ ...TicketNotice, cause: z.enum(["confirmed", "confirmation_window_passed"]) });
export const TicketPriorityChangedPayloadSchema = z.object({ ...TicketNotice, from: PrioritySchema, to: PrioritySchema, reason: Body.nullable() });
export const TicketOnCallPayloadSchema = z.object({ ...TicketNotice });
/** Issue 19: the ticket was merged into another (its reference); an expected time to solution was given (000 §13). */
export const TicketMergedPayloadSchema = z.object({ ...TicketNotice, intoReference: z.string().min(1) });
export const TicketExpectedResolutionPayloadSchema = z.object({ ...TicketNotice, expectedAt: Instant, note: Body.nullable() });
/** A coming on-call period with nobody as primary (issue 18): the period, its first uncovered stretch, and the rota editor's link. */
export const OncallRotaGapPayloadSchema = z.object({ periodStartsAt: Instant, periodEndsAt: Instant, startsAt: Instant, endsAt: Instant, url: z.url() });
/** Issue 18: a downtime incident's notice to a customer admin (opened, updated, closed), and planned maintenance. */
export const IncidentNoticePayloadSchema = z.object({
  kind: z.enum(["opened", "updated", "closed"]),
  organizationName: z.string().min(1),
  service: z.string().min(1),
  cause: z.string().min(1),
  startedAt: Instant,
  endedAt: Instant.nullable(),
  message: z.string().nullable(),
  exclusionReason: z.string().nullable(),
  statusUrl: z.url(),
});
export const MaintenanceNoticePayloadSchema = z.object({
  organizationName: z.string().min(1),
  agreementName: z.string().min(1),
  cause: z.string().min(1),
  startsAt: Instant,
  endsAt: Instant,
  statusUrl: z.url(),
});
export const DigestItemSchema = z.object({ template: z.string().min(1), createdAt: Instant, payload: z.record(z.string(), z.unknown()) });
export const DigestPayloadSchema = z.object({ items: z.array(DigestItemSchema).min(1) });
export type DigestItem = z.infer<typeof DigestItemSchema>;

export interface RenderedEmail {
  subject: string;
  text: string;
  /** The HTML part, when the template composes its own (layout.ts); else the text as simple HTML. */
  html?: string;
}

/** What rendering knows besides the payload: the notification (its id derives a solved notice's links) and the recipient's name. */
export interface RenderMeta {
  notificationId?: string;
  recipientName?: string;
}

interface Template<S extends z.ZodType> {
  schema: S;
  email(p: z.infer<S>, l: Locale, meta: RenderMeta): RenderedEmail;
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

/** A customer notice: subject, then one body (text and HTML from the same blocks) under "Sak REF: title", greeting first, reply hint and footer last. */
/** The ticket's reference and title, the words every customer notice's subject and heading carry. */
const ref = (p: { reference: string; title: string }) => ({ reference: p.reference, title: p.title });

function notice(l: Locale, meta: RenderMeta, p: { reference: string; title: string }, subject: string, blocks: MailBlock[]): RenderedEmail {
  const greeting: MailBlock[] = meta.recipientName ? [{ kind: "p", text: t(l, "notices.mail.greeting", { name: meta.recipientName }) }] : [];
  const end: MailBlock[] = [
    { kind: "note", text: t(l, "notices.mail.replyHint") },
    { kind: "note", text: t(l, "notices.mail.footer", { reference: p.reference }) },
  ];
  return { subject, ...composeMail(t(l, "notices.mail.ticketLine", ref(p)), [...greeting, ...blocks, ...end]) };
}

/** A solved notice's accept and reopen links; none when rendered without its notification (a digest line, a preview). */
function solutionLinks(l: Locale, meta: RenderMeta): MailBlock[] {
  if (!meta.notificationId) return [];
  const token = solutionLinkToken(meta.notificationId);
  const appUrl = readEnv().APP_URL;
  return [
    {
      kind: "links",
      links: [
        { label: t(l, "notices.solved.accept"), url: solutionLinkUrl(appUrl, token, "accept") },
        { label: t(l, "notices.solved.reopen"), url: solutionLinkUrl(appUrl, token, "reopen") },
      ],
    },
  ];
}

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
  "ticket-assigned": define({
    schema: TicketAssignedPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, url: `${readEnv().APP_URL}/arbeid/saker/${p.ticketId}` };
      return { subject: t(l, "assignment.notify.subject", vars), text: t(l, "assignment.notify.text", vars) };
    },
    summary: (p, l) => t(l, "assignment.notify.summary", p),
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
  "ticket-reply": define({
    schema: TicketReplyPayloadSchema,
    email: (p, l, meta) =>
      notice(l, meta, p, t(l, "notices.reply.subject", ref(p)), [
        { kind: "p", text: p.author ? t(l, "notices.reply.introNamed", { author: p.author }) : t(l, "notices.reply.intro") },
        { kind: "quote", text: p.body },
      ]),
    summary: (p, l) => t(l, "notices.reply.summary", ref(p)),
  }),
  "ticket-waiting": define({
    schema: TicketWaitingPayloadSchema,
    email: (p, l, meta) =>
      notice(l, meta, p, t(l, "notices.waiting.subject", ref(p)), [
        ...(p.question
          ? [{ kind: "p", text: t(l, "notices.waiting.intro") } as const, { kind: "quote", text: p.question } as const]
          : [{ kind: "p", text: t(l, "notices.waiting.introNoQuestion") } as const]),
        { kind: "p", text: t(l, "notices.waiting.paused") },
      ]),
    summary: (p, l) => t(l, "notices.waiting.summary", ref(p)),
  }),
  "ticket-solved": define({
    schema: TicketSolvedPayloadSchema,
    email: (p, l, meta) =>
      notice(l, meta, p, t(l, "notices.solved.subject", ref(p)), [
        { kind: "p", text: t(l, "notices.solved.intro") },
        { kind: "quote", text: p.solution },
        ...solutionLinks(l, meta),
        { kind: "p", text: t(l, "notices.solved.closesAt", { closesAt: osloTime(p.confirmationDueAt, l) }) },
      ]),
    summary: (p, l) => t(l, "notices.solved.summary", ref(p)),
  }),
  "ticket-closed": define({
    schema: TicketClosedPayloadSchema,
    email: (p, l, meta) =>
      notice(l, meta, p, t(l, "notices.closed.subject", ref(p)), [{ kind: "p", text: t(l, p.cause === "confirmed" ? "notices.closed.confirmed" : "notices.closed.windowPassed") }]),
    summary: (p, l) => t(l, "notices.closed.summary", ref(p)),
  }),
  "ticket-priority-changed": define({
    schema: TicketPriorityChangedPayloadSchema,
    email: (p, l, meta) =>
      notice(l, meta, p, t(l, "notices.priority.subject", { ...ref(p), from: p.from, to: p.to }), [
        { kind: "p", text: t(l, "notices.priority.intro", { from: p.from, to: p.to }) },
        ...(p.reason ? [{ kind: "p", text: t(l, "notices.priority.reason") } as const, { kind: "quote", text: p.reason } as const] : []),
      ]),
    summary: (p, l) => t(l, "notices.priority.summary", { ...ref(p), from: p.from, to: p.to }),
  }),
  "ticket-oncall": define({
    schema: TicketOnCallPayloadSchema,
    email: (p, l, meta) => notice(l, meta, p, t(l, "notices.oncall.subject", ref(p)), [{ kind: "p", text: t(l, "notices.oncall.intro") }]),
    summary: (p, l) => t(l, "notices.oncall.summary", ref(p)),
  }),
  "ticket-merged": define({
    schema: TicketMergedPayloadSchema,
    email: (p, l, meta) =>
      notice(l, meta, p, t(l, "related.mail.merged.subject", { ...ref(p), intoReference: p.intoReference }), [
        { kind: "p", text: t(l, "related.mail.merged.intro", { intoReference: p.intoReference }) },
      ]),
    summary: (p, l) => t(l, "related.mail.merged.summary", { ...ref(p), intoReference: p.intoReference }),
  }),
  "ticket-expected-resolution": define({
    schema: TicketExpectedResolutionPayloadSchema,
    email: (p, l, meta) =>
      notice(l, meta, p, t(l, "related.mail.expected.subject", ref(p)), [
        { kind: "p", text: t(l, "related.mail.expected.intro", { when: osloTime(p.expectedAt, l) }) },
        ...(p.note ? [{ kind: "p", text: t(l, "related.mail.expected.note") } as const, { kind: "quote", text: p.note } as const] : []),
        { kind: "note", text: t(l, "related.mail.expected.info") },
      ]),
    summary: (p, l) => t(l, "related.mail.expected.summary", { ...ref(p), when: osloTime(p.expectedAt, l) }),
  }),
  "oncall-rota-gap": define({
    schema: OncallRotaGapPayloadSchema,
    email: (p, l) => {
      const vars = { periodStart: osloTime(p.periodStartsAt, l), periodEnd: osloTime(p.periodEndsAt, l), start: osloTime(p.startsAt, l), end: osloTime(p.endsAt, l), url: p.url };
      return { subject: t(l, "rota.mail.gap.subject", vars), text: t(l, "rota.mail.gap.text", vars) };
    },
    summary: (p, l) => t(l, "rota.mail.gap.summary", { start: osloTime(p.startsAt, l) }),
  }),
  "incident-notice": define({
    schema: IncidentNoticePayloadSchema,
    email: (p, l) => {
      const minutes = p.endedAt ? (Date.parse(p.endedAt) - Date.parse(p.startedAt)) / 60_000 : 0;
      const reason = p.exclusionReason && isExclusionReason(p.exclusionReason) ? t(l, `incidents.reason.${p.exclusionReason}`) : p.exclusionReason;
      const vars = {
        organization: p.organizationName,
        service: p.service,
        cause: p.cause,
        startedAt: osloTime(p.startedAt, l),
        endedAt: p.endedAt ? osloTime(p.endedAt, l) : "",
        duration: formatDuration(minutes, l),
        message: p.message ? t(l, "incidents.mail.message", { message: p.message }) : "",
        counting: reason ? t(l, "incidents.mail.notCounting", { reason }) : "",
        url: p.statusUrl,
      };
      return { subject: t(l, `incidents.mail.${p.kind}.subject`, vars), text: t(l, `incidents.mail.${p.kind}.text`, vars) };
    },
    summary: (p, l) => t(l, "incidents.mail.summary", { service: p.service }),
  }),
  "maintenance-notice": define({
    schema: MaintenanceNoticePayloadSchema,
    email: (p, l) => {
      const vars = {
        organization: p.organizationName,
        agreement: p.agreementName,
        cause: p.cause,
        startsAt: osloTime(p.startsAt, l),
        endsAt: osloTime(p.endsAt, l),
        duration: formatDuration((Date.parse(p.endsAt) - Date.parse(p.startsAt)) / 60_000, l),
        url: p.statusUrl,
      };
      return { subject: t(l, "incidents.mail.maintenance.subject", vars), text: t(l, "incidents.mail.maintenance.text", vars) };
    },
    summary: (p, l) => t(l, "incidents.mail.maintenance.summary", { startsAt: osloTime(p.startsAt, l) }),
  }),
  digest: define({
    schema: DigestPayloadSchema,
    email: (p, l) => {
      const lines = p.items.map((item) => `• ${osloTime(item.createdAt, l)}  ${summarizeItem(item, l)}`).join("\n");
      return { subject: t(l, "notify.digest.subject", { count: p.items.length }), text: t(l, "notify.digest.text", { count: p.items.length, lines }) };
    },
    summary: (p, l) => t(l, "notify.digest.summary", { count: p.items.length }),
  }),
  // Security incidents (issue 18).
  ...SECURITY_TEMPLATES,
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

export function renderNotification(template: string, payload: unknown, locale: Locale, meta: RenderMeta = {}): RenderedNotification {
  const t = templateOf(template);
  const data = parsePayload(template, payload);
  const { subject, text, html } = t.email(data, locale, meta);
  return { subject, text, html: html ?? textToHtml(text), webhook: { event: template, locale, subject, text: `${subject}\n${text}`, data } };
}
