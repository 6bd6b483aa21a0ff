import { toInstant } from "./business-time";
import { SlaInputError } from "./errors";
import { parseWallTime } from "./hours";
import { subtract, unionOf, type Interval } from "./intervals";
import { DAY_MS, MINUTE_MS, weekdayOf, type Day } from "./local-date";
import { assertTimeZone, instantOfWallTime, localDayNumberOf, offsetAt } from "./time-zone";

/**
 * When a planned (one-off) maintenance window may be announced, per agreement (issue 18):
 * - Nettsoft 002 §6.3: "senest 5 dager (ikke virkedager) før gjennomføring", with cause, time and
 *   length, and only inside "Man–fre 22:00–06:00, lørdag/søndag 00:00–24:00". Read here as: the
 *   announcement is at or before the same local wall time five calendar days before the start (so
 *   a change of daylight saving in between does not move it by an hour), and the window lies
 *   entirely inside weekday hours 00–06 and 22–24 and all of Saturday and Sunday.
 * - Sodvin 001 (Bilag): "varsles med rimelig frist": shorter than the reasonable notice is accepted
 *   but flagged, so nobody mistakes it for agreed notice.
 * - Every agreement (Netpower 000 §8 has no notice period): a window must be announced before it
 *   starts. A back-dated window is refused, and says so when it would cover recorded downtime
 *   that counts: an outage is not turned into maintenance after the fact.
 */
export interface MaintenanceNoticeRule {
  /** Where the rule comes from, e.g. "002 §6.3". */
  source: string;
  /** The zone notice days are counted in. */
  timeZone: string;
  /** Notice shorter than this many local calendar days is refused. */
  minNoticeDays?: number;
  /** Notice shorter than this many hours is accepted but flagged ("rimelig frist"). */
  reasonableNoticeHours?: number;
  /** Local slots the whole window must lie in (e.g. Nettsoft's planned-maintenance frame). */
  allowedSlots?: { timeZone: string; slots: Array<{ days: Day[]; start: string; end: string }> };
  /** The notice must give the cause. */
  requireCause?: boolean;
}

export type MaintenanceNoticeRefusal =
  | { code: "starts_before_announcement" }
  | { code: "covers_outage"; incidentIds: string[] }
  | { code: "too_short_notice"; minNoticeDays: number; latestAnnouncement: Date }
  | { code: "outside_allowed_slots" }
  | { code: "cause_missing" };

export type MaintenanceNoticeFlag = { code: "short_notice"; reasonableNoticeHours: number; noticeHours: number };

export type MaintenanceNoticeVerdict = { accepted: true; flags: MaintenanceNoticeFlag[] } | { accepted: false; refusals: MaintenanceNoticeRefusal[] };

export interface MaintenanceNoticeInput {
  /** The agreement's rule; null: only "announced before it starts". */
  rule: MaintenanceNoticeRule | null;
  window: { from: Date; to: Date };
  /** The instant the notice goes out (the use case's now). */
  announcedAt: Date;
  cause: string;
  /** Recorded downtime of the agreement's customers that counts against uptime. */
  outages: Array<{ id: string; from: Date; to: Date | null }>;
}

/** Nettsoft 002 §6.3. */
export const NETTSOFT_MAINTENANCE_NOTICE: MaintenanceNoticeRule = {
  source: "002 §6.3",
  timeZone: "Europe/Oslo",
  minNoticeDays: 5,
  requireCause: true,
  allowedSlots: {
    timeZone: "Europe/Oslo",
    slots: [
      { days: ["mon", "tue", "wed", "thu", "fri"], start: "00:00", end: "06:00" },
      { days: ["mon", "tue", "wed", "thu", "fri"], start: "22:00", end: "24:00" },
      { days: ["sat", "sun"], start: "00:00", end: "24:00" },
    ],
  },
};

/** Sodvin 001 Bilag 1: "rimelig frist", taken as three days; shorter is flagged, not refused. */
export const SODVIN_MAINTENANCE_NOTICE: MaintenanceNoticeRule = { source: "001 Bilag 1", timeZone: "Europe/Oslo", reasonableNoticeHours: 72 };

/** Netpower 000 §8: no notice period, but maintenance is only maintenance when it is announced. */
export const NETPOWER_MAINTENANCE_NOTICE: MaintenanceNoticeRule = { source: "000 §8", timeZone: "Europe/Oslo" };

