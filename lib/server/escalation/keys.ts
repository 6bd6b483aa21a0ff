import "server-only";
/**
 * Every idempotency and duplicate-guard key (Escalation.dedupeKey, Notification.dedupeKey) is
 * built here and nowhere else. A key names what happened once: writing a row with a key that
 * exists writes nothing (`on conflict do nothing`, `skipDuplicates`), so a timer that fires twice,
 * a job retried after a crash or a use case called again records nothing new.
 *
 * The reconciler needs the SLA warning key inside SQL (it looks for warnings never recorded,
 * a page at a time): `warningKeySql` is that same key as an SQL expression, built from the same
 * parts, and a test holds the two to each other (tests/integration/escalation-keys.test.ts).
 */
import type { SupportLine } from "../../generated/prisma/enums";

const RESPONSE = "response";
/** The clocks a timer runs for (SlaMetric), as they are named in keys and job ids. */
export type TimerMetric = "RESPONSE" | "BREACH_NOTICE";
export const METRIC_KEY: Record<TimerMetric, string> = { RESPONSE, BREACH_NOTICE: "breach-notice" };
/** `METRIC_KEY` as an SQL expression over an SlaMetric value. */
const metricKeySql = (metricExpr: string) => `(case ${metricExpr}::text when 'BREACH_NOTICE' then '${METRIC_KEY.BREACH_NOTICE}' else '${RESPONSE}' end)`;

/** The breach of a ticket's response clock (or its breach-notice clock): one per ticket and clock, ever. */
export const breachKey = (ticketId: string, metric: TimerMetric = "RESPONSE") => `breach-${ticketId}-${METRIC_KEY[metric]}`;

/** `breachKey` as an SQL expression over a ticket id and an SlaMetric. */
export const breachKeySql = (ticketIdExpr: string, metricExpr: string) => `('breach-' || ${ticketIdExpr} || '-' || ${metricKeySql(metricExpr)})`;

/**
 * A warning at a fraction of the response target. The target is part of it: a priority change
 * gives a new target, whose warnings are new.
 */
export const warningKey = (ticketId: string, threshold: number, targetMinutes: number | null, metric: TimerMetric = "RESPONSE") =>
  `warning-${ticketId}-${METRIC_KEY[metric]}-${threshold}-${targetMinutes === null ? "null" : targetMinutes}`;

/**
 * `warningKey` as an SQL expression over a ticket id, a threshold as jsonb prints it (which is
 * how JavaScript prints the number) and a target in minutes (integer or null).
 */
export const warningKeySql = (ticketIdExpr: string, thresholdTextExpr: string, targetMinutesExpr: string, metricExpr = `'RESPONSE'`) =>
  `('warning-' || ${ticketIdExpr} || '-' || ${metricKeySql(metricExpr)} || '-' || ${thresholdTextExpr} || '-' || coalesce(${targetMinutesExpr}::text, 'null'))`;

/** The move to the next line that a breach makes (when the agreement says so). */
export const breachLineKey = (ticketId: string, toLine: SupportLine) => `breach-line-${ticketId}-${toLine}`;

/** An agent's escalation to a higher line, named by its ESCALATED event. */
export const manualLineKey = (ticketId: string, eventId: bigint | string) => `line-${ticketId}-${eventId}`;

/** A P1's mobilisation of the 2nd- and 3rd-line leads (once per ticket). */
export const p1MobilisedKey = (ticketId: string) => `p1-${ticketId}`;

/** The e-mail of an escalation (warning, breach, P1 mobilisation) to one person. */
export const escalationEmailKey = (escalationKey: string, userId: string) => `${escalationKey}-email-${userId}`;

/** The webhook message of an escalation. */
export const escalationWebhookKey = (escalationKey: string) => `${escalationKey}-webhook`;

/** The e-mail to a lead of the line a ticket moved to. */
export const lineMoveEmailKey = (ticketId: string, moveId: bigint | string, userId: string) => `escalated-${ticketId}-${moveId}-${userId}`;

/** The receipt a requester gets for a ticket. */
export const receiptKey = (ticketId: string) => `receipt-${ticketId}`;

/** An on-call page of a ticket for a reason (once per ticket and reason). */
export const onCallPageKey = (ticketId: string, reason: string) => `oncall:${ticketId}:${reason}`;

/** One notice of an on-call page to one person on one channel. */
export const onCallNoticeKey = (escalationId: string, attempt: number, userId: string, channel: string) => `oncall-${escalationId}-${attempt}-${userId}-${channel}`;

/** A customer admin's "your monthly report is ready". */
export const reportReadyKey = (organizationId: string, month: string, userId: string) => `report-${organizationId}-${month}-${userId}`;

/** The provider's security contact told that a ticket was flagged as a security incident (once per ticket and address). */
export const securityFlaggedKey = (ticketId: string, who: string) => `security-flagged-${ticketId}-${who}`;

/** The customer's notice of a personal-data breach, to one customer admin (once per ticket). */
export const breachNoticeKey = (ticketId: string, userId: string) => `breach-notice-${ticketId}-${userId}`;

/** A closed security incident's root-cause report (PDF) to one customer admin (once per ticket). */
export const rcaReportKey = (ticketId: string, userId: string) => `rca-report-${ticketId}-${userId}`;

/** A customer notice (issue 17) about what one ticket event did, to one person. */
export const customerNoticeKey = (template: string, ticketId: string, eventId: bigint | string, userId: string) => `notice-${template}-${ticketId}-${eventId}-${userId}`;

/** The customer's "we have called out our on-call staff" for a P1: once per ticket and person. */
export const onCallCustomerNoticeKey = (ticketId: string, userId: string) => `notice-ticket-oncall-${ticketId}-${userId}`;

/** The notice to a staff member that a ticket was assigned to them: one per assignment event. */
export const assignedKey = (ticketId: string, eventId: bigint | string, userId: string) => `assigned-${ticketId}-${eventId}-${userId}`;
