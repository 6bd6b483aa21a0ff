import type { UptimeTier } from "./credit";
import { SlaInputError } from "./errors";
import type { Day } from "./local-date";
import type { MaintenanceRule } from "./maintenance";

/**
 * Maintenance windows and uptime tiers as an admin writes them, one per line, and back:
 *   daily 01:00-06:00 · weekly wed 23:59-05:59 · monthly 3 tue 00:00-06:00 (the 3rd Tuesday)
 *   · "weekly wed 23:59-05:59 announced" (counts as maintenance only when announced, 000 §8)
 *   tiers: "99.5-100: 0", "99-99.5: 25", "0-95: 100" (from inclusive, below exclusive; 100 = up to and including 100)
 */
const TIME = "(\\d{2}:\\d{2})\\s*[-–]\\s*(\\d{2}:\\d{2})";
/** A trailing "announced": the window excludes downtime only when maintenance is announced for it (000 §8). */
const ANNOUNCED = "(?:\\s+(announced))?";
const DAILY = new RegExp(`^daily\\s+${TIME}${ANNOUNCED}$`, "i");
const WEEKLY = new RegExp(`^weekly\\s+(mon|tue|wed|thu|fri|sat|sun)\\s+${TIME}${ANNOUNCED}$`, "i");
const MONTHLY = new RegExp(`^monthly\\s+([1-5])\\s+(mon|tue|wed|thu|fri|sat|sun)\\s+${TIME}${ANNOUNCED}$`, "i");

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function parseMaintenanceRules(text: string, timeZone: string, field = "maintenance"): MaintenanceRule[] {
  return lines(text).map((line, i) => {
    const announced = (flag: string | undefined) => (flag ? { announcedOnly: true } : {});
    let m = DAILY.exec(line);
    if (m) return { kind: "daily", timeZone, start: m[1]!, end: m[2]!, ...announced(m[3]) };
    m = WEEKLY.exec(line);
    if (m) return { kind: "weekly", timeZone, day: m[1]!.toLowerCase() as Day, start: m[2]!, end: m[3]!, ...announced(m[4]) };
    m = MONTHLY.exec(line);
    if (m) return { kind: "monthly_nth_weekday", timeZone, nth: Number(m[1]) as 1 | 2 | 3 | 4 | 5, day: m[2]!.toLowerCase() as Day, start: m[3]!, end: m[4]!, ...announced(m[5]) };
    throw new SlaInputError(`${field}[${i}]`, `"${line}" is not a window (e.g. "daily 01:00-06:00", "weekly wed 23:59-05:59", "monthly 3 tue 00:00-06:00")`);
  });
}

export function formatMaintenanceRules(rules: readonly MaintenanceRule[]): string {
  return rules
    .map((r) => {
      const hours = `${r.start}-${r.end}${r.announcedOnly ? " announced" : ""}`;
      if (r.kind === "daily") return `daily ${hours}`;
      if (r.kind === "weekly") return `weekly ${r.day} ${hours}`;
      return `monthly ${r.nth} ${r.day} ${hours}`;
    })
    .join("\n");
}

const TIER = /^(\d+(?:[.,]\d+)?)\s*[-–]\s*(\d+(?:[.,]\d+)?)\s*:\s*(\d+(?:[.,]\d+)?)\s*%?$/;
const num = (s: string) => Number(s.replace(",", "."));

export function parseUptimeTiers(text: string, field = "tiers"): UptimeTier[] {
  return lines(text).map((line, i) => {
    const m = TIER.exec(line);
    if (!m) throw new SlaInputError(`${field}[${i}]`, `"${line}" is not a tier (e.g. "99-99.5: 25")`);
    const from = num(m[1]!);
    const to = num(m[2]!);
    const tier: UptimeTier = { percent: num(m[3]!) };
    if (from > 0) tier.minUptimePercent = from;
    if (to < 100) tier.belowUptimePercent = to;
    return tier;
  });
}

export function formatUptimeTiers(tiers: readonly UptimeTier[]): string {
  return tiers.map((t) => `${t.minUptimePercent ?? 0}-${t.belowUptimePercent ?? 100}: ${t.percent}`).join("\n");
}
