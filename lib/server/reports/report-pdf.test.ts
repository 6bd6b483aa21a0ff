import { describe, expect, it } from "vitest";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import type { ReportFigures } from "./figures";
import { reportPdf } from "./report-pdf";
import { DEFAULT_TIME_ZONE } from "../../config/time-zone";

/** A report month with one open breach and a credit, for an organisation whose name needs more than Latin-1. */
function figures(name: string): ReportFigures {
  return {
    organization: { id: "00000000-0000-4000-8000-000000000001", name },
    month: "2026-10",
    timeZone: DEFAULT_TIME_ZONE,
    period: { from: "2026-09-30T22:00:00.000Z", to: "2026-10-31T23:00:00.000Z" },
    computedAt: "2026-11-02T08:00:00.000Z",
    agreement: { id: "a", key: "netpower-ordinary", name: "Netpower ordinær", versionId: "v", versionLabel: "2026" },
    thresholdPercent: 90,
    tickets: { registered: 10, measured: 10, met: 8, breached: 2, pending: 0, excluded: 0, notCovered: 0, percent: 80, passes: false },
    breaches: [
      {
        ticketId: "t1",
        reference: "AE-2026-000001",
        title: "Skriveren til Łukasz Nguyễn",
        priority: "P2",
        registeredAt: "2026-10-12T07:00:00.000Z",
        targetMinutes: 120,
        usedMinutes: 160,
        lateBusinessMinutes: 40,
        lateWallMinutes: 40,
        breachedAt: "2026-10-12T09:00:00.000Z",
        stoppedAt: "2026-10-12T09:40:00.000Z",
        stillRunning: false,
      },
    ],
    exclusions: [],
    uptime: { coverage: "24/7", totalMinutes: 44_640, downtimeMinutes: 60, percent: 99.866, maintenanceReducesTotal: false, maintenanceWindows: 0, maintenanceMinutes: 0, incidents: [] },
    credit: {
      scheme: "netpower",
      monthlyFeeOre: 2_000_000,
      percent: 5,
      amountOre: 100_000,
      undefinedGap: false,
      lines: [
        { label: "response: 80 % within target, below 90 %", reason: { code: "response_below", within: 80, required: 90 }, percent: 5, amountOre: 100_000 },
        { label: "uptime: 99.866 % (required 99.8 %)", reason: { code: "uptime_ok", uptime: 99.866, required: 99.8 }, percent: 0, amountOre: 0 },
      ],
      note: null,
    },
  };
}

