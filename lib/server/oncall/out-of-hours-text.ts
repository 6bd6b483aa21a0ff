import "server-only";
import { t, type Locale } from "../../i18n";

/** A page's reason in words: out of hours, breach, a warning at a share of the target. */
export function reasonText(reason: string, locale: Locale): string {
  if (reason === "out_of_hours" || reason === "p1_outside_office_hours") return t(locale, "ooh.reason.outOfHours");
  if (reason === "breach") return t(locale, "ooh.reason.breach");
  const warning = /^warning_(0\.\d+)$/.exec(reason);
  if (warning) return t(locale, "ooh.reason.warning", { percent: Math.round(Number(warning[1]) * 100) });
  return reason;
}
