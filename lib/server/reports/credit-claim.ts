import "server-only";
/**
 * A month's credit under a scheme with a claim rule (Pureservice 003 §4.3): claimed and credited,
 * open until its deadline, or forfeited. Read from the report's figures (frozen for a closed
 * month), the scheme of the agreement version the figures name, and the CreditClaim row; the
 * state is as of `now`, so it is computed when read, never stored with the figures.
 */
import { creditClaimStatus, type CreditClaimState } from "../../sla";
import type { DbClient } from "../db/prisma";
import { CreditSchemeSchema, parseStored } from "../db/json-schemas";
import type { ReportFigures } from "./figures";

export interface CreditClaimView {
  state: CreditClaimState;
  claimWithinDays: number;
  /** ISO instant: the last moment a claim is in time. */
  deadline: string;
  claimedAt: string | null;
}

/** End of the month's last counted downtime, clipped to the month (downtime still going on: the month's end). */
function lastDowntimeEnd(figures: ReportFigures): Date | null {
  const from = Date.parse(figures.period.from);
  const to = Date.parse(figures.period.to);
  const ends = figures.uptime.incidents
    .filter((i) => i.counts && Date.parse(i.startedAt) < to && (i.endedAt === null || Date.parse(i.endedAt) > from))
    .map((i) => Math.min(i.endedAt === null ? to : Date.parse(i.endedAt), to));
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/** The claim of the month, or null when the agreement's scheme has no claim rule (credited automatically). */
export async function creditClaimOf(db: DbClient, figures: ReportFigures, now: Date): Promise<CreditClaimView | null> {
  if (!figures.agreement) return null;
  const [version, claim] = await Promise.all([
    db.agreementVersion.findUnique({ where: { id: figures.agreement.versionId }, select: { id: true, creditScheme: true } }),
    db.creditClaim.findUnique({ where: { organizationId_month: { organizationId: figures.organization.id, month: figures.month } }, select: { claimedAt: true } }),
  ]);
  if (!version) return null;
  const scheme = parseStored(CreditSchemeSchema, version.creditScheme, `AgreementVersion.creditScheme of version ${version.id}`);
  if (scheme.kind === "none" || scheme.claimWithinDays === undefined) return null;
  const status = creditClaimStatus({
    scheme,
    creditAmount: figures.credit.amountOre,
    creditPercent: figures.credit.percent,
    lastDowntimeEnd: lastDowntimeEnd(figures),
    periodEnd: new Date(figures.period.to),
    claimedAt: claim?.claimedAt ?? null,
    now,
  });
  return { state: status.state, claimWithinDays: scheme.claimWithinDays, deadline: status.deadline!.toISOString(), claimedAt: claim?.claimedAt.toISOString() ?? null };
}