const history = Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, "0")}`, met: 9, measured: 10, percent: i === 9 ? 80 : 90 }));

/** The fonts embedded as TrueType font files (a standard 14 font such as Helvetica has none). */
async function embeddedFontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of("Type")) === PDFName.of("FontDescriptor") && o.has(PDFName.of("FontFile2")))
    .map((d) => d.get(PDFName.of("FontName"))!.toString());
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes over (detaches) the buffer it is given: hand it a copy.
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return text;
}

describe("the report PDF", () => {
  it("prints names beyond Latin-1 as written, with an embedded font", async () => {
    const name = "Ærlig Øst Å/S – Łódź";
    const bytes = await reportPdf({ figures: figures(name), status: "DRAFT", history, providerName: "Servicedesk AS", locale: "nb" });
    const text = await pdfText(bytes);
    expect(text).toContain(name);
    expect(text).toContain("Skriveren til Łukasz Nguyễn");
    expect(text).not.toContain("?");
    const fonts = await embeddedFontNames(bytes); // regular and bold, subset ("/DejaVuSans-7264")
    expect(fonts).toHaveLength(2);
    for (const font of fonts) expect(font).toMatch(/^\/DejaVuSans/);
    expect(bytes.length).toBeLessThan(150_000); // subset: not the whole 750 kB font
  });

  it("is the document a provider sends: provider, customer, month, figures, chart, breaches and credit, in Norwegian", async () => {
    const text = await pdfText(await reportPdf({ figures: figures("Nordlys Eiendom AS"), status: "CLOSED", history, providerName: "Servicedesk AS", locale: "nb" }));
    for (const expected of [
      "Fra Servicedesk AS",
      "SLA-rapport for oktober 2026",
      "Kunde: Nordlys Eiendom AS",
      "80 % innenfor responstid (krav 90 %): ikke oppfylt",
      "Siste 12 måneder",
      "10.26",
      "krav 90 %",
      "Brudd på responstid (1)",
      "AE-2026-000001",
      "2 t 40 min",
      "respons: 80 % innenfor frist, under 90 %",
      "Kreditt denne måneden",
      "1 000,00 kr",
      "lukket måned",
    ]) {
      expect(text.replace(/\s+/g, " ")).toContain(expected.replace(/\s+/g, " "));
    }
  });

  it("speaks English to an English reader, credit lines included", async () => {
    const text = await pdfText(await reportPdf({ figures: figures("Nordlys Eiendom AS"), status: "DRAFT", history, providerName: "Servicedesk AS", locale: "en" }));
    for (const expected of [
      "From Servicedesk AS",
      "SLA report for October 2026",
      "Customer: Nordlys Eiendom AS",
      "80 % within response time (required 90 %): not met",
      "Last 12 months",
      "Response time breaches (1)",
      "2 h 40 min",
      "response: 80 % within target, below 90 %",
      "Credit this month",
      "NOK 1,000.00",
    ]) {
      expect(text.replace(/\s+/g, " ")).toContain(expected);
    }
    expect(text).not.toMatch(/måned|innenfor|Kreditt|brudd/i);
  });

  it("says so for a month with no measured tickets", async () => {
    const none = figures("Nordlys Eiendom AS");
    none.tickets = { registered: 1, measured: 0, met: 0, breached: 0, pending: 1, excluded: 0, notCovered: 0, percent: 100, passes: true };
    none.breaches = [];
    const nb = await pdfText(await reportPdf({ figures: none, status: "DRAFT", history, providerName: "Servicedesk AS", locale: "nb" }));
    const en = await pdfText(await reportPdf({ figures: none, status: "DRAFT", history, providerName: "Servicedesk AS", locale: "en" }));
    expect(nb).toContain("Ingen målte saker denne måneden");
    expect(en).toContain("No measured tickets this month");
    expect(`${nb} ${en}`).not.toMatch(/100 % innenfor|100 % within/);
  });

  it("Sodvin's quarterly refund: the quarter so far without a credit line, then the quarter's refund (001 §7.2)", async () => {
    const quarter = { kind: "quarter" as const, months: ["2026-10", "2026-11", "2026-12"], periodFeeOre: 6_000_000, operatingHours: 744, downtimeHours: 10 };
    const soFar = figures("Sodvin Kunde AS");
    soFar.credit = {
      scheme: "sodvin_refund",
      monthlyFeeOre: 2_000_000,
      percent: null,
      amountOre: null,
      undefinedGap: false,
      lines: [],
      note: null,
      servicePeriod: { ...quarter, monthsSoFar: ["2026-10"], settles: false },
    };
    const nb = (await pdfText(await reportPdf({ figures: soFar, status: "DRAFT", history, providerName: "Servicedesk AS", locale: "nb" }))).replace(/\s+/g, " ");
    const en = (await pdfText(await reportPdf({ figures: soFar, status: "DRAFT", history, providerName: "Servicedesk AS", locale: "en" }))).replace(/\s+/g, " ");
    expect(nb).toContain("Refusjonen gjøres opp per kvartal");
    expect(nb).not.toContain("Kreditt denne måneden");
    expect(en).toContain("Quarter so far (October 2026): operating time 744 h, downtime 10 h");
    expect(en).not.toContain("Credit this month");

    const settled = figures("Sodvin Kunde AS");
    const line = {
      label: "R = V · (1 − (D − N) / D / O), (D − N) / D = (2208 − 30) / 2208, O = 0.995",
      reason: { code: "sodvin_formula" as const, detail: "(D − N) / D = (2208 − 30) / 2208", agreed: 0.995 },
      percent: 0.8657,
      amountOre: 51_942,
    };
    settled.credit = {
      scheme: "sodvin_refund",
      monthlyFeeOre: 2_000_000,
      percent: 0.8657,
      amountOre: 51_942,
      undefinedGap: false,
      lines: [line],
      note: null,
      servicePeriod: { ...quarter, monthsSoFar: quarter.months, settles: true, operatingHours: 2208, downtimeHours: 30 },
    };
    const text = (await pdfText(await reportPdf({ figures: settled, status: "DRAFT", history, providerName: "Servicedesk AS", locale: "en" }))).replace(/\s+/g, " ");
    expect(text).toContain("Credit this month");
    expect(text).toContain("NOK 519.42");
    expect(text).toContain("The refund covers the whole quarter");
    expect(text).toContain("V = 3 × monthly fee = NOK 60,000.00");
  });
});
