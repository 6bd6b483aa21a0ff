import "server-only";
/**
 * The month's out-of-hours record as CSV in the reader's language (as the monthly report's CSV:
 * UTF-8 with BOM, CRLF; Norwegian `;` and a decimal comma), one row per page, then the sums per
 * customer. Times are local (TIME_ZONE).
 */
import { localDateTime } from "../../config/time-zone";
import { t, type Locale } from "../../i18n";
import { csvCell } from "../csv";
import type { OutOfHoursMonth } from "./out-of-hours-work";
import { reasonText } from "./out-of-hours-text";

export function outOfHoursCsv(view: OutOfHoursMonth, locale: Locale): string {
  const sep = locale === "nb" ? ";" : ",";
  const decimal = (n: number) => (locale === "nb" ? String(n).replace(".", ",") : String(n));
  const row = (values: Array<string | number | null>) => values.map((v) => csvCell(v, sep, decimal)).join(sep);
  const c = (key: Parameters<typeof t>[1]) => t(locale, key);
  const lines = [
    row([
      c("ooh.col.customer"),
      c("ooh.col.ticket"),
      c("ooh.col.priority"),
      c("ooh.col.reason"),
      c("ooh.col.pagedAt"),
      c("ooh.col.paged"),
      c("ooh.col.notices"),
      c("ooh.col.acknowledgedAt"),
      c("ooh.col.acknowledgedBy"),
      c("ooh.col.minutes"),
    ]),
    ...view.pages.map((p) =>
      row([
        p.organization.name,
        p.ticket.reference,
        p.ticket.priority,
        reasonText(p.reason, locale),
        localDateTime(p.pagedAt),
        [...p.paged.map((x) => x.name), ...(p.fallback ? [c("ooh.fallback")] : [])].join(", "),
        p.notices,
        p.acknowledgedAt ? localDateTime(p.acknowledgedAt) : "",
        p.acknowledgedBy,
        p.minutesToAcknowledge,
      ]),
    ),
    "",
    row([c("ooh.col.customer"), c("ooh.col.month"), c("ooh.col.pages"), c("ooh.col.acknowledged"), c("ooh.col.minutesTotal")]),
    ...view.organizations.map((o) => row([o.name, view.month, o.pages, o.acknowledged, o.minutesToAcknowledge])),
  ];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
