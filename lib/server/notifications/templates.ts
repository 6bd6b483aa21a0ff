/**
 * Every notification template: its payload schema (zod; what producers write into
 * Notification.payload) and its rendering in Norwegian bokmål (default) and English (the
 * recipient's locale): subject and plain text (+ simple HTML) for e-mail, a JSON body for webhooks,
 * and a one-line summary for digests. An unknown template or an invalid payload is a permanent
 * failure: `renderNotification` throws PermanentDeliveryError.
 */
import { z } from "zod";
import { PermanentDeliveryError } from "./errors";
import { lineName, monthName, osloTime, percent, textToHtml, type Locale } from "./format";

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
  url: z.url(),
});
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
const nb = (l: Locale) => l === "nb";

const creditText = (creditPercent: number | null, l: Locale) => (creditPercent === null ? (nb(l) ? "ikke fastsatt" : "not determined") : percent(creditPercent, l));

const pct = (threshold: number) => (threshold <= 1 ? threshold * 100 : threshold);

const TEMPLATES = {
  "ticket-receipt": define({
    schema: TicketReceiptPayloadSchema,
    email: (p, l) =>
      nb(l)
        ? {
            subject: `Vi har mottatt saken din ${p.reference}: ${p.title}`,
            text: `Saken din «${p.title}» er registrert ${osloTime(p.registeredAt, l)} med prioritet ${p.priority}.\n\nReferanse: ${p.reference}\nOppgi referansen når du kontakter oss om saken.`,
          }
        : {
            subject: `We have received your ticket ${p.reference}: ${p.title}`,
            text: `Your ticket "${p.title}" was registered ${osloTime(p.registeredAt, l)} with priority ${p.priority}.\n\nReference: ${p.reference}\nPlease quote the reference when you contact us about it.`,
          },
    summary: (p, l) => (nb(l) ? `${p.reference} registrert: ${p.title}` : `${p.reference} registered: ${p.title}`),
  }),
  "ticket-escalated": define({
    schema: TicketEscalatedPayloadSchema,
    email: (p, l) =>
      nb(l)
        ? { subject: `Sak ${p.reference} (${p.priority}) er eskalert til ${lineName(p.to, l)}`, text: `Sak ${p.reference} med prioritet ${p.priority} er eskalert fra ${lineName(p.from, l)} til ${lineName(p.to, l)} og venter i køen deres.` }
        : { subject: `Ticket ${p.reference} (${p.priority}) escalated to ${lineName(p.to, l)}`, text: `Ticket ${p.reference} with priority ${p.priority} was escalated from ${lineName(p.from, l)} to ${lineName(p.to, l)} and waits in your queue.` },
    summary: (p, l) => (nb(l) ? `${p.reference} eskalert til ${lineName(p.to, l)}` : `${p.reference} escalated to ${lineName(p.to, l)}`),
  }),
  "sla-warning": define({
    schema: SlaWarningPayloadSchema,
    email: (p, l) =>
      nb(l)
        ? { subject: `SLA-varsel: ${pct(p.threshold)} % av fristen brukt for ${p.reference}`, text: `Sak ${p.reference} «${p.title}» (${p.priority}) har brukt ${pct(p.threshold)} % av responstiden.\nFristen er ${osloTime(p.dueAt, l)}.` }
        : { subject: `SLA warning: ${pct(p.threshold)}% of the target used for ${p.reference}`, text: `Ticket ${p.reference} "${p.title}" (${p.priority}) has used ${pct(p.threshold)}% of its response time.\nIt is due ${osloTime(p.dueAt, l)}.` },
    summary: (p, l) => (nb(l) ? `${p.reference} (${p.priority}): ${pct(p.threshold)} % brukt, frist ${osloTime(p.dueAt, l)}` : `${p.reference} (${p.priority}): ${pct(p.threshold)}% used, due ${osloTime(p.dueAt, l)}`),
  }),
  "sla-breach": define({
    schema: SlaBreachPayloadSchema,
    email: (p, l) =>
      nb(l)
        ? { subject: `SLA-brudd: ${p.reference} (${p.priority}) ${p.title}`, text: `Fristen for sak ${p.reference} «${p.title}» (${p.priority}) var ${osloTime(p.dueAt, l)} og ble brutt ${osloTime(p.breachedAt, l)}.` }
        : { subject: `SLA breach: ${p.reference} (${p.priority}) ${p.title}`, text: `Ticket ${p.reference} "${p.title}" (${p.priority}) was due ${osloTime(p.dueAt, l)} and breached ${osloTime(p.breachedAt, l)}.` },
    summary: (p, l) => (nb(l) ? `SLA-brudd ${p.reference} (${p.priority}): ${p.title}` : `SLA breach ${p.reference} (${p.priority}): ${p.title}`),
  }),
  "p1-registered": define({
    schema: P1RegisteredPayloadSchema,
    email: (p, l) =>
      nb(l)
        ? { subject: `P1 registrert: ${p.reference} ${p.title}`, text: `En P1-sak er registrert ${osloTime(p.registeredAt, l)}: ${p.reference} «${p.title}».` }
        : { subject: `P1 registered: ${p.reference} ${p.title}`, text: `A P1 ticket was registered ${osloTime(p.registeredAt, l)}: ${p.reference} "${p.title}".` },
    summary: (p) => `P1 ${p.reference}: ${p.title}`,
  }),
  "oncall-page": define({
    schema: OncallPagePayloadSchema,
    email: (p, l) =>
      nb(l)
        ? { subject: `VAKT: ${p.reference} (${p.priority}) ${p.title}${p.attempt > 1 ? ` – varsel ${p.attempt}` : ""}`, text: `Du har vakt: sak ${p.reference} «${p.title}» (${p.priority}) trenger deg nå.\n\nKvitter her: ${p.ackUrl}` }
        : { subject: `ON CALL: ${p.reference} (${p.priority}) ${p.title}${p.attempt > 1 ? ` – notice ${p.attempt}` : ""}`, text: `You are on call: ticket ${p.reference} "${p.title}" (${p.priority}) needs you now.\n\nAcknowledge here: ${p.ackUrl}` },
    summary: (p, l) => (nb(l) ? `Vaktvarsel ${p.reference}: ${p.title}` : `On-call page ${p.reference}: ${p.title}`),
  }),
  "report-ready": define({
    schema: ReportReadyPayloadSchema,
    email: (p, l) =>
      nb(l)
        ? {
            subject: `SLA-rapport for ${monthName(p.month, l)}: ${p.organizationName}`,
            text: `SLA-rapporten for ${p.organizationName} for ${monthName(p.month, l)} er klar: ${percent(p.percent, l)} innenfor fristen, kreditt ${creditText(p.creditPercent, l)}.\n\n${p.url}`,
          }
        : {
            subject: `SLA report for ${monthName(p.month, l)}: ${p.organizationName}`,
            text: `The SLA report of ${p.organizationName} for ${monthName(p.month, l)} is ready: ${percent(p.percent, l)} within target, credit ${creditText(p.creditPercent, l)}.\n\n${p.url}`,
          },
    summary: (p, l) => (nb(l) ? `SLA-rapport ${monthName(p.month, l)}: ${p.organizationName}` : `SLA report ${monthName(p.month, l)}: ${p.organizationName}`),
  }),
  digest: define({
    schema: DigestPayloadSchema,
    email: (p, l) => {
      const lines = p.items.map((item) => `• ${osloTime(item.createdAt, l)}  ${summarizeItem(item, l)}`).join("\n");
      return nb(l)
        ? { subject: `Samlevarsel: ${p.items.length} varsler`, text: `Du har fått mange varsler på kort tid, så disse ${p.items.length} er samlet her:\n\n${lines}` }
        : { subject: `Digest: ${p.items.length} notifications`, text: `You received many notifications in a short time, so these ${p.items.length} are collected here:\n\n${lines}` };
    },
    summary: (p, l) => (nb(l) ? `Samlevarsel med ${p.items.length} varsler` : `Digest of ${p.items.length} notifications`),
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
