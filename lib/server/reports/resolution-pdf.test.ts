import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import type { ReportFigures } from "./figures";
import { reportPdf } from "./report-pdf";
import { DEFAULT_TIME_ZONE } from "../../config/time-zone";

/** A month with the time to solution (issue 19) beside the response figures. */
const figures: ReportFigures = {
  organization: { id: "00000000-0000-4000-8000-000000000001", name: "Løsningstid AS" },
  month: "2026-10",
  timeZone: DEFAULT_TIME_ZONE,
  period: { from: "2026-09-30T22:00:00.000Z", to: "2026-10-31T23:00:00.000Z" },
  computedAt: "2026-11-02T08:00:00.000Z",
  agreement: { id: "a", key: "netpower-ordinary", name: "Netpower ordinær", versionId: "v", versionLabel: "2026" },
  thresholdPercent: 90,
  tickets: { registered: 3, measured: 3, met: 3, breached: 0, pending: 0, excluded: 0, notCovered: 0, percent: 100, passes: true },
  breaches: [],
  exclusions: [],
  uptime: { coverage: "24/7", totalMinutes: 44_640, downtimeMinutes: 0, percent: 100, maintenanceReducesTotal: false, maintenanceWindows: 0, maintenanceMinutes: 0, incidents: [] },
  credit: { scheme: "netpower", monthlyFeeOre: 2_000_000, percent: 0, amountOre: 0, undefinedGap: false, lines: [], note: null },
  resolution: { solved: 3, medianMinutes: 120, averageMinutes: 260 },
};
const history = Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, "0")}`, met: 9, measured: 10, percent: 90 }));

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("the report PDF's time to solution", () => {
  it("shows the tickets solved, the median and the average in both languages, as information", { timeout: 30_000 }, async () => {
    const nb = await pdfText(await reportPdf({ figures, status: "DRAFT", history, providerName: "Servicedesk AS", locale: "nb" }));
    expect(nb).toContain("Tid til løsning");
    expect(nb).toContain("Løste saker: 3 · median 2 t 0 min · gjennomsnitt 4 t 20 min");
    expect(nb).toContain("påvirker verken 90 %-regelen eller kreditten");
    const en = await pdfText(await reportPdf({ figures, status: "DRAFT", history, providerName: "Servicedesk AS", locale: "en" }));
    expect(en).toContain("Tickets solved: 3 · median 2 h 0 min · average 4 h 20 min");
  });
});
