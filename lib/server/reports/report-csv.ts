import "server-only";
/**
 * A report as CSV for Norwegian Excel: UTF-8 with BOM, `;` between fields, decimal comma, CRLF
 * line ends. Sections (summary, breaches, exclusions, incidents, credit lines) each start with a
 * header row.
 */
import type { ReportFigures } from "./figures";
import { REPORT_TIME_ZONE } from "./month";
import { csvCell } from "../csv";

const SEP = ";";
/** Oslo local time as "2026-04-07 09:00", which Excel reads as a date and time. */
const local = new Intl.DateTimeFormat("sv-SE", { timeZone: REPORT_TIME_ZONE, dateStyle: "short", timeStyle: "short" });
const when = (iso: string | null) => (iso ? local.format(new Date(iso)) : "");
const decimal = (x: number | null, digits = 4) => (x === null ? "" : String(Number(x.toFixed(digits))).replace(".", ","));
const kroner = (ore: number | null) => (ore === null ? "" : (ore / 100).toFixed(2).replace(".", ","));

const row = (values: Array<string | number | boolean | null>) => values.map((v) => csvCell(v, SEP, (n) => decimal(n))).join(SEP);

export function reportCsv(f: ReportFigures): string {
  const lines: string[] = [];
  lines.push(row(["Kunde", "Måned", "Avtale", "Saker registrert", "Målt", "Innenfor responstid", "Brudd", "Venter", "Unntatt", "Ikke dekket", "Andel innenfor (%)", "Krav (%)", "Oppetid (%)", "Nedetid (min)", "Total tid (min)", "Kreditt (%)", "Kreditt (kr)"]));
  lines.push(row([
    f.organization.name, f.month, f.agreement?.name ?? "", f.tickets.registered, f.tickets.measured, f.tickets.met, f.tickets.breached, f.tickets.pending,
    f.tickets.excluded, f.tickets.notCovered, f.tickets.percent, f.thresholdPercent, f.uptime.percent, f.uptime.downtimeMinutes, f.uptime.totalMinutes,
    f.credit.percent, kroner(f.credit.amountOre),
  ]));
  lines.push("");
  lines.push(row(["Brudd: sak", "Tittel", "Prioritet", "Registrert (Oslo)", "Mål (min)", "Brukt arbeidstid (min)", "For sent, arbeidstid (min)", "For sent, klokketid (min)", "Brudd kl.", "Besvart", "Fortsatt åpen"]));
  for (const b of f.breaches) {
    lines.push(row([b.reference, b.title, b.priority, when(b.registeredAt), b.targetMinutes, b.usedMinutes, b.lateBusinessMinutes, b.lateWallMinutes, when(b.breachedAt), when(b.stoppedAt), b.stillRunning ? "ja" : "nei"]));
  }
  lines.push("");
  lines.push(row(["Unntatt: sak", "Prioritet", "Status", "Grunn"]));
  for (const e of f.exclusions) lines.push(row([e.reference, e.priority, e.state, e.reason]));
  lines.push("");
  lines.push(row(["Hendelse: tjeneste", "Årsak", "Start", "Slutt", "Teller", "Unntaksgrunn"]));
  for (const i of f.uptime.incidents) lines.push(row([i.service, i.cause, when(i.startedAt), when(i.endedAt), i.counts ? "ja" : "nei", i.exclusionReason]));
  lines.push("");
  lines.push(row(["Kredittlinje", "Prosent", "Beløp (kr)"]));
  for (const l of f.credit.lines) lines.push(row([l.label, l.percent, kroner(l.amountOre)]));
  lines.push(row(["Sum", f.credit.percent, kroner(f.credit.amountOre)]));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
