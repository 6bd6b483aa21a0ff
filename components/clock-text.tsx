/**
 * The response clock in plain words: "Feilsøking startes senest i dag 15:30", "Feilsøking
 * startet", "Fristen gikk ut i dag 15:30", "På vent — klokken står (2 t 10 min igjen)".
 * Pure (no hooks), so it renders in server and client components alike.
 */
import type { ResponseClockView } from "@/lib/server/tickets/schemas";
import { t, type Locale } from "@/lib/i18n";
import { formatDateTime, formatDuration } from "@/lib/i18n/format";

export function clockWords(clock: ResponseClockView | null, now: Date, locale: Locale): string {
  if (!clock) return t(locale, "common.clock.none");
  switch (clock.state) {
    case "running":
      return clock.dueAt ? t(locale, "common.clock.running", { when: formatDateTime(clock.dueAt, now, locale) }) : t(locale, "common.clock.none");
    case "met":
      return t(locale, "common.clock.met");
    case "breached": {
      const at = clock.breachedAt ?? clock.dueAt;
      return at ? t(locale, "common.clock.breached", { when: formatDateTime(at, now, locale) }) : t(locale, "common.clock.breached", { when: "" }).trim();
    }
    case "paused":
      return t(locale, "common.clock.paused", { left: formatDuration(clock.businessMinutesLeft ?? 0, locale) });
    case "excluded":
      return t(locale, "common.clock.excluded");
    case "not_covered":
      return t(locale, "common.clock.notCovered");
  }
}

const TONES: Record<ResponseClockView["state"], string> = {
  running: "text-slate-900",
  met: "text-green-800",
  breached: "font-semibold text-red-800",
  paused: "text-amber-900",
  excluded: "text-slate-700",
  not_covered: "text-slate-700",
};

export function ClockText({ clock, now, locale }: { clock: ResponseClockView | null; now: Date; locale: Locale }) {
  return <span className={clock ? TONES[clock.state] : "text-slate-700"}>{clockWords(clock, now, locale)}</span>;
}
