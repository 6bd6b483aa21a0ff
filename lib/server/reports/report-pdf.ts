import "server-only";
/**
 * A month's report as the document a provider sends its customer: an A4 PDF (pdf-lib) with the
 * provider, the customer, the month, the summary figures, the 12-month chart, the breach list and
 * the credit calculation, in the reader's language.
 *
 * The text is set in DejaVu Sans (npm `dejavu-fonts-ttf`, the Bitstream Vera licence: free to
 * redistribute), embedded through @pdf-lib/fontkit and subset to the glyphs used, so æøå ÆØÅ,
 * Łódź, Nguyễn, the en dash, ≤ and → print as written (the standard Helvetica of PDF readers
 * has only Latin-1).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { TIME_ZONE } from "../../config/time-zone";
import { LANGUAGE_TAGS, t, type Locale, type MessageKey, type MessageVars } from "../../i18n";
import type { ComplianceHistoryPoint } from "./get-compliance-history";
import type { ReportFigures } from "./figures";
import { withinTargetText } from "./within-target-text";
import {
  creditLineText,
  creditNoteText,
  creditSchemeName,
  settledLater,
  exclusionReasonText,
  formatDateTime,
  formatKroner,
  formatMinutes,
  formatMonth,
  formatMonthShort,
  formatNumber,
  formatPercent,
  incidentReasonName,
} from "./format";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.15);
const MUTED = rgb(0.4, 0.42, 0.47);

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
let fontFiles: Promise<[Uint8Array, Uint8Array]> | null = null;
/** DejaVu Sans and DejaVu Sans Bold, read once per process (also for the security incident RCA report, lib/server/security/rca-report-pdf.ts). */
export const loadFonts = () =>
  (fontFiles ??= Promise.all([readFile(path.join(FONT_DIR, "DejaVuSans.ttf")), readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))]).then(
    ([regular, bold]) => [new Uint8Array(regular), new Uint8Array(bold)] as [Uint8Array, Uint8Array],
  ));

/** Lines of at most `width` points, broken at spaces (a word longer than a line stays whole). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

export class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  private room(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }
  text(text: string, { size = 10, strong = false, gap = 4, muted = false }: { size?: number; strong?: boolean; gap?: number; muted?: boolean } = {}) {
    const font = strong ? this.bold : this.font;
    for (const line of wrap(text, font, size, WIDTH)) {
      this.room(size + 3);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: muted ? MUTED : INK });
      this.y -= size + 3;
    }
    this.y -= gap - 3;
  }
  heading(text: string) {
    this.space(6);
    this.text(text, { size: 12, strong: true, gap: 6 });
  }
  /** A table row with fixed column x-offsets; a cell too wide is shortened with "…". */
  row(cells: string[], columns: number[], { strong = false, size = 8 }: { strong?: boolean; size?: number } = {}) {
    this.room(size + 4);
    const font = strong ? this.bold : this.font;
    cells.forEach((c, i) => {
      const width = (columns[i + 1] ?? WIDTH) - columns[i]! - 4;
      let text = c;
      while (text.length > 1 && font.widthOfTextAtSize(text, size) > width) text = `${text.slice(0, -2)}…`;
      this.page.drawText(text, { x: MARGIN + columns[i]!, y: this.y - size, size, font, color: INK });
    });
    this.y -= size + 4;
  }
  space(h = 8) {
    this.y -= h;
  }
  /** The share within target per month as bars, green when the month met the requirement, with the requirement as a dashed line. */
  chart(points: ComplianceHistoryPoint[], thresholdPercent: number, locale: Locale) {
    const height = 120;
    const axis = 34;
    this.room(height + 34);
    const top = this.y - 10;
    const bottom = top - height;
    const plotWidth = WIDTH - axis;
    const slot = plotWidth / Math.max(points.length, 1);
    const yOf = (p: number) => bottom + (p / 100) * height;
    for (const v of [0, 50, 100]) {
      this.page.drawLine({ start: { x: MARGIN + axis, y: yOf(v) }, end: { x: MARGIN + WIDTH, y: yOf(v) }, thickness: 0.5, color: rgb(0.85, 0.86, 0.88) });
      const label = formatPercent(v, 2, locale);
      this.page.drawText(label, { x: MARGIN + axis - 4 - this.font.widthOfTextAtSize(label, 7), y: yOf(v) - 2.5, size: 7, font: this.font, color: MUTED });
    }
    points.forEach((p, i) => {
      const x = MARGIN + axis + i * slot + slot * 0.15;
      const width = slot * 0.7;
      if (p.percent !== null) {
        const pass = p.percent >= thresholdPercent;
        this.page.drawRectangle({ x, y: bottom, width, height: Math.max(0.5, yOf(p.percent) - bottom), color: pass ? rgb(0.02, 0.59, 0.41) : rgb(0.88, 0.11, 0.28) });
      }
      const label = formatMonthShort(p.month);
      this.page.drawText(label, { x: x + width / 2 - this.font.widthOfTextAtSize(label, 7) / 2, y: bottom - 10, size: 7, font: this.font, color: MUTED });
    });
    const ty = yOf(thresholdPercent);
    this.page.drawLine({ start: { x: MARGIN + axis, y: ty }, end: { x: MARGIN + WIDTH, y: ty }, thickness: 1, color: INK, dashArray: [4, 3] });
    const required = t(locale, "report.chart.required", { threshold: formatPercent(thresholdPercent, 2, locale) });
    this.page.drawText(required, { x: MARGIN + WIDTH - this.font.widthOfTextAtSize(required, 7), y: top + 4, size: 7, font: this.font, color: INK });
    this.y = bottom - 18;
  }
}

