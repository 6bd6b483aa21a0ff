import "server-only";
/**
 * What a calendar means in practice, computed by lib/sla: the next open periods from an instant,
 * and the coming closed days (public holidays and the calendar's own closed dates).
 */
import { compileCalendar, norwegianPublicHolidays, type CalendarSpec } from "../../sla";

export interface OpenPeriod {
  start: Date;
  end: Date;
}

export interface ComingDay {
  /** Local date "YYYY-MM-DD". */
  date: string;
  kind: "holiday" | "closed" | "special";
  /** Holiday name, the date's note, or the special hours. */
  label: string;
}

const SEARCH_DAYS = 400;

/** The next `count` open periods from `from` (a period already running starts at `from`). */
export function nextOpenPeriods(spec: CalendarSpec, from: Date, count: number): OpenPeriod[] {
  const cal = compileCalendar(spec);
  const t = from.getTime();
  const periods: OpenPeriod[] = [];
  const first = cal.dayNumberOf(t);
  for (let n = first; n < first + SEARCH_DAYS && periods.length < count && !cal.exhaustedFrom(n); n++) {
    const { open } = cal.day(n);
    for (let i = 0; i + 1 < open.length && periods.length < count; i += 2) {
      const s = open[i]!;
      const e = open[i + 1]!;
      if (e <= t) continue;
      const last = periods[periods.length - 1];
      // an open period running across midnight is one period
      if (last && last.end.getTime() === s) last.end = new Date(e);
      else periods.push({ start: new Date(Math.max(s, t)), end: new Date(e) });
    }
  }
  return periods;
}

/** Public holidays (when the calendar closes on them) and dated exceptions in [today, until), soonest first. */
export function comingDays(spec: CalendarSpec, notes: Record<string, string | null>, today: string, until: string): ComingDay[] {
  const days: ComingDay[] = [];
  if (spec.holidays?.country === "NO") {
    const year = Number(today.slice(0, 4));
    for (const y of [year, year + 1]) for (const h of norwegianPublicHolidays(y)) if (h.date >= today && h.date < until) days.push({ date: h.date, kind: "holiday", label: h.name });
  }
  for (const date of spec.closedDates ?? []) if (date >= today && date < until) days.push({ date, kind: "closed", label: notes[date] ?? "" });
  for (const [date, hours] of Object.entries(spec.specialHours ?? {})) {
    if (date >= today && date < until) days.push({ date, kind: "special", label: hours.map(([s, e]) => `${s}–${e}`).join(", ") });
  }
  const rank = { special: 0, closed: 1, holiday: 2 } as const;
  days.sort((a, b) => a.date.localeCompare(b.date) || rank[a.kind] - rank[b.kind]);
  // a special-hours or closed date wins over the holiday on the same date
  const seen = new Set<string>();
  return days.filter((d) => (seen.has(d.date) ? false : (seen.add(d.date), true)));
}

/** Today's local date in a time zone. */
export function localDateIn(timeZone: string, at: Date): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}
