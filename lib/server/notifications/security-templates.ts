import "server-only";
/**
 * The notification templates of security incidents (issue 18): the security contact told of a
 * flag, the breach-notice clock's warning and breach, the customer admins' notice of a
 * personal-data breach, and the root-cause report sent when the incident closes (its PDF is
 * attached when the mail is delivered, in the reader's language: lib/server/security/rca-report-pdf.ts).
 * Registered in templates.ts; words in lib/i18n/messages/security.ts.
 */
import { z } from "zod";
import { t } from "../../i18n/t";
import { osloTime, type Locale } from "./format";
import { composeMail } from "./layout";
import type { RenderedEmail, RenderMeta } from "./templates";

const Instant = z.iso.datetime({ offset: true });
const Text = z.string().min(1).max(20_000);
const Ticket = { reference: z.string().min(1), title: z.string().min(1) };

export const SecurityFlaggedPayloadSchema = z.object({ ...Ticket, priority: z.enum(["P1", "P2", "P3", "P4"]), organizationName: z.string().min(1), reason: Text, dueAt: Instant });
export const BreachNoticeWarningPayloadSchema = z.object({ ...Ticket, threshold: z.number().gt(0).lt(1), dueAt: Instant });
export const BreachNoticeBreachPayloadSchema = z.object({ ...Ticket, dueAt: Instant });
export const BreachNoticeCustomerPayloadSchema = z.object({ ...Ticket, organizationName: z.string().min(1), message: Text, notifiedAt: Instant });
export const RcaReportPayloadSchema = z.object({ ...Ticket, ticketId: z.uuid(), closedAt: Instant });

interface SecurityTemplate<S extends z.ZodType> {
  schema: S;
  email(p: z.infer<S>, l: Locale, meta: RenderMeta): RenderedEmail;
  summary(p: z.infer<S>, l: Locale): string;
}
const define = <S extends z.ZodType>(x: SecurityTemplate<S>): SecurityTemplate<S> => x;
const pct = (threshold: number) => Math.round(threshold * 100);

export const SECURITY_TEMPLATES = {
  "security-flagged": define({
    schema: SecurityFlaggedPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, organization: p.organizationName, dueAt: osloTime(p.dueAt, l) };
      return { subject: t(l, "security.mail.flagged.subject", vars), text: t(l, "security.mail.flagged.text", vars) };
    },
    summary: (p, l) => t(l, "security.mail.flagged.summary", p),
  }),
  "breach-notice-warning": define({
    schema: BreachNoticeWarningPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, percent: pct(p.threshold), dueAt: osloTime(p.dueAt, l) };
      return { subject: t(l, "security.mail.warning.subject", vars), text: t(l, "security.mail.warning.text", vars) };
    },
    summary: (p, l) => t(l, "security.mail.warning.summary", { ...p, percent: pct(p.threshold) }),
  }),
  "breach-notice-breach": define({
    schema: BreachNoticeBreachPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, dueAt: osloTime(p.dueAt, l) };
      return { subject: t(l, "security.mail.breach.subject", vars), text: t(l, "security.mail.breach.text", vars) };
    },
    summary: (p, l) => t(l, "security.mail.breach.summary", p),
  }),
  "breach-notice-customer": define({
    schema: BreachNoticeCustomerPayloadSchema,
    email: (p, l, meta) => {
      const heading = t(l, "notices.mail.ticketLine", { reference: p.reference, title: p.title });
      const body = composeMail(heading, [
        ...(meta.recipientName ? [{ kind: "p" as const, text: t(l, "notices.mail.greeting", { name: meta.recipientName }) }] : []),
        { kind: "p", text: t(l, "security.mail.customer.intro", { organization: p.organizationName, reference: p.reference }) },
        { kind: "quote", text: p.message },
        { kind: "note", text: t(l, "security.mail.customer.when", { notifiedAt: osloTime(p.notifiedAt, l) }) },
        { kind: "note", text: t(l, "notices.mail.footer", { reference: p.reference }) },
      ]);
      return { subject: t(l, "security.mail.customer.subject", p), ...body };
    },
    summary: (p, l) => t(l, "security.mail.customer.summary", p),
  }),
  "rca-report": define({
    schema: RcaReportPayloadSchema,
    email: (p, l) => {
      const vars = { ...p, closedAt: osloTime(p.closedAt, l) };
      return { subject: t(l, "security.mail.rca.subject", vars), text: t(l, "security.mail.rca.text", vars) };
    },
    summary: (p, l) => t(l, "security.mail.rca.summary", p),
  }),
};
