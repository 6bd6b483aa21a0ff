import { SlaInputError } from "./errors";
import { isNorwegianHoliday } from "./holidays";
import { compileHours, type DayHours, type Hours } from "./hours";
import { DAY_MS, dayNumberFromIsoDate, weekdayIndex, WEEKDAYS, yearOf, type Day } from "./local-date";
import { assertTimeZone, computeZoneDay, offsetAt, zoneDay, type ZoneDay } from "./time-zone";

export type { Day } from "./local-date";
export type { Hours } from "./hours";

/** A business calendar as data (what the database stores). */
export interface CalendarSpec {
  /** IANA time zone, e.g. "Europe/Oslo". */
  timeZone: string;
  /** Open hours per weekday; a missing day is closed. */
  weekly: Partial<Record<Day, Hours>>;
  /** Official Norwegian public holidays are closed all day. */
  holidays?: { country: "NO" };
  /** Extra closed local dates, "YYYY-MM-DD". */
  closedDates?: string[];
  /** Hours that replace a local date's hours (wins over closed dates, holidays and weekly). */
  specialHours?: Record<string, Hours>;
}

/** One local date's open time as UTC epoch-ms intervals (sorted, merged). */
export interface CalendarDay {
  /** Local date as day number (days since 1970-01-01). */
  day: number;
  /** First instant of the local date. */
  start: number;
  /** First instant of the next local date. */
  end: number;
  /** Flat list [s0, e0, s1, e1, …] of open instants [s, e). */
  open: number[];
  /** Open ms on this date. */
  total: number;
}

const EMPTY: DayHours = [];

/**
 * A validated, compiled calendar. Open intervals per local date are computed lazily and cached,
 * so deadline arithmetic can skip whole days by their totals.
 */
export class Calendar {
  readonly timeZone: string;
  readonly spec: Readonly<CalendarSpec>;
  /** True when some weekday has open hours (then open time never runs out). */
  readonly hasWeeklyOpenTime: boolean;
  /** Last special date with open hours (day number), or −Infinity. */
  readonly lastSpecialOpenDay: number;
  private readonly weekly: DayHours[];
  private readonly closed: ReadonlySet<number>;
  private readonly special: ReadonlyMap<number, DayHours>;
  private readonly norwegianHolidays: boolean;
  private readonly days = new Map<number, CalendarDay>();
  private lastOffset = 0;

  /** @internal use compileCalendar */
  constructor(spec: CalendarSpec) {
    if (spec === null || typeof spec !== "object") throw new SlaInputError("calendar", "expected a calendar spec object");
    this.timeZone = assertTimeZone(spec.timeZone, "timeZone");
    if (spec.weekly === null || typeof spec.weekly !== "object" || Array.isArray(spec.weekly)) {
      throw new SlaInputError("weekly", "expected an object of open hours per weekday (mon … sun)");
    }
    this.weekly = WEEKDAYS.map(() => EMPTY);
    for (const [key, hours] of Object.entries(spec.weekly)) {
      const idx = WEEKDAYS.indexOf(key as Day);
      if (idx < 0) throw new SlaInputError(`weekly.${key}`, `unknown weekday (use ${WEEKDAYS.join(", ")})`);
      if (hours === undefined) continue;
      this.weekly[idx] = compileHours(hours, `weekly.${key}`);
    }
    if (spec.holidays !== undefined) {
      if (spec.holidays === null || typeof spec.holidays !== "object" || spec.holidays.country !== "NO") {
        throw new SlaInputError("holidays.country", `only "NO" (Norwegian public holidays) is supported, got ${JSON.stringify(spec.holidays)}`);
      }
    }
    this.norwegianHolidays = spec.holidays?.country === "NO";
    if (spec.closedDates !== undefined && !Array.isArray(spec.closedDates)) {
      throw new SlaInputError("closedDates", 'expected a list of local dates "YYYY-MM-DD"');
    }
    this.closed = new Set((spec.closedDates ?? []).map((d, i) => dayNumberFromIsoDate(d, `closedDates[${i}]`)));
    const special = new Map<number, DayHours>();
    if (spec.specialHours !== undefined) {
      if (spec.specialHours === null || typeof spec.specialHours !== "object" || Array.isArray(spec.specialHours)) {
        throw new SlaInputError("specialHours", 'expected an object from local date "YYYY-MM-DD" to hours');
      }
      for (const [date, hours] of Object.entries(spec.specialHours)) {
        special.set(dayNumberFromIsoDate(date, `specialHours["${date}"]`), compileHours(hours, `specialHours["${date}"]`));
      }
    }
    this.special = special;
    this.hasWeeklyOpenTime = this.weekly.some((h) => h.length > 0);
    let last = -Infinity;
    for (const [day, hours] of special) if (hours.length > 0 && day > last) last = day;
    this.lastSpecialOpenDay = last;
    if (!this.hasWeeklyOpenTime && last === -Infinity) {
      throw new SlaInputError("weekly", "the calendar has no open time at all (no weekly hours and no special hours)");
    }
    this.spec = structuredClone(spec);
  }

