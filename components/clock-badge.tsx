"use client";
/** A response clock as a badge that counts down every second: running, amber near the deadline, red when breached, paused, met. */
import { useEffect, useState } from "react";
import type { ResponseClockView } from "@/lib/server/tickets/schemas";
import type { Locale } from "@/lib/i18n";
import { Badge } from "./badge";
import { clockBadge } from "./clock-badge-state";

export function ClockBadge({ clock, warningThreshold, locale, renderedAt }: { clock: ResponseClockView | null; warningThreshold: number; locale: Locale; renderedAt: string }) {
  const [now, setNow] = useState(() => new Date(renderedAt).getTime());
  const ticking = clock?.state === "running" || (clock?.state === "breached" && clock.dueAt !== null);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  const badge = clockBadge(clock, warningThreshold, now, locale);
  return (
    <span data-testid="clock-badge" data-state={badge.state}>
      <Badge tone={badge.tone}>
        <span className="tabular-nums">{badge.label}</span>
      </Badge>
    </span>
  );
}