export interface ReportDocument {
  figures: ReportFigures;
  status: "DRAFT" | "CLOSED";
  /** The 12 months ending with the report's (the chart). */
  history: ComplianceHistoryPoint[];
  /** The provider that sends the report. */
  providerName: string;
  locale: Locale;
}

export async function reportPdf({ figures: f, status, history, providerName, locale }: ReportDocument): Promise<Uint8Array> {
  const tr = (key: MessageKey, vars?: MessageVars) => t(locale, key, vars);
  const pct = (p: number | null, digits: 2 | 3 = 2) => formatPercent(p, digits, locale);
  const minutes = (m: number) => formatMinutes(m, locale);
  const kroner = (ore: number | null) => formatKroner(ore, locale);
  const when = (iso: string | null) => formatDateTime(iso, locale);

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await loadFonts();
  const w = new Writer(doc, await doc.embedFont(regular, { subset: true }), await doc.embedFont(bold, { subset: true }));
  const month = formatMonth(f.month, locale);
  doc.setTitle(`${tr("report.pdf.title", { month })}: ${f.organization.name}`);
  doc.setAuthor(providerName);
  doc.setLanguage(LANGUAGE_TAGS[locale]);

  w.text(tr("report.pdf.from", { provider: providerName }), { size: 9, muted: true, gap: 8 });
  w.text(tr("report.pdf.title", { month }), { size: 18, strong: true, gap: 6 });
  w.text(tr("report.pdf.customer", { customer: f.organization.name }), { size: 13, gap: 4 });
  const agreement = f.agreement ? tr("report.pdf.agreement", { name: f.agreement.name, version: f.agreement.versionLabel }) : tr("report.page.noAgreement");
  const state = tr(status === "CLOSED" ? "report.pdf.closed" : "report.pdf.draft");
  w.text(`${agreement} · ${state} · ${tr("report.pdf.computed", { at: when(f.computedAt) })}`, { size: 9, gap: 10 });

  w.heading(tr("report.pdf.responseTime"));
  const within = withinTargetText(f, locale);
  if (f.tickets.measured === 0) w.text(tr("report.pdf.noMeasured", { value: within.value, threshold: pct(f.thresholdPercent) }), { strong: true });
  else
    w.text(tr("report.pdf.withinTarget", { percent: pct(f.tickets.percent), threshold: pct(f.thresholdPercent), verdict: tr(f.tickets.passes ? "report.pdf.passes" : "report.pdf.fails") }), {
      strong: true,
    });
  const { passes: _passes, ...counts } = f.tickets;
  w.text(tr("report.pdf.counts", counts), { gap: 8 });
  // Time to solution (issue 19): informational, beside the response figures.
  if (f.resolution) {
    w.heading(tr("related.report.resolution.title"));
    const r = f.resolution;
    const duration = (m: number | null) => (m === null ? "–" : minutes(m));
    w.text(
      r.solved === 0 ? tr("related.report.resolution.none") : tr("related.report.resolution.pdfLine", { solved: r.solved, median: duration(r.medianMinutes), average: duration(r.averageMinutes) }),
    );
    w.text(tr("related.report.resolution.help"), { size: 8, muted: true, gap: 8 });
  }

  w.heading(tr("report.section.history"));
  w.chart(history, f.thresholdPercent, locale);

  w.heading(tr("report.section.breaches", { count: f.breaches.length }));
  if (f.breaches.length === 0) w.text(tr("report.pdf.noBreaches"));
  else {
    const cols = [0, 72, 180, 200, 238, 318, 406];
    w.row(
      [tr("report.col.ticket"), tr("report.col.title"), tr("report.col.priorityShort"), tr("report.col.target"), tr("report.col.used"), tr("report.col.lateBusiness"), tr("report.col.lateWall")],
      cols,
      { strong: true, size: 7 },
    );
    for (const b of f.breaches) {
      const lateWall = `${minutes(b.lateWallMinutes)}${b.stillRunning ? ` (${tr("report.breaches.stillOpen")})` : ""}`;
      w.row([b.reference, b.title, b.priority, minutes(b.targetMinutes ?? 0), minutes(b.usedMinutes), minutes(b.lateBusinessMinutes), lateWall], cols, { size: 7 });
    }
  }
  if (f.exclusions.length) {
    w.heading(tr("report.section.exclusions"));
    for (const e of f.exclusions) w.row([e.reference, e.priority, exclusionReasonText(e, locale)], [0, 78, 120]);
  }

  w.heading(tr("report.section.uptime"));
  w.text(tr("report.pdf.uptime", { percent: pct(f.uptime.percent, 3), coverage: f.uptime.coverage, downtime: minutes(f.uptime.downtimeMinutes), total: minutes(f.uptime.totalMinutes) }));
  w.text(
    tr("report.pdf.maintenance", {
      count: f.uptime.maintenanceWindows,
      minutes: minutes(f.uptime.maintenanceMinutes),
      reduces: f.uptime.maintenanceReducesTotal ? tr("report.uptime.reducesTotal") : "",
    }),
    { gap: 8 },
  );
  for (const i of f.uptime.incidents) {
    const counts = i.counts ? tr("report.pdf.incidentCounts") : tr("report.pdf.incidentNotCounting", { reason: incidentReasonName(i.exclusionReason, locale) });
    w.row([i.service, `${when(i.startedAt)} – ${i.endedAt ? when(i.endedAt) : tr("report.uptime.ongoing")}`, counts, i.cause], [0, 90, 250, 350]);
  }

  w.heading(tr("report.section.credit"));
  w.text(tr("report.pdf.fee", { scheme: creditSchemeName(f.credit.scheme, locale), fee: kroner(f.credit.monthlyFeeOre) }));
  const creditCols = [0, 360, 420];
  // A quarterly refund before the quarter's last month has no credit line yet: only the note.
  if (!settledLater(f.credit)) {
    w.row([tr("report.col.line"), tr("report.col.percent"), tr("report.col.amount")], creditCols, { strong: true });
    for (const l of f.credit.lines) w.row([creditLineText(l, locale), pct(l.percent), f.credit.monthlyFeeOre === null ? "–" : kroner(l.amountOre)], creditCols);
    w.row([tr("report.credit.total"), pct(f.credit.percent), kroner(f.credit.amountOre)], creditCols, { strong: true });
  }
  const note = creditNoteText(f.credit, locale);
  if (note) w.text(note, { size: 9 });
  w.space(10);
  w.text(tr("report.pdf.footer", { zone: TIME_ZONE, from: when(f.period.from), to: when(f.period.to), registered: formatNumber(f.tickets.registered, locale) }), { size: 8, muted: true });
  return doc.save();
}