/** The latest instant a window starting at `start` may be announced: `days` local calendar days earlier, at the same wall-clock time. */
export function latestAnnouncement(start: Date, days: number, timeZone: string): Date {
  const zone = assertTimeZone(timeZone, "timeZone");
  const s = toInstant(start, "start");
  const day = localDayNumberOf(zone, s);
  const wallMs = s + offsetAt(zone, s) - day * DAY_MS;
  return new Date(instantOfWallTime(zone, day - days, wallMs));
}

function allowedIntervals(rule: NonNullable<MaintenanceNoticeRule["allowedSlots"]>, from: number, to: number): Interval[] {
  const zone = assertTimeZone(rule.timeZone, "allowedSlots.timeZone");
  const out: Interval[] = [];
  for (let d = localDayNumberOf(zone, from) - 1; d <= localDayNumberOf(zone, to) + 1; d++) {
    const weekday = weekdayOf(d);
    for (const [i, slot] of rule.slots.entries()) {
      if (!slot.days.includes(weekday)) continue;
      const s = parseWallTime(slot.start, `allowedSlots.slots[${i}].start`, false);
      const e = parseWallTime(slot.end, `allowedSlots.slots[${i}].end`, true);
      if (e <= s) throw new SlaInputError(`allowedSlots.slots[${i}].end`, "must be after start (split a slot that crosses midnight)");
      out.push({ from: instantOfWallTime(zone, d, s), to: instantOfWallTime(zone, d, e) });
    }
  }
  return unionOf(out);
}

/** Whether a planned maintenance window may be announced at `announcedAt` under the agreement's rule. */
export function checkMaintenanceNotice(input: MaintenanceNoticeInput): MaintenanceNoticeVerdict {
  const from = toInstant(input.window.from, "window.from");
  const to = toInstant(input.window.to, "window.to");
  if (to <= from) throw new SlaInputError("window.to", "must be after window.from");
  const announcedAt = toInstant(input.announcedAt, "announcedAt");
  const rule = input.rule;
  const refusals: MaintenanceNoticeRefusal[] = [];

  if (from < announcedAt) {
    refusals.push({ code: "starts_before_announcement" });
    const covered = input.outages.filter((o) => o.from.getTime() < Math.min(to, announcedAt) && (o.to === null || o.to.getTime() > from)).map((o) => o.id);
    if (covered.length > 0) refusals.push({ code: "covers_outage", incidentIds: covered });
  }
  if (rule?.minNoticeDays !== undefined) {
    const latest = latestAnnouncement(new Date(from), rule.minNoticeDays, rule.timeZone);
    if (announcedAt > latest.getTime()) refusals.push({ code: "too_short_notice", minNoticeDays: rule.minNoticeDays, latestAnnouncement: latest });
  }
  if (rule?.allowedSlots && subtract([{ from, to }], allowedIntervals(rule.allowedSlots, from, to)).length > 0) refusals.push({ code: "outside_allowed_slots" });
  if (rule?.requireCause && input.cause.trim().length === 0) refusals.push({ code: "cause_missing" });
  if (refusals.length > 0) return { accepted: false, refusals };

  const flags: MaintenanceNoticeFlag[] = [];
  const noticeHours = (from - announcedAt) / (60 * MINUTE_MS);
  if (rule?.reasonableNoticeHours !== undefined && noticeHours < rule.reasonableNoticeHours) flags.push({ code: "short_notice", reasonableNoticeHours: rule.reasonableNoticeHours, noticeHours });
  return { accepted: true, flags };
}

/** A stored rule (JSON) checked for shape; null stays null. */
export function parseMaintenanceNoticeRule(value: unknown, field = "maintenanceNotice"): MaintenanceNoticeRule | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") throw new SlaInputError(field, "expected an object");
  const v = value as Record<string, unknown>;
  if (typeof v.source !== "string") throw new SlaInputError(`${field}.source`, "expected a string");
  assertTimeZone(v.timeZone, `${field}.timeZone`);
  for (const key of ["minNoticeDays", "reasonableNoticeHours"] as const) {
    if (v[key] !== undefined && (typeof v[key] !== "number" || !Number.isFinite(v[key]) || (v[key] as number) < 0)) throw new SlaInputError(`${field}.${key}`, "expected a number ≥ 0");
  }
  if (v.allowedSlots !== undefined) assertTimeZone((v.allowedSlots as { timeZone?: unknown }).timeZone, `${field}.allowedSlots.timeZone`);
  return v as unknown as MaintenanceNoticeRule;
}
