import type { ClockState } from "./clock";
import { SlaInputError } from "./errors";

export interface ComplianceTicket {
  id: string;
  /** The response clock's state at the end of the month (or when the report is made). */
  state: ClockState;
  /** Set when the ticket is taken out of measurement (e.g. reclassified as an identity fault). */
  excludedReason?: string | null;
}

export interface ComplianceResult {
  measured: number;
  met: number;
  breached: number;
  /** Share met of measured, %. A month with no measured tickets is 100 % (nothing was late). */
  percent: number;
  passes: boolean;
  /** Listed, not counted: reclassified tickets and priorities the agreement does not cover. */
  excluded: Array<{ id: string; reason: string }>;
  /** Still running or paused and not yet breached: undecided, so not counted. */
  pending: string[];
  breachedIds: string[];
}

/**
 * Monthly response compliance (000 §10: at least minWithinTargetPercent of the month's tickets
 * handled within the response target). Interpretation: a month with zero measured tickets gives
 * 100 % and passes; tickets still running or paused and not yet breached are pending, not counted
 * (a ticket that is already breached counts as breached even if it is still open).
 */
export function computeCompliance(tickets: ComplianceTicket[], minWithinTargetPercent: number): ComplianceResult {
  if (!Array.isArray(tickets)) throw new SlaInputError("tickets", "expected a list of tickets");
  if (typeof minWithinTargetPercent !== "number" || !(minWithinTargetPercent >= 0 && minWithinTargetPercent <= 100)) {
    throw new SlaInputError("minWithinTargetPercent", `expected a percentage 0–100, got ${String(minWithinTargetPercent)}`);
  }
  const excluded: Array<{ id: string; reason: string }> = [];
  const pending: string[] = [];
  const breachedIds: string[] = [];
  let met = 0;
  const seen = new Set<string>();
  tickets.forEach((t, i) => {
    if (typeof t?.id !== "string" || t.id === "") throw new SlaInputError(`tickets[${i}].id`, "expected a ticket id");
    if (seen.has(t.id)) throw new SlaInputError(`tickets[${i}].id`, `ticket ${t.id} is listed twice`);
    seen.add(t.id);
    if (t.excludedReason || t.state === "excluded") {
      excluded.push({ id: t.id, reason: t.excludedReason || "excluded from SLA measurement" });
      return;
    }
    switch (t.state) {
      case "not_covered":
        excluded.push({ id: t.id, reason: "priority not covered by the agreement" });
        return;
      case "met":
        met++;
        return;
      case "breached":
        breachedIds.push(t.id);
        return;
      case "running":
      case "paused":
        pending.push(t.id);
        return;
      default:
        throw new SlaInputError(`tickets[${i}].state`, `unknown clock state ${JSON.stringify(t.state)}`);
    }
  });
  const measured = met + breachedIds.length;
  const percent = measured === 0 ? 100 : (met / measured) * 100;
  return { measured, met, breached: breachedIds.length, percent, passes: percent >= minWithinTargetPercent, excluded, pending, breachedIds };
}
