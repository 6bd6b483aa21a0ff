/**
 * The on-call rota's weekly patterns (issue 18), pure: a cycle of weeks ("week A: Vilde primary,
 * Lise backup; week B: …") laid over the hours on-call must be covered, and the gaps where nobody
 * is primary. Weeks run Monday 00:00 to Monday 00:00 in the rota's zone, so a shift's week is the
 * local date it starts on, whatever the UTC offset (daylight saving). A pattern is in force from its
 * first Monday until a later pattern's first Monday (like an agreement's versions).
 *
 * The zone is data, passed to every function that reads a wall clock (the installation's TIME_ZONE,
 * given by lib/server), as each business-hours calendar names its own. The vakttelefon hours are
 * the contract's (lib/sla/oncall.ts) and keep the zone that contract names.
 */
import { subtract, unionOf, type Interval } from "./intervals";
import { dayNumberFromIsoDate, DAY_MS, isoDateOf, weekdayIndex } from "./local-date";
import { vakttelefonIntervals } from "./oncall";
import { instantOfWallTime, localDayNumberOf } from "./time-zone";

/** The hours a pattern's shifts (and the required coverage) span: the vakttelefon hours, or every hour. */
export type RotaHours = "vakttelefon" | "24/7";

export interface PatternWeek {
  primaryUserId: string;
  backupUserId: string | null;
}

export interface RotaPattern {
  id: string;
  /** The Monday (local date, YYYY-MM-DD) its week A starts. */
  startsOn: string;
  hours: RotaHours;
  /** Week A, B, … in order; cycles. At least one. */
  weeks: readonly PatternWeek[];
}

export interface PatternShift {
  patternId: string;
  userId: string;
  /** 0 = primary, 1 = backup. */
  position: number;
  startsAt: Date;
  endsAt: Date;
  /** Which week of the cycle (0 = A). */
  weekIndex: number;
}

/** True when the local date YYYY-MM-DD is a Monday. */
export function isMonday(isoDate: string): boolean {
  return weekdayIndex(dayNumberFromIsoDate(isoDate, "startsOn")) === 1;
}

/** The Monday (local date) of the week `at` falls in, in `zone`. */
export function mondayOf(at: Date, zone: string): string {
  const day = localDayNumberOf(zone, at.getTime());
  return isoDateOf(day - ((weekdayIndex(day) + 6) % 7));
}

/** The instant a local date starts (00:00 in `zone`). */
export function startOfLocalDate(isoDate: string, zone: string): Date {
  return new Date(instantOfWallTime(zone, dayNumberFromIsoDate(isoDate, "date"), 0));
}

/** Whole local days [00:00, next 00:00) that end after `from` and start before `to` (23 or 25 h on DST days). */
function wholeDays(from: Date, to: Date, zone: string): Array<{ startsAt: Date; endsAt: Date }> {
  const out: Array<{ startsAt: Date; endsAt: Date }> = [];
  for (let n = localDayNumberOf(zone, from.getTime()); ; n++) {
    const s = instantOfWallTime(zone, n, 0);
    if (s >= to.getTime()) return out;
    const e = instantOfWallTime(zone, n + 1, 0);
    if (e > from.getTime()) out.push({ startsAt: new Date(s), endsAt: new Date(e) });
  }
}

/** The intervals of `hours` that end after `from` and start before `to` (not clipped), in order; 24/7 hours are whole days in `zone`. */
export function coverageIntervals(hours: RotaHours, from: Date, to: Date, zone: string): Array<{ startsAt: Date; endsAt: Date }> {
  return hours === "24/7" ? wholeDays(from, to, zone) : vakttelefonIntervals(from, to);
}

/**
 * The shifts the patterns give over the intervals of their hours that end after `from` and start
 * before `to` (an interval running at `from` is included whole). Each interval belongs to the week
 * of the local date (in `zone`) it starts on; the pattern in force that week is the one with the latest
 * `startsOn` not after it, and its week (weeks since startsOn, modulo the cycle) names the primary
 * and the backup. Weeks before every pattern get nothing.
 */
