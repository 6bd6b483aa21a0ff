import "server-only";
/**
 * A report as CSV in the reader's language, for their spreadsheet: UTF-8 with BOM and CRLF line
 * ends; Norwegian has `;` between fields and a decimal comma (Norwegian Excel), English `,` and a
 * decimal point. Sections (summary, breaches, exclusions, incidents, credit lines) each start
 * with a header row. Times are local (TIME_ZONE) as "2026-04-07 09:00", which spreadsheets read.
 */
import { TIME_ZONE, localDateTime } from "../../config/time-zone";
import { t, type Locale } from "../../i18n";
import type { ReportFigures } from "./figures";
import { creditLineText, creditNoteText, exclusionReasonText } from "./format";
import { csvCell } from "../csv";

const when = (iso: string | null) => (iso ? localDateTime(iso) : "");
/** "Oslo" for Europe/Oslo: the zone as the column header names it. */
const zoneCity = TIME_ZONE.split("/").pop()!.replace(/_/g, " ");

export function reportCsv(f: ReportFigures, locale: Locale = "nb"): string {
  const sep = locale === "nb" ? ";" : ",";
  const decimal = (x: number | null, digits = 4) => (x === null ? "" : locale === "nb" ? String(Number(x.toFixed(digits))).replace(".", ",") : String(Number(x.toFixed(digits))));
  const kroner = (ore: number | null) => (ore === null ? "" : locale === "nb" ? (ore / 100).toFixed(2).replace(".", ",") : (ore / 100).toFixed(2));
  const row = (values: Array<string | number | boolean | null>) => values.map((v) => csvCell(v, sep, (n) => decimal(n))).join(sep);
  const c = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t(locale, key, vars);
  const yesNo = (b: boolean) => c(b ? "report.yes" : "report.no");

  const lines: string[] = [];
  lines.push(
    row([
      c("report.csv.customer"),
      c("report.csv.month"),
      c("report.csv.agreement"),
      c("report.csv.registered"),
      c("report.csv.measured"),
      c("report.csv.met"),
      c("report.csv.breached"),
      c("report.csv.pending"),
      c("report.csv.excluded"),
      c("report.csv.notCovered"),
      c("report.csv.percent"),
      c("report.csv.required"),
      c("report.csv.uptime"),
      c("report.csv.downtime"),
      c("report.csv.total"),
      c("report.csv.creditPercent"),
      c("report.csv.creditAmount"),
    ]),
  );
  lines.push(
    row([
      f.organization.name,
      f.month,
      f.agreement?.name ?? "",
      f.tickets.registered,
      f.tickets.measured,
      f.tickets.met,
      f.tickets.breached,
      f.tickets.pending,
      f.tickets.excluded,
      f.tickets.notCovered,
      f.tickets.measured === 0 ? c("report.csv.noMeasured") : f.tickets.percent,
      f.thresholdPercent,
      f.uptime.percent,
      f.uptime.downtimeMinutes,
      f.uptime.totalMinutes,
      f.credit.percent,
      kroner(f.credit.amountOre),
    ]),
  );
  lines.push("");
  lines.push(
    row([
      c("report.csv.breachTicket"),
      c("report.col.title"),
      c("report.col.priority"),
      c("report.csv.registeredAt", { zone: zoneCity }),
      c("report.csv.targetMinutes"),
      c("report.csv.usedMinutes"),
      c("report.csv.lateBusiness"),
      c("report.csv.lateWall"),
      c("report.csv.breachedAt"),
      c("report.csv.stoppedAt"),
      c("report.csv.stillOpen"),
    ]),
  );
  for (const b of f.breaches) {
    lines.push(
      row([
        b.reference,
        b.title,
        b.priority,
        when(b.registeredAt),
        b.targetMinutes,
        b.usedMinutes,
        b.lateBusinessMinutes,
        b.lateWallMinutes,
        when(b.breachedAt),
        when(b.stoppedAt),
        yesNo(b.stillRunning),
      ]),
    );
  }
  lines.push("");
  lines.push(row([c("report.csv.excludedTicket"), c("report.col.priority"), c("report.csv.status"), c("report.col.reason")]));
  for (const e of f.exclusions) lines.push(row([e.reference, e.priority, e.state, exclusionReasonText(e, locale)]));
  lines.push("");
  lines.push(row([c("report.csv.incident"), c("report.col.cause"), c("report.csv.start"), c("report.csv.end"), c("report.col.counts"), c("report.csv.exclusionReason")]));
  for (const i of f.uptime.incidents) lines.push(row([i.service, i.cause, when(i.startedAt), when(i.endedAt), yesNo(i.counts), i.exclusionReason]));
  lines.push("");
  lines.push(row([c("report.csv.creditLine"), c("report.col.percent"), c("report.csv.amount")]));
  for (const l of f.credit.lines) lines.push(row([creditLineText(l, locale), l.percent, kroner(l.amountOre)]));
  lines.push(row([c("report.sum"), f.credit.percent, kroner(f.credit.amountOre)]));
  // A refund settled per quarter says so (the other schemes' CSV is unchanged).
  if (f.credit.servicePeriod) lines.push(row([creditNoteText(f.credit, locale)]));
  // Time to solution (issue 19): informational, its own section at the end, absent in months frozen before it.
  if (f.resolution) {
    lines.push("");
    lines.push(row([c("related.report.resolution.csvSolved"), c("related.report.resolution.csvMedian"), c("related.report.resolution.csvAverage")]));
    lines.push(row([f.resolution.solved, f.resolution.medianMinutes, f.resolution.averageMinutes]));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
