import { toInstant } from "./business-time";
import type { CreditScheme } from "./credit";
import { SlaInputError } from "./errors";

/**
 * The claim rule of a credit (Pureservice 003 §4.3: "Retten til kreditering bortfaller dersom
 * kunden ikke påberoper dette skriftlig innen 4 uker etter nedetid"). A credit under a scheme with
 * a claim rule is paid only when the customer claimed it by the deadline; otherwise it is shown
 * as forfeited, never as paid.
 *
 * Interpretation: the deadline counts from the end of the period's last counted downtime
 * (clipped to the period; downtime still going on counts to the period's end), plus
 * `claimWithinDays` whole days of 24 hours (4 weeks = 28 days). A claim exactly at the deadline
 * is in time.
 */
export type CreditClaimState =
  /** The scheme has no claim rule: the credit is given without a claim. */
  | "automatic"
  /** No credit this period: nothing to claim. */
  | "nothing_to_claim"
  /** Claimed by the deadline: credited. */
  | "claimed"
  /** Not claimed (or claimed too late) and the deadline has passed: forfeited, not paid. */
  | "forfeited"
  /** Not yet claimed; the customer may still claim until `deadline`. */
  | "open";

export interface CreditClaimInput {
  scheme: CreditScheme;
  /** The period's credit amount (any unit); null when undefined (a tiers gap) or no fee is known. */
  creditAmount: number | null;
  /** Credit percent of the fee; used when the amount is unknown (no fee set). */
  creditPercent: number | null;
  /** End of the last counted downtime in the period (clipped to the period), or null for none. */
  lastDowntimeEnd: Date | null;
  /** The period's end (exclusive), the fallback start of the claim window. */
  periodEnd: Date;
  /** When the customer claimed, if they did. */
  claimedAt: Date | null;
  /** The instant the status is read at. */
  now: Date;
}

export interface CreditClaimStatus {
  state: CreditClaimState;
  /** The last instant a claim is in time; null without a claim rule. */
  deadline: Date | null;
}

const DAY_MS = 86_400_000;

/** The claim deadline of a scheme with a claim rule; null without one. */
export function creditClaimDeadline(scheme: CreditScheme, lastDowntimeEnd: Date | null, periodEnd: Date): Date | null {
  if (scheme.kind === "none" || scheme.claimWithinDays === undefined) return null;
  const days = scheme.claimWithinDays;
  if (!Number.isInteger(days) || days < 1) throw new SlaInputError("credit.claimWithinDays", `expected whole days >= 1, got ${String(days)}`);
  const end = toInstant(periodEnd, "periodEnd");
  const from = lastDowntimeEnd === null ? end : Math.min(toInstant(lastDowntimeEnd, "lastDowntimeEnd"), end);
  return new Date(from + days * DAY_MS);
}

export function creditClaimStatus(input: CreditClaimInput): CreditClaimStatus {
  const deadline = creditClaimDeadline(input.scheme, input.lastDowntimeEnd, input.periodEnd);
  if (deadline === null) return { state: "automatic", deadline: null };
  const owed = input.creditAmount !== null ? input.creditAmount > 0 : input.creditPercent !== null && input.creditPercent > 0;
  if (!owed) return { state: "nothing_to_claim", deadline };
  const now = toInstant(input.now, "now");
  if (input.claimedAt !== null) {
    return { state: toInstant(input.claimedAt, "claimedAt") <= deadline.getTime() ? "claimed" : "forfeited", deadline };
  }
  return { state: now <= deadline.getTime() ? "open" : "forfeited", deadline };
}
