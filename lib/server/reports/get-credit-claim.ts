import "server-only";
/**
 * The claim state of a report the actor has read (getOrganizationReport): null when the
 * agreement credits without a claim. `mayClaim` says whether this actor may record the claim now.
 */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { requireReadableOrganization } from "../tickets/scope";
import { creditClaimOf, type CreditClaimView } from "./credit-claim";
import type { ReportView } from "./report-views";

export async function getCreditClaim({ actor, view, ctx }: { actor: Actor; view: ReportView; ctx: UseCaseContext }): Promise<(CreditClaimView & { mayClaim: boolean }) | null> {
  await requireReadableOrganization(ctx.prisma, actor, view.figures.organization.id);
  const claim = await creditClaimOf(ctx.prisma, view.figures, ctx.now());
  if (!claim) return null;
  const mayClaim = claim.state === "open" && (actor.role === "PROVIDER_ADMIN" || (actor.role === "CUSTOMER_ADMIN" && actor.organizationId === view.figures.organization.id));
  return { ...claim, mayClaim };
}
