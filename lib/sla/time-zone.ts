import { SlaInputError } from "./errors";
import { DAY_MS } from "./local-date";

/**
 * UTC offsets from the platform's IANA database (Intl.DateTimeFormat), and the split of a
 * local date into constant-offset segments. Offsets are in milliseconds (local wall − UTC).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Throws SlaInputError unless `zone` is an IANA time zone the platform knows. */
export function assertTimeZone(zone: unknown, field: string): string {
  if (typeof zone !== "string" || zone.length === 0) {
    throw new SlaInputError(field, `expected an IANA time zone such as "Europe/Oslo", got ${JSON.stringify(zone)}`);
  }
  try {
    formatterFor(zone);
  } catch {
    throw new SlaInputError(field, `unknown time zone "${zone}"`);
  }
  return zone;
}

/** Offset (local wall-clock − UTC) in ms at instant t. */
export function offsetAt(zone: string, t: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(t));
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0;
  for (const p of parts) {
    switch (p.type) {
      case "year":
        y = Number(p.value);
        break;
      case "month":
        mo = Number(p.value);
        break;
      case "day":
        d = Number(p.value);
        break;
      case "hour":
        h = Number(p.value);
        break;
      case "minute":
        mi = Number(p.value);
        break;
      case "second":
        s = Number(p.value);
        break;
      default:
        break;
    }
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const wholeSecond = t - (((t % 1000) + 1000) % 1000);
  return wall - wholeSecond;
}

/** A piece of a local date during which the offset is constant: instants [from, to). */
export interface OffsetSegment {
  from: number;
  to: number;
  offset: number;
}

/** The instants of one local date: [start, end), split at offset transitions. */
export interface ZoneDay {
  start: number;
  end: number;
  segments: OffsetSegment[];
}

const SAMPLE_STEP = 6 * 3_600_000;
const WINDOW_PAD = 15 * 3_600_000; // offsets lie within −12 h … +14 h

/** Uncached computation of a local date's instants in `zone`. */
export function computeZoneDay(zone: string, dayNumber: number): ZoneDay {
  const wallStart = dayNumber * DAY_MS;
  const wallEnd = wallStart + DAY_MS;
  const lo = wallStart - WINDOW_PAD;
  const hi = wallEnd + WINDOW_PAD;
  // Constant-offset pieces of the window [lo, hi): sample every 6 h, binary-search transitions.
  const pieces: OffsetSegment[] = [];
  let pieceStart = lo;
  let t0 = lo;
  let off0 = offsetAt(zone, lo);
  while (t0 < hi) {
    const t1 = Math.min(t0 + SAMPLE_STEP, hi);
    if (offsetAt(zone, t1) === off0) {
      t0 = t1;
      continue;
    }
    let a = t0;
    let b = t1; // offset(a) = off0, offset(b) != off0: the transition is in (a, b]
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (offsetAt(zone, mid) === off0) a = mid;
      else b = mid;
    }
    pieces.push({ from: pieceStart, to: b, offset: off0 });
    pieceStart = b;
    off0 = offsetAt(zone, b);
    t0 = b;
  }
  pieces.push({ from: pieceStart, to: hi, offset: off0 });

  const segments: OffsetSegment[] = [];
  for (const p of pieces) {
    const from = Math.max(p.from, wallStart - p.offset);
    const to = Math.min(p.to, wallEnd - p.offset);
    if (from < to) segments.push({ from, to, offset: p.offset });
  }
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) {
    // A whole local date skipped (e.g. Pacific/Apia 2011-12-30): it has no instants.
    let at = hi;
    for (const p of pieces) {
      if (wallStart - p.offset < p.to) {
        at = Math.max(p.from, wallStart - p.offset);
        break;
      }
    }
    return { start: at, end: at, segments: [] };
  }
  return { start: first.from, end: last.to, segments };
}

const zoneDays = new Map<string, Map<number, ZoneDay>>();

/** Cached computeZoneDay (per zone, per local date). */
export function zoneDay(zone: string, dayNumber: number): ZoneDay {
  let days = zoneDays.get(zone);
  if (!days) {
    days = new Map();
    zoneDays.set(zone, days);
  }
  let d = days.get(dayNumber);
  if (!d) {
    d = computeZoneDay(zone, dayNumber);
    days.set(dayNumber, d);
  }
  return d;
}

/** The local date (day number) that instant t falls on in `zone`. */
export function localDayNumberOf(zone: string, t: number): number {
  return Math.floor((t + offsetAt(zone, t)) / DAY_MS);
}

/**
 * The first instant whose local wall-clock time on `dayNumber` is at or after `msOfDay`
 * (a wall time inside a spring-forward gap maps to the end of the gap; a repeated
 * fall-back time maps to its first occurrence). msOfDay may be 24 h (the next day's start).
 */
export function instantOfWallTime(zone: string, dayNumber: number, msOfDay: number): number {
  const day = zoneDay(zone, dayNumber);
  const wall = dayNumber * DAY_MS + msOfDay;
  for (const s of day.segments) {
    const t = wall - s.offset;
    if (t < s.from) return s.from;
    if (t < s.to) return t;
  }
  return day.end;
}
