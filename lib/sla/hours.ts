import { SlaInputError } from "./errors";
import { MINUTE_MS } from "./local-date";

/** Open hours of one local date: local wall-clock "HH:MM" ranges [start, end); an end may be "24:00". */
export type Hours = Array<[string, string]>;

/** Validated hours as ms of the local day, sorted, non-overlapping: [start, end). */
export type DayHours = ReadonlyArray<readonly [number, number]>;

const WALL_TIME = /^(\d{2}):(\d{2})$/;

export function parseWallTime(value: unknown, field: string, isEnd: boolean): number {
  const m = typeof value === "string" ? WALL_TIME.exec(value) : null;
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  const valid = m !== null && ((h <= 23 && min <= 59) || (isEnd && h === 24 && min === 0));
  if (!valid) {
    throw new SlaInputError(field, `${JSON.stringify(value)} is not a wall-clock time "HH:MM" (00:00–23:59${isEnd ? ", or 24:00 as an end" : ""})`);
  }
  return (h * 60 + min) * MINUTE_MS;
}

/** Validates one date's hours: each a ["HH:MM", "HH:MM"] pair, end after start, no overlaps. */
export function compileHours(hours: unknown, field: string): DayHours {
  if (!Array.isArray(hours)) {
    throw new SlaInputError(field, `expected a list of ["HH:MM", "HH:MM"] ranges, got ${JSON.stringify(hours)}`);
  }
  const ranges: Array<[number, number]> = hours.map((range: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!Array.isArray(range) || range.length !== 2) {
      throw new SlaInputError(f, `expected ["HH:MM", "HH:MM"], got ${JSON.stringify(range)}`);
    }
    const start = parseWallTime(range[0], `${f}[0]`, false);
    const end = parseWallTime(range[1], `${f}[1]`, true);
    if (end <= start) {
      throw new SlaInputError(f, `end ${String(range[1])} is not after start ${String(range[0])}`);
    }
    return [start, end];
  });
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1]!;
    const cur = ranges[i]!;
    if (cur[0] < prev[1]) {
      throw new SlaInputError(field, `open hours overlap (${fmt(prev)} and ${fmt(cur)})`);
    }
  }
  return ranges;
}

function fmt(r: readonly [number, number]): string {
  const hhmm = (ms: number) => {
    const m = ms / MINUTE_MS;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  return `${hhmm(r[0])}–${hhmm(r[1])}`;
}
