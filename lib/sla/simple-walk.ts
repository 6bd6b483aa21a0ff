import type { Calendar } from "./calendar";
import { SlaHorizonError } from "./errors";
import { MINUTE_MS } from "./local-date";
import { localDayNumberOf } from "./time-zone";
import { HORIZON_DAYS } from "./business-time";

/**
 * The simplest correct reference for deadline arithmetic: walk day by day from the start's
 * local date, recomputing each date's open intervals from scratch (no cache). Used by the
 * benchmark as the baseline and by tests as a second opinion.
 */
export function addBusinessMinutesSimpleWalk(cal: Calendar, start: Date, minutes: number): Date {
  const t = start.getTime();
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(t);
  let n = localDayNumberOf(cal.timeZone, t);
  for (let walked = 0; walked <= HORIZON_DAYS * 2; walked++, n++) {
    const day = cal.computeDayUncached(n);
    for (let i = 0; i < day.open.length; i += 2) {
      const s = Math.max(day.open[i]!, t);
      const e = day.open[i + 1]!;
      if (s >= e) continue;
      if (e - s >= remaining) return new Date(s + remaining);
      remaining -= e - s;
    }
  }
  throw new SlaHorizonError("no open time within the horizon");
}
