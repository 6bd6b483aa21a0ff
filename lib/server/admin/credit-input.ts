import "server-only";
/**
 * The credit scheme as the agreement forms give it (new agreement and new version): percentages and
 * tiers as text in, a lib/sla CreditScheme (with its claim rule) out, and back again to prefill a form.
 */
import { formatUptimeTiers, parseUptimeTiers, type CreditScheme } from "../../sla";
import type { CreditInput } from "./schemas";

/** lib/sla validates the result (validateAgreementVersion); parseUptimeTiers throws SlaInputError on "credit.tiers". */
export function creditSchemeOf(c: CreditInput, claimWithinDays: number | null | undefined): CreditScheme {
  const claim = claimWithinDays === null || claimWithinDays === undefined ? {} : { claimWithinDays };
  switch (c.kind) {
    case "none":
      return { kind: "none" };
    case "netpower":
      return { kind: "netpower", perBreachPercent: c.perBreachPercent, capPercent: c.capPercent, minWithinTargetPercent: c.minWithinTargetPercent, minUptimePercent: c.minUptimePercent, ...claim };
    case "uptime_tiers":
      return { kind: "uptime_tiers", tiers: parseUptimeTiers(c.tiers, "credit.tiers"), capPercent: c.capPercent, ...claim };
    case "sodvin_refund":
      return { kind: "sodvin_refund", agreedUptime: c.agreedUptimePercent / 100, servicePeriod: c.servicePeriod, ...claim };
  }
}

/** A lib/sla field of the credit scheme ("credit.tiers[2].from") → the form field that shows its error; null when not a credit field. */
export function creditFormField(slaField: string): string | null {
  const f = slaField.replace(/^version\./, "");
  if (f.startsWith("credit.claimWithinDays")) return "claimWithinDays";
  if (f.startsWith("credit.tiers")) return "credit.tiers";
  if (f.startsWith("credit.agreedUptime")) return "credit.agreedUptimePercent";
  const credit = /^credit\.(\w+)/.exec(f);
  return credit ? `credit.${credit[1]}` : null;
}

const pct = (fraction: number) => String(Math.round(fraction * 100_000) / 1000);

/** The form's credit fields for a scheme; fields of the other kinds keep `base` (the blank form's values). */
export function creditFormValues(c: CreditScheme, base: Record<string, string> = {}): Record<string, string> {
  const values: Record<string, string> = { ...base, "credit.kind": c.kind, claimWithinDays: c.kind !== "none" && c.claimWithinDays !== undefined ? String(c.claimWithinDays) : "" };
  if (c.kind === "netpower") {
    values["credit.perBreachPercent"] = String(c.perBreachPercent);
    values["credit.capPercent"] = String(c.capPercent);
    values["credit.minWithinTargetPercent"] = String(c.minWithinTargetPercent);
    values["credit.minUptimePercent"] = String(c.minUptimePercent);
  } else if (c.kind === "uptime_tiers") {
    values["credit.tiers"] = formatUptimeTiers(c.tiers);
    values["credit.tiersCap"] = String(c.capPercent);
  } else if (c.kind === "sodvin_refund") {
    values["credit.agreedUptimePercent"] = pct(c.agreedUptime);
    values["credit.servicePeriod"] = c.servicePeriod ?? "month";
  }
  return values;
}

/** The blank form's credit fields (no scheme). */
export const BLANK_CREDIT_VALUES: Readonly<Record<string, string>> = {
  "credit.kind": "none",
  "credit.perBreachPercent": "5",
  "credit.capPercent": "15",
  "credit.minWithinTargetPercent": "90",
  "credit.minUptimePercent": "99.8",
  "credit.tiers": "",
  "credit.tiersCap": "100",
  "credit.agreedUptimePercent": "99.5",
  "credit.servicePeriod": "quarter",
  claimWithinDays: "",
};
