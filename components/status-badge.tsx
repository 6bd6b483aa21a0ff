/**
 * A ticket's status as a badge, in the user's language, written from the reader's side: a ticket
 * waiting on the customer is "Venter på deg" to the customer and "Venter på kunden" to staff.
 */
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

export function StatusBadge({ status, locale, side = "customer" }: { status: TicketView["status"]; locale: Locale; side?: "customer" | "agent" }) {
  const label = side === "agent" && status === "WAITING_FOR_CUSTOMER" ? t(locale, "workspace.status.WAITING_FOR_CUSTOMER") : t(locale, `common.status.${status}`);
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
