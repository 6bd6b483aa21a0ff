import "server-only";
/**
 * "08:00–16:00, 17:00–20:00" → [["08:00","16:00"],["17:00","20:00"]]. Only splits the text: the
 * times themselves are validated by lib/sla (compileCalendar), whose messages name the problem.
 */
import type { Hours } from "../../sla";

export function parseHoursText(text: string): Hours {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  return trimmed.split(/\s*[,;]\s*/).map((range) => {
    const parts = range.split(/\s*[–—-]\s*/);
    return [parts[0] ?? "", parts.length === 2 ? (parts[1] ?? "") : parts.slice(1).join("-")] as [string, string];
  });
}

export function formatHoursText(hours: Hours | undefined | null): string {
  return (hours ?? []).map(([s, e]) => `${s}–${e}`).join(", ");
}
