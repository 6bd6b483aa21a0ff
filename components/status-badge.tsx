/** A ticket's status as a badge, in the user's language. */
import type { TicketView } from "@/lib/server/tickets/schemas";
import { t, type Locale } from "@/lib/i18n";
import { Badge, type BadgeTone } from "./badge";

const TONES: Record<TicketView["status"], BadgeTone> = {
  NEW: "info",
  OPEN: "info",
  IN_PROGRESS: "info",
  WAITING_FOR_CUSTOMER: "warning",
  SOLVED: "success",
  CLOSED: "neutral",
};

export function StatusBadge({ status, locale }: { status: TicketView["status"]; locale: Locale }) {
  return <Badge tone={TONES[status]}>{t(locale, `common.status.${status}`)}</Badge>;
}