export function expandPatterns(patterns: readonly RotaPattern[], from: Date, to: Date, zone: string): PatternShift[] {
  const sorted = patterns.filter((p) => p.weeks.length > 0).sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  if (sorted.length === 0 || to <= from) return [];
  const out: PatternShift[] = [];
  const byHours = new Map<RotaHours, Array<{ startsAt: Date; endsAt: Date }>>();
  for (const pattern of sorted) if (!byHours.has(pattern.hours)) byHours.set(pattern.hours, coverageIntervals(pattern.hours, from, to, zone));
  for (const [hours, intervals] of byHours) {
    for (const interval of intervals) {
      const monday = mondayOf(interval.startsAt, zone);
      let inForce: RotaPattern | undefined;
      for (const p of sorted) if (p.startsOn <= monday) inForce = p;
      if (!inForce || inForce.hours !== hours) continue;
      const weeksSince = Math.round((dayNumberFromIsoDate(monday, "monday") - dayNumberFromIsoDate(inForce.startsOn, "startsOn")) / 7);
      const weekIndex = weeksSince % inForce.weeks.length;
      const week = inForce.weeks[weekIndex]!;
      out.push({ patternId: inForce.id, userId: week.primaryUserId, position: 0, startsAt: interval.startsAt, endsAt: interval.endsAt, weekIndex });
      if (week.backupUserId) out.push({ patternId: inForce.id, userId: week.backupUserId, position: 1, startsAt: interval.startsAt, endsAt: interval.endsAt, weekIndex });
    }
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position);
}

export interface TimedShift {
  startsAt: Date;
  endsAt: Date;
  position: number;
}

/**
 * The pattern's shifts with the periods other shifts hold at the same position cut out (an
 * override, a swap or a shift set by hand is never overwritten): a shift partly covered becomes
 * the pieces left, a shift wholly covered disappears.
 */
export function withoutHeldPeriods<S extends TimedShift>(planned: readonly S[], held: readonly TimedShift[]): S[] {
  const out: S[] = [];
  for (const shift of planned) {
    const blockers = held.filter((h) => h.position === shift.position && h.startsAt < shift.endsAt && h.endsAt > shift.startsAt).map((h) => ({ from: h.startsAt.getTime(), to: h.endsAt.getTime() }));
    if (blockers.length === 0) {
      out.push(shift);
      continue;
    }
    for (const piece of subtract([{ from: shift.startsAt.getTime(), to: shift.endsAt.getTime() }], blockers)) out.push({ ...shift, startsAt: new Date(piece.from), endsAt: new Date(piece.to) });
  }
  return out;
}

export interface Gap {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The periods in [from, to) inside the required hours where no primary (position 0) shift runs.
 * `required` null means on-call need not be covered at all (no customer has the option): no gaps.
 * 24/7 hours are whole days in `zone`.
 */
export function findGaps({ required, shifts, from, to, zone }: { required: RotaHours | null; shifts: readonly TimedShift[]; from: Date; to: Date; zone: string }): Gap[] {
  if (!required || to <= from) return [];
  const need: Interval[] = coverageIntervals(required, from, to, zone).map((i) => ({ from: Math.max(i.startsAt.getTime(), from.getTime()), to: Math.min(i.endsAt.getTime(), to.getTime()) }));
  const have: Interval[] = unionOf(shifts.filter((s) => s.position === 0).map((s) => ({ from: s.startsAt.getTime(), to: s.endsAt.getTime() })));
  return subtract(need, have).map((g) => ({ startsAt: new Date(g.from), endsAt: new Date(g.to) }));
}

/** The weeks ahead the roll-forward keeps materialised, and the weeks the editor shows gaps for. */
export const ROLL_WEEKS = 12;
export const GAP_WEEKS = 4;
export const WEEK_MS = 7 * DAY_MS;

/** A wall-clock time "YYYY-MM-DDTHH:MM" (a datetime-local field) in `zone` as an instant; null when it is not one. */
export function instantOfLocalDateTime(value: string, zone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const day = Date.parse(`${m[1]}T00:00:00Z`);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== m[1] || hour > 23 || minute > 59) return null;
  return new Date(instantOfWallTime(zone, day / DAY_MS, (hour * 60 + minute) * 60_000));
}
