/**
 * Instants a browser test chooses instead of "now", so that what it asserts holds at any hour of
 * the week: the next time an Oslo wall clock shows a weekday and hour (lib/sla's time-zone
 * arithmetic, exact across daylight saving).
 */
import { instantOfWallTime, localDayNumberOf } from "../../lib/sla/time-zone";
import { weekdayOf, type Day } from "../../lib/sla/local-date";
import { TIME_ZONE as ZONE } from "../../lib/config/time-zone";

/**
 * The instant the running app reads as now: this machine's clock, shifted by the test-at offset
 * when one is set (TEST_AT_OFFSET_MS). The one place a browser test reads the clock, and only for
 * what the server lays from its own now (the rota it rolls weeks ahead, a TOTP step, the seeded
 * rota): every outcome a test asserts is derived from it, never the hour, weekday or date it is.
 */
export const serverNow = (): Date => new Date(Date.now() + Number(process.env.TEST_AT_OFFSET_MS ?? 0));

/**
 * The first instant at or after `from` when it is `day` at `hour`:00 in Oslo (at most a week ahead).
 * `from` is the wall clock by default only to stay inside data laid from now (the seeded rota): the
 * instant returned is always that weekday and hour, whatever the hour the test runs.
 */
export function nextOsloWallTime(day: Day, hour: number, from: Date = serverNow()): Date {
  const today = localDayNumberOf(ZONE, from.getTime());
  for (let n = today; n <= today + 7; n++) {
    if (weekdayOf(n) !== day) continue;
    const at = instantOfWallTime(ZONE, n, hour * 3_600_000);
    if (at >= from.getTime()) return new Date(at);
  }
  throw new Error(`no ${day} ${hour}:00 within a week of ${from.toISOString()}`);
}
