import "server-only";
/**
 * A closed security incident's root-cause analysis as the document the provider sends its
 * customer (000 §5.9): an A4 PDF in the reader's language, set with the monthly report's
 * machinery (lib/server/reports/report-pdf.ts: DejaVu Sans, embedded and subset, and its writer).
 * It is made when the e-mail is delivered (rcaReportAttachment), so each customer admin gets it
 * in their own language.
 */
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { LANGUAGE_TAGS, t, type Locale, type MessageKey, type MessageVars } from "../../i18n";
import type { PrismaClient } from "../../generated/prisma/client";
import { loadFonts, Writer } from "../reports/report-pdf";
import { formatDateTime } from "../reports/format";
import { providerName } from "../reports/provider-name";
import { breachNoticeFacts } from "../tickets/breach-notice-clock";

export interface RcaReport {
  reference: string;
  title: string;
  organizationName: string;
  registeredAt: string;
  flaggedAt: string | null;
  notifiedAt: string | null;
  noticeDueAt: string | null;
  closedAt: string | null;
  rootCause: string;
  correctiveActions: string;
  providerName: string;
}

export async function rcaReportPdf(r: RcaReport, locale: Locale): Promise<Uint8Array> {
  const tr = (key: MessageKey, vars?: MessageVars) => t(locale, key, vars);
  const when = (iso: string | null) => formatDateTime(iso, locale);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await loadFonts();
  const w = new Writer(doc, await doc.embedFont(regular, { subset: true }), await doc.embedFont(bold, { subset: true }));
  doc.setTitle(`${tr("security.pdf.title")}: ${r.reference}`);
  doc.setAuthor(r.providerName);
  doc.setLanguage(LANGUAGE_TAGS[locale]);

  w.text(`${tr("security.pdf.provider")}: ${r.providerName}`, { size: 9, muted: true, gap: 8 });
  w.text(tr("security.pdf.title"), { size: 18, strong: true, gap: 6 });
  w.text(`${tr("security.pdf.ticket")}: ${r.reference} – ${r.title}`, { size: 12, gap: 4 });
  w.text(`${tr("security.pdf.customer")}: ${r.organizationName}`, { size: 12, gap: 10 });
  w.text(`${tr("security.pdf.registered")}: ${when(r.registeredAt)}`);
  w.text(`${tr("security.pdf.flagged")}: ${when(r.flaggedAt)}`);
  w.text(`${tr("security.pdf.deadline")}: ${when(r.noticeDueAt)}`);
  w.text(`${tr("security.pdf.notified")}: ${r.notifiedAt ? when(r.notifiedAt) : tr("security.pdf.notNotified")}`);
  w.text(`${tr("security.pdf.closed")}: ${when(r.closedAt)}`, { gap: 10 });
  w.heading(tr("security.pdf.rootCause"));
  w.text(r.rootCause, { gap: 10 });
  w.heading(tr("security.pdf.correctiveActions"));
  w.text(r.correctiveActions);
  return doc.save();
}

/** The report of a ticket as stored now (null when it has no RCA: nothing to attach). */
export async function loadRcaReport(prisma: PrismaClient, ticketId: string): Promise<RcaReport | null> {
  const ticket = await prisma.ticket.findUnique({
    where: { id: ticketId },
    select: { reference: true, title: true, createdAt: true, closedAt: true, rootCause: true, correctiveActions: true, organization: { select: { name: true } } },
  });
  if (!ticket?.rootCause || !ticket.correctiveActions) return null;
  const facts = await breachNoticeFacts(prisma, ticketId);
  const clock = await prisma.slaClock.findUnique({ where: { ticketId_metric: { ticketId, metric: "BREACH_NOTICE" } }, select: { startedAt: true, targetMinutes: true } });
  const due = clock && clock.targetMinutes !== null ? new Date(clock.startedAt.getTime() + clock.targetMinutes * 60_000).toISOString() : null;
  return {
    reference: ticket.reference,
    title: ticket.title,
    organizationName: ticket.organization.name,
    registeredAt: ticket.createdAt.toISOString(),
    flaggedAt: facts?.flaggedAt.toISOString() ?? null,
    notifiedAt: facts?.notifiedAt?.toISOString() ?? null,
    noticeDueAt: due,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    rootCause: ticket.rootCause,
    correctiveActions: ticket.correctiveActions,
    providerName: await providerName(prisma),
  };
}

/** The PDF attached to an "rca-report" e-mail, in the reader's language. */
export async function rcaReportAttachment(prisma: PrismaClient, ticketId: string, locale: Locale): Promise<{ filename: string; content: Buffer; contentType: string } | null> {
  const report = await loadRcaReport(prisma, ticketId);
  if (!report) return null;
  const pdf = await rcaReportPdf(report, locale);
  return { filename: t(locale, "security.pdf.filename", { reference: report.reference }), content: Buffer.from(pdf), contentType: "application/pdf" };
}
