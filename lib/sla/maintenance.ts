import { toInstant } from "./business-time";
import { SlaInputError } from "./errors";
import { parseWallTime } from "./hours";
import type { Interval } from "./intervals";
import { DAY_MS, weekdayIndex, WEEKDAYS, type Day } from "./local-date";
import { assertTimeZone, instantOfWallTime, localDayNumberOf } from "./time-zone";

/**
 * Recurring maintenance windows in local wall-clock time. A window whose end is not after its
 * start crosses midnight and ends on the next local date (Netpower Wed 23:59–05:59 ends Thursday).
 */
export type MaintenanceRule =
  /** Every week on `day` (e.g. Netpower: Wednesday 23:59–05:59). */
  (
    | { kind: "weekly"; timeZone: string; day: Day; start: string; end: string }
    /** Every day (e.g. Nettsoft 01:00–06:00). */
    | { kind: "daily"; timeZone: string; start: string; end: string }
    /** The nth `day` of each month (e.g. Sodvin: the night to the third Tuesday, 00:00–06:00). */
    | { kind: "monthly_nth_weekday"; timeZone: string; nth: 1 | 2 | 3 | 4 | 5; day: Day; start: string; end: string }
  ) & {
    /**
     * The window is only where maintenance is normally done, not an automatic exclusion: downtime
     * in it counts unless maintenance was announced for it (Netpower 000 §8: "Det er ikke
     * automatikk i nedetid i dette intervallet"). The announced one-off window is what excludes.
     */
    announcedOnly?: boolean;
  };

/** The windows that take downtime out by themselves (not the announced-only ones). */
export const isAutomaticMaintenance = (rule: MaintenanceRule): boolean => rule.announcedOnly !== true;

/** Expands a rule into concrete windows overlapping [period.from, period.to), clipped to it. */
export function expandMaintenanceWindows(rule: MaintenanceRule, period: { from: Date; to: Date }): Array<{ from: Date; to: Date }> {
  const zone = assertTimeZone(rule.timeZone, "rule.timeZone");
  const from = toInstant(period.from, "period.from");
  const to = toInstant(period.to, "period.to");
  if (to < from) throw new SlaInputError("period.to", "is before period.from");
  const start = parseWallTime(rule.start, "rule.start", false);
  const end = parseWallTime(rule.end, "rule.end", true);
  const crossesMidnight = end <= start;
  const matches = dayMatcher(rule);
  const out: Interval[] = [];
  // From the local date before the period (a window crossing midnight) to the last local date.
  const first = localDayNumberOf(zone, from) - 1;
  const last = localDayNumberOf(zone, Math.max(from, to - 1));
  for (let d = first; d <= last; d++) {
    if (!matches(d)) continue;
    const s = instantOfWallTime(zone, d, start);
    const e = crossesMidnight ? instantOfWallTime(zone, d + 1, end) : instantOfWallTime(zone, d, end);
    const cs = Math.max(s, from);
    const ce = Math.min(e, to);
    if (cs < ce) out.push({ from: cs, to: ce });
  }
  return out.map((i) => ({ from: new Date(i.from), to: new Date(i.to) }));
}

function dayMatcher(rule: MaintenanceRule): (dayNumber: number) => boolean {
  switch (rule.kind) {
    case "daily":
      return () => true;
    case "weekly": {
      const idx = WEEKDAYS.indexOf(rule.day);
      if (idx < 0) throw new SlaInputError("rule.day", `unknown weekday ${JSON.stringify(rule.day)}`);
      return (d) => weekdayIndex(d) === idx;
    }
    case "monthly_nth_weekday": {
      const idx = WEEKDAYS.indexOf(rule.day);
      if (idx < 0) throw new SlaInputError("rule.day", `unknown weekday ${JSON.stringify(rule.day)}`);
      if (![1, 2, 3, 4, 5].includes(rule.nth)) throw new SlaInputError("rule.nth", `expected 1–5, got ${String(rule.nth)}`);
      return (d) => {
        if (weekdayIndex(d) !== idx) return false;
        const dayOfMonth = new Date(d * DAY_MS).getUTCDate();
        return Math.ceil(dayOfMonth / 7) === rule.nth;
      };
    }
    default:
      throw new SlaInputError("rule.kind", `unknown maintenance rule ${JSON.stringify((rule as { kind: unknown }).kind)}`);
  }
}
