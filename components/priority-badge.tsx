/** A ticket's priority as a badge: "P2 Høy". */
import type { TicketView } from "@/lib/server/tickets/schemas";
import { t, type Locale } from "@/lib/i18n";
import { Badge, type BadgeTone } from "./badge";

const TONES: Record<TicketView["priority"], BadgeTone> = { P1: "danger", P2: "warning", P3: "info", P4: "neutral" };

export function PriorityBadge({ priority, locale }: { priority: TicketView["priority"]; locale: Locale }) {
  return (
    <Badge tone={TONES[priority]}>
      {priority} {t(locale, `common.priority.${priority}`)}
    </Badge>
  );
}
