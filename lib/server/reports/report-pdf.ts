import "server-only";
/** A report as a one-or-more-page A4 PDF (pdf-lib, standard Helvetica: no font files). */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { ReportFigures } from "./figures";
import { withinTargetText } from "./within-target-text";
import { CREDIT_SCHEME_NAMES, formatDateTime, formatKroner, formatMinutes, formatMonth, formatNumber, formatPercent } from "./format";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

/** Helvetica's WinAnsi encoding lacks some symbols lib/sla's credit lines use. */
function winAnsi(text: string): string {
  return text
    .replace(/≤/g, "<=")
    .replace(/≥/g, ">=")
    .replace(/→/g, "->")
    .replace(/−/g, "-")
    .replace(/[\u202F\u2009\u2007]/g, " ")
    .replace(/[^\x20-\x7E\xA0-\xFF–—‘’“”•…€]/g, "?");
}

class Writer {
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
  text(text: string, { size = 10, strong = false, gap = 4 }: { size?: number; strong?: boolean; gap?: number } = {}) {
    this.room(size + gap);
    this.page.drawText(winAnsi(text), { x: MARGIN, y: this.y - size, size, font: strong ? this.bold : this.font, color: rgb(0.1, 0.1, 0.15), maxWidth: A4[0] - 2 * MARGIN });
    this.y -= size + gap;
  }
  /** A table row with fixed column x-offsets. */
  row(cells: string[], columns: number[], { strong = false, size = 8 }: { strong?: boolean; size?: number } = {}) {
    this.room(size + 4);
    cells.forEach((c, i) => {
      const x = MARGIN + columns[i]!;
      const width = (columns[i + 1] ?? A4[0] - 2 * MARGIN) - columns[i]! - 4;
      let t = winAnsi(c);
      const f = strong ? this.bold : this.font;
      while (t.length > 1 && f.widthOfTextAtSize(t, size) > width) t = t.slice(0, -2) + "…";
      this.page.drawText(t, { x, y: this.y - size, size, font: f });
    });
    this.y -= size + 4;
  }
  space(h = 8) {
    this.y -= h;
  }
}

export async function reportPdf(f: ReportFigures, status: "DRAFT" | "CLOSED"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`SLA-rapport ${f.organization.name} ${f.month}`);
  doc.setLanguage("nb-NO");
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  w.text(`SLA-rapport for ${formatMonth(f.month)}`, { size: 18, strong: true, gap: 6 });
  w.text(f.organization.name, { size: 13, gap: 4 });
  w.text(`${f.agreement ? `${f.agreement.name} (versjon ${f.agreement.versionLabel})` : "Ingen avtale"} · ${status === "CLOSED" ? "lukket måned" : "foreløpig"} · beregnet ${formatDateTime(f.computedAt)}`, { size: 9, gap: 12 });

  w.text("Responstid", { size: 12, strong: true });
  if (f.tickets.measured === 0) w.text(`${withinTargetText(f, "nb").value} denne måneden (krav ${formatPercent(f.thresholdPercent)}).`);
  else w.text(`${formatPercent(f.tickets.percent)} innenfor responstid (krav ${formatPercent(f.thresholdPercent)}): ${f.tickets.passes ? "oppfylt" : "ikke oppfylt"}`);
  w.text(`${f.tickets.measured} målt: ${f.tickets.met} innenfor, ${f.tickets.breached} brudd. Ikke talt med: ${f.tickets.pending} venter, ${f.tickets.excluded} unntatt, ${f.tickets.notCovered} ikke dekket.`, { gap: 10 });

  if (f.breaches.length) {
    const cols = [0, 70, 205, 235, 290, 350, 410];
    w.row(["Sak", "Tittel", "Pri.", "Mål", "Brukt", "For sent", "For sent (klokke)"], cols, { strong: true });
    for (const b of f.breaches) {
      w.row([b.reference, b.title, b.priority, formatMinutes(b.targetMinutes ?? 0), formatMinutes(b.usedMinutes), formatMinutes(b.lateBusinessMinutes), `${formatMinutes(b.lateWallMinutes)}${b.stillRunning ? " (åpen)" : ""}`], cols);
    }
    w.space();
  }
  if (f.exclusions.length) {
    w.text("Ikke målt", { size: 11, strong: true });
    for (const e of f.exclusions) w.row([e.reference, e.priority, e.reason], [0, 70, 110]);
    w.space();
  }

  w.text("Oppetid", { size: 12, strong: true });
  w.text(`${formatPercent(f.uptime.percent, 3)} over ${f.uptime.coverage}: ${formatMinutes(f.uptime.downtimeMinutes)} nedetid av ${formatMinutes(f.uptime.totalMinutes)}.`);
  w.text(`Vedlikeholdsvinduer: ${f.uptime.maintenanceWindows} (${formatMinutes(f.uptime.maintenanceMinutes)})${f.uptime.maintenanceReducesTotal ? ", trukket fra total tid" : ""}.`, { gap: 8 });
  for (const i of f.uptime.incidents) {
    w.row([i.service, `${formatDateTime(i.startedAt)} – ${formatDateTime(i.endedAt)}`, i.counts ? "teller" : `teller ikke (${i.exclusionReason ?? ""})`, i.cause], [0, 90, 250, 350]);
  }
  w.space();

  w.text("Kreditt", { size: 12, strong: true });
  w.text(`${CREDIT_SCHEME_NAMES[f.credit.scheme] ?? f.credit.scheme}; månedspris ${formatKroner(f.credit.monthlyFeeOre)}`);
  for (const l of f.credit.lines) w.row([l.label, formatPercent(l.percent), formatKroner(l.amountOre)], [0, 360, 420]);
  w.row(["Sum", formatPercent(f.credit.percent), formatKroner(f.credit.amountOre)], [0, 360, 420], { strong: true });
  if (f.credit.note) w.text(f.credit.note, { size: 9 });
  w.text(`Tider i Europe/Oslo. Perioden: ${formatDateTime(f.period.from)} – ${formatDateTime(f.period.to)}. Tall: ${formatNumber(f.tickets.registered)} saker registrert.`, { size: 8 });
  return doc.save();
}
