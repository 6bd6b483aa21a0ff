import "server-only";
/** What changed between a closed (frozen) report and a fresh computation of the same month. */
import type { ReportFigures } from "./figures";

export interface FigureDifference {
  field: string;
  frozen: unknown;
  fresh: unknown;
}

const FIELDS: Array<[string, (f: ReportFigures) => unknown]> = [
  ["agreement.versionId", (f) => f.agreement?.versionId ?? null],
  ["thresholdPercent", (f) => f.thresholdPercent],
  ["tickets.registered", (f) => f.tickets.registered],
  ["tickets.measured", (f) => f.tickets.measured],
  ["tickets.met", (f) => f.tickets.met],
  ["tickets.breached", (f) => f.tickets.breached],
  ["tickets.pending", (f) => f.tickets.pending],
  ["tickets.excluded", (f) => f.tickets.excluded],
  ["tickets.notCovered", (f) => f.tickets.notCovered],
  ["tickets.percent", (f) => f.tickets.percent],
  ["uptime.totalMinutes", (f) => f.uptime.totalMinutes],
  ["uptime.downtimeMinutes", (f) => f.uptime.downtimeMinutes],
  ["uptime.percent", (f) => f.uptime.percent],
  ["credit.percent", (f) => f.credit.percent],
  ["credit.amountOre", (f) => f.credit.amountOre],
];

const keyed = <T>(list: T[], key: (x: T) => string) => new Map(list.map((x) => [key(x), JSON.stringify(x)]));

function listDifferences<T>(field: string, frozen: T[], fresh: T[], key: (x: T) => string): FigureDifference[] {
  const a = keyed(frozen, key);
  const b = keyed(fresh, key);
  const out: FigureDifference[] = [];
  for (const [k, v] of a) {
    if (!b.has(k)) out.push({ field: `${field}[${k}]`, frozen: JSON.parse(v), fresh: null });
    else if (b.get(k) !== v) out.push({ field: `${field}[${k}]`, frozen: JSON.parse(v), fresh: JSON.parse(b.get(k)!) });
  }
  for (const [k, v] of b) if (!a.has(k)) out.push({ field: `${field}[${k}]`, frozen: null, fresh: JSON.parse(v) });
  return out;
}

export function diffFigures(frozen: ReportFigures, fresh: ReportFigures): FigureDifference[] {
  const scalars = FIELDS.flatMap(([field, read]) => {
    const a = read(frozen);
    const b = read(fresh);
    return a === b ? [] : [{ field, frozen: a, fresh: b }];
  });
  // Wall-clock lateness of an open breach grows with time; compare what was decided.
  const breachKey = (b: ReportFigures["breaches"][number]) => ({ ticketId: b.ticketId, targetMinutes: b.targetMinutes, breachedAt: b.breachedAt });
  return [
    ...scalars,
    ...listDifferences("breaches", frozen.breaches.map(breachKey), fresh.breaches.map(breachKey), (b) => b.ticketId),
    ...listDifferences("exclusions", frozen.exclusions, fresh.exclusions, (e) => e.ticketId),
    ...listDifferences("incidents", frozen.uptime.incidents, fresh.uptime.incidents, (i) => i.id),
  ];
}
