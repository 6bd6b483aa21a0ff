/**
 * What a response-clock badge shows at an instant: pure, so it is tested and rendered the same on
 * server and client. A running clock counts down in wall-clock time to its due instant; it turns
 * amber once the agreement's first warning threshold of the target is used (business time, as the
 * server computed it) and red once the due instant has passed (strictly after it: lib/sla isOverdue).
 */
import type { ResponseClockView } from "@/lib/server/tickets/schemas";
import { t, type Locale } from "@/lib/i18n";
import { formatDuration } from "@/lib/i18n/format";
import { isOverdue } from "@/lib/sla/clock-status";
import type { BadgeTone } from "./badge";

export type ClockBadgeState = "running" | "warning" | "breached" | "paused" | "met" | "excluded" | "not_covered" | "none";

/** "1:05:09" or "4:09": hours, minutes and seconds of a wall-clock span. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function clockBadge(clock: ResponseClockView | null, warningThreshold: number, now: number, locale: Locale): { state: ClockBadgeState; tone: BadgeTone; label: string } {
  if (!clock) return { state: "none", tone: "neutral", label: t(locale, "agent.clock.none") };
  switch (clock.state) {
    case "running":
    case "breached": {
      const due = clock.dueAt ? new Date(clock.dueAt).getTime() : null;
      if (due === null) return { state: "breached", tone: "danger", label: t(locale, "agent.clock.breached") };
      if (isOverdue(due, now)) return { state: "breached", tone: "danger", label: t(locale, "agent.clock.overdue", { late: countdown(now - due) }) };
      const target = clock.targetMinutes ?? 0;
      const left = clock.businessMinutesLeft ?? target;
      const warning = target > 0 && left <= target * (1 - warningThreshold);
      return { state: warning ? "warning" : "running", tone: warning ? "warning" : "info", label: t(locale, "agent.clock.running", { left: countdown(due - now) }) };
    }
    case "paused":
      return { state: "paused", tone: "neutral", label: t(locale, "agent.clock.paused", { left: formatDuration(clock.businessMinutesLeft ?? 0, locale) }) };
    case "met":
      return { state: "met", tone: "success", label: t(locale, "agent.clock.met") };
    case "excluded":
      return { state: "excluded", tone: "neutral", label: t(locale, "agent.clock.excluded") };
    case "not_covered":
      return { state: "not_covered", tone: "neutral", label: t(locale, "agent.clock.notCovered") };
  }
}