  /** The open hours (ms of the local day) that apply to a local date. */
  hoursOn(dayNumber: number): DayHours {
    const special = this.special.get(dayNumber);
    if (special) return special;
    if (this.closed.has(dayNumber)) return EMPTY;
    if (this.norwegianHolidays && isNorwegianHoliday(dayNumber, yearOf(dayNumber))) return EMPTY;
    return this.weekly[weekdayIndex(dayNumber)] ?? EMPTY;
  }

  /** Cached open intervals of a local date. */
  day(dayNumber: number): CalendarDay {
    let d = this.days.get(dayNumber);
    if (!d) {
      d = openIntervals(zoneDay(this.timeZone, dayNumber), dayNumber, this.hoursOn(dayNumber));
      this.days.set(dayNumber, d);
    }
    return d;
  }

  /** Uncached open intervals of a local date (recomputes the time-zone split too): the reference path. */
  computeDayUncached(dayNumber: number): CalendarDay {
    return openIntervals(computeZoneDay(this.timeZone, dayNumber), dayNumber, this.hoursOn(dayNumber));
  }

  /** The local date that instant t falls on (uses the cached day spans; no Intl call once warm). */
  dayNumberOf(t: number): number {
    let n = Math.floor((t + this.lastOffset) / DAY_MS);
    let d = this.day(n);
    if (t < d.start || t >= d.end) {
      n = Math.floor((t + offsetAt(this.timeZone, t)) / DAY_MS);
      d = this.day(n);
      // skipped dates (no instants) and rounding: step to the date that holds t
      while (t < d.start) d = this.day(--n);
      while (t >= d.end) d = this.day(++n);
      this.lastOffset = n * DAY_MS - d.start;
    }
    return n;
  }

  /** True when no open time can exist on or after this local date. */
  exhaustedFrom(dayNumber: number): boolean {
    return !this.hasWeeklyOpenTime && dayNumber > this.lastSpecialOpenDay;
  }
}

function openIntervals(zd: ZoneDay, dayNumber: number, hours: DayHours): CalendarDay {
  const open: number[] = [];
  let total = 0;
  if (hours.length > 0) {
    const wallStart = dayNumber * DAY_MS;
    const raw: Array<[number, number]> = [];
    for (const seg of zd.segments) {
      for (const [s, e] of hours) {
        const from = Math.max(seg.from, wallStart + s - seg.offset);
        const to = Math.min(seg.to, wallStart + e - seg.offset);
        if (from < to) raw.push([from, to]);
      }
    }
    raw.sort((a, b) => a[0] - b[0]);
    for (const [from, to] of raw) {
      const lastEnd = open[open.length - 1];
      if (lastEnd !== undefined && from <= lastEnd) {
        if (to > lastEnd) {
          total += to - lastEnd;
          open[open.length - 1] = to;
        }
      } else {
        open.push(from, to);
        total += to - from;
      }
    }
  }
  return { day: dayNumber, start: zd.start, end: zd.end, open, total };
}

/** Validates a calendar spec and compiles it. Throws SlaInputError naming the bad field. */
export function compileCalendar(spec: CalendarSpec): Calendar {
  return new Calendar(spec);
}

const compiled = new Map<string, Calendar>();

/** compileCalendar memoised by the spec's content (agreement versions share calendars). */
export function calendarFor(spec: CalendarSpec): Calendar {
  const key = JSON.stringify(spec);
  let cal = compiled.get(key);
  if (!cal) {
    cal = compileCalendar(spec);
    if (compiled.size >= 256) compiled.clear();
    compiled.set(key, cal);
  }
  return cal;
}
