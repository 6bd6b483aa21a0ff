import "server-only";
/**
 * The within-target figure of a report in words, in the reader's language: the share and its
 * counts, or, for a month with no measured tickets, that there were none (not "100 % (0 of 0)":
 * the 100 % that the credit rule uses for such a month is not a measurement).
 */
import { translator, type Locale } from "../../i18n";
import type { ReportFigures } from "./figures";
import { formatPercent } from "./format";

export interface WithinTargetText {
  label: string;
  value: string;
  detail: string;
  /** Whether the month met the requirement; null when nothing was measured. */
  good: boolean | null;
}

export function withinTargetText(f: Pick<ReportFigures, "tickets" | "thresholdPercent">, locale: Locale): WithinTargetText {
  const t = translator(locale);
  const { tickets } = f;
  const vars = {
    met: tickets.met,
    measured: tickets.measured,
    threshold: formatPercent(f.thresholdPercent, 2, locale),
    pending: tickets.pending,
    excluded: tickets.excluded,
    notCovered: tickets.notCovered,
  };
  const label = t("report.withinTarget.label");
  if (tickets.measured === 0) {
    return { label, value: t("report.withinTarget.noMeasured"), detail: t("report.withinTarget.noMeasuredDetail", vars), good: null };
  }
  return { label, value: formatPercent(tickets.percent, 2, locale), detail: t("report.withinTarget.detail", vars), good: tickets.passes };
}
