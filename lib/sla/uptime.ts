import { businessMsBetween, toInstant } from "./business-time";
import type { Calendar } from "./calendar";
import { SlaInputError } from "./errors";
import { clip, subtract, unionOf, type Interval } from "./intervals";
import { MINUTE_MS } from "./local-date";

export interface UptimeInput {
  period: { from: Date; to: Date };
  /** Time the uptime guarantee applies to (e.g. Nettsoft core time); omitted: all the time. */
  coverage?: Calendar;
  /** Downtime intervals; `counts: false` marks an exception (customer-caused, force majeure, …). */
  downtime: Array<{ from: Date; to: Date; counts?: boolean }>;
  /** Planned maintenance windows (see expandMaintenanceWindows). */
  maintenance: Array<{ from: Date; to: Date }>;
  /**
   * Also take maintenance windows out of the total time (Nettsoft 002 §6.2: "Alle
   * vedlikeholdsvinduer trekkes fra i sin helhet"). Default false: the total is the whole
   * covered period and maintenance only stops downtime from counting (Pureservice 003 §4.4).
   */
  maintenanceReducesTotal?: boolean;
}

export interface UptimeResult {
  totalMinutes: number;
  downtimeMinutes: number;
  /** (total − downtime) / total · 100; 100 when the total is 0. */
  percent: number;
}

/**
 * Uptime of a period: downtime that counts, minus maintenance windows, measured only inside
 * coverage; overlapping downtime intervals are counted once.
 */
export function computeUptime(input: UptimeInput): UptimeResult {
  const from = toInstant(input.period?.from, "period.from");
  const to = toInstant(input.period?.to, "period.to");
  if (to < from) throw new SlaInputError("period.to", "is before period.from");
  const read = (list: unknown, field: string): Array<Interval & { counts: boolean }> => {
    if (!Array.isArray(list)) throw new SlaInputError(field, "expected a list of {from, to} intervals");
    return list.map((x: { from: Date; to: Date; counts?: boolean }, i) => {
      const f = toInstant(x.from, `${field}[${i}].from`);
      const t = toInstant(x.to, `${field}[${i}].to`);
      if (t < f) throw new SlaInputError(`${field}[${i}].to`, "is before from");
      return { from: f, to: t, counts: x.counts !== false };
    });
  };
  const maintenance = clip(unionOf(read(input.maintenance, "maintenance")), from, to);
  const downtime = subtract(
    clip(
      read(input.downtime, "downtime").filter((d) => d.counts),
      from,
      to,
    ),
    maintenance,
  );
  const measure = (intervals: Interval[]) => intervals.reduce((sum, i) => sum + (input.coverage ? businessMsBetween(input.coverage, i.from, i.to) : i.to - i.from), 0);
  let totalMs = measure([{ from, to }]);
  if (input.maintenanceReducesTotal) totalMs -= measure(maintenance);
  const downMs = measure(downtime);
  return {
    totalMinutes: totalMs / MINUTE_MS,
    downtimeMinutes: downMs / MINUTE_MS,
    percent: totalMs === 0 ? 100 : ((totalMs - downMs) / totalMs) * 100,
  };
}
