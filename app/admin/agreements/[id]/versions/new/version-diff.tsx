"use client";
/** What the new version will change from the latest one, term by term (lib/sla diffVersionTerms), as the admin types. */
import { diffVersionTerms, parseUptimeTiers, PRIORITIES, type CreditScheme, type UptimeTier, type VersionTerms } from "@/lib/sla";

export interface VersionDiffText {
  title: string;
  none: string;
  notCovered: string;
  field: string;
  before: string;
  after: string;
  unchangedTickets: string;
  yes: string;
  no: string;
  /** Label per diff field, e.g. "targets.P1.minutes" → "P1: minutes". */
  labels: Record<string, string>;
}

const decimal = (text: string | undefined) => Number((text ?? "").trim().replace(",", "."));

/** The credit fieldset (components/credit-fields) as a scheme, as lib/server/admin creditSchemeOf makes it; tiers that do not parse yet read as none. */
export function creditOfForm(values: Record<string, string>): CreditScheme {
  const days = (values.claimWithinDays ?? "").trim();
  const claim = days === "" ? {} : { claimWithinDays: Number(days) };
  switch (values["credit.kind"]) {
    case "netpower":
      return {
        kind: "netpower",
        perBreachPercent: decimal(values["credit.perBreachPercent"]),
        capPercent: decimal(values["credit.capPercent"]),
        minWithinTargetPercent: decimal(values["credit.minWithinTargetPercent"]),
        minUptimePercent: decimal(values["credit.minUptimePercent"]),
        ...claim,
      };
    case "uptime_tiers": {
      let tiers: UptimeTier[] = [];
      try {
        tiers = parseUptimeTiers(values["credit.tiers"] ?? "", "credit.tiers");
      } catch {
        // not yet a valid tier list: shown as none until it parses; saving reports the line at fault
      }
      return { kind: "uptime_tiers", tiers, capPercent: decimal(values["credit.tiersCap"]), ...claim };
    }
    case "sodvin_refund":
      return {
        kind: "sodvin_refund",
        agreedUptime: Math.round(decimal(values["credit.agreedUptimePercent"]) * 1000) / 100_000,
        servicePeriod: values["credit.servicePeriod"] === "month" ? "month" : "quarter",
        ...claim,
      };
    default:
      return { kind: "none" };
  }
}

/** The form's values as terms: calendars by name, a blank target not covered. */
export function termsOfForm(values: Record<string, string>, calendarNames: Record<string, string>, recipients: ReadonlyArray<{ value: string; label: string }>): VersionTerms {
  const targets: VersionTerms["targets"] = {};
  for (const p of PRIORITIES) {
    const minutes = (values[`targets.${p}.minutes`] ?? "").trim();
    const calendarId = values[`targets.${p}.calendarId`] ?? "";
    targets[p] = minutes === "" ? null : { minutes: Number(minutes), calendar: calendarNames[calendarId] ?? calendarId };
  }
  return {
    targets,
    warningPercents: (values.warningPercents ?? "")
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((s) => Number(s.replace("%", ""))),
    minWithinTargetPercent: Number((values.minWithinTargetPercent ?? "").replace(",", ".")),
    credit: creditOfForm(values),
    escalation: {
      warning: recipients.filter((r) => values[`escalation.warning.${r.value}`] === "on").map((r) => r.label),
      breach: recipients.filter((r) => values[`escalation.breach.${r.value}`] === "on").map((r) => r.label),
      moveToNextLine: values["escalation.moveToNextLine"] === "on",
    },
  };
}

export function VersionDiff({ current, proposed, text }: { current: VersionTerms; proposed: VersionTerms; text: VersionDiffText }) {
  const differences = diffVersionTerms(current, proposed);
  const shown = (v: string | null) => (v === null ? text.notCovered : v === "true" ? text.yes : v === "false" ? text.no : v === "" ? "–" : v);
  return (
    <section aria-labelledby="version-diff-title" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="version-diff">
      <h2 id="version-diff-title" className="font-semibold">
        {text.title}
      </h2>
      {differences.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="version-diff-none">
          {text.none}
        </p>
      ) : (
        <table className="text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-4">
                {text.field}
              </th>
              <th scope="col" className="py-1 pr-4">
                {text.before}
              </th>
              <th scope="col" className="py-1">
                {text.after}
              </th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr key={d.field} data-testid="version-diff-row" data-field={d.field}>
                <th scope="row" className="py-1 pr-4 font-medium">
                  {text.labels[d.field] ?? d.field}
                </th>
                <td className="py-1 pr-4">{shown(d.before)}</td>
                <td className="py-1">{shown(d.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-sm text-slate-700">{text.unchangedTickets}</p>
    </section>
  );
}
