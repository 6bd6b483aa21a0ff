"use client";
/**
 * Who else is on this ticket's page (issue 19): the page says "I am here" every `heartbeatMs`
 * while the tab is visible (one small server action, even while the agent types), and shows the
 * other staff the answer names. A hidden tab stops saying so and drops out after the TTL.
 */
import { useEffect, useState } from "react";

export interface Viewer {
  userId: string;
  name: string;
}

export function TicketPresence({
  ticketId,
  initial,
  heartbeat,
  heartbeatMs,
  others,
  alone,
}: {
  ticketId: string;
  initial: Viewer[];
  heartbeat: (ticketId: string) => Promise<Viewer[]>;
  heartbeatMs: number;
  /** "Also viewing: {names}" */
  others: string;
  alone: string;
}) {
  const [viewers, setViewers] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const beat = () => {
      if (document.visibilityState !== "visible") return;
      heartbeat(ticketId).then(
        (v) => {
          if (!stopped) setViewers(v);
        },
        () => undefined,
      );
    };
    const timer = setInterval(beat, heartbeatMs);
    document.addEventListener("visibilitychange", beat);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", beat);
    };
  }, [ticketId, heartbeat, heartbeatMs]);
  const names = viewers.map((v) => v.name).join(", ");
  return (
    <p data-testid="presence" aria-live="polite" className={`rounded-md px-3 py-2 text-sm ${viewers.length ? "border border-amber-600 bg-amber-50 text-slate-900" : "text-slate-700"}`}>
      {viewers.length ? others.replace("{names}", names) : alone}
    </p>
  );
}
