import "server-only";
/**
 * The customer claims a month's credit (Pureservice 003 §4.3: in writing, within 4 weeks of the
 * downtime). Recorded by the organisation's customer admin or a provider admin, at ctx.now(),
 * with an audit row in the same transaction. Only an open claim can be recorded: a credit already
 * claimed is a conflict; one whose deadline has passed, or with nothing to claim, is refused.
 */
import { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { conflict, notFound, unprocessable } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { requireReadableOrganization, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { reportViews } from "./report-views";
import { creditClaimOf, type CreditClaimView } from "./credit-claim";
import { ClaimCreditSchema, type ClaimCreditInput } from "./schemas";

export async function claimCredit({ actor, input, ctx }: { actor: Actor; input: ClaimCreditInput; ctx: UseCaseContext }): Promise<CreditClaimView> {
  requireRole(actor, ["CUSTOMER_ADMIN", "PROVIDER_ADMIN"], "Report");
  const { organizationId, month, note } = parseInput(ClaimCreditSchema, input);
  const org = await requireReadableOrganization(ctx.prisma, actor, organizationId);
  const now = ctx.now();
  const [view] = await reportViews(ctx.prisma, month, now, [org.id]);
  if (!view) throw notFound("Report");
  const claim = await creditClaimOf(ctx.prisma, view.figures, now);
  if (!claim) throw unprocessable("The agreement credits without a claim", { _: ["the agreement credits without a claim"] });
  if (claim.state === "claimed") throw conflict(`The credit for ${month} is already claimed`);
  if (claim.state === "nothing_to_claim") throw unprocessable(`There is no credit to claim for ${month}`, { _: ["no credit to claim"] });
  if (claim.state === "forfeited") throw unprocessable(`The claim period for ${month} ended ${claim.deadline}`, { _: ["the claim period has ended"] });
  try {
    await ctx.prisma.$transaction(async (tx) => {
      const row = await tx.creditClaim.create({
        data: { organizationId: org.id, month, claimedAt: now, claimedById: actor.userId, note: note || null },
        select: { id: true },
      });
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "credit.claim",
        targetType: "CreditClaim",
        targetId: row.id,
        organizationId: org.id,
        before: null,
        after: { month, claimedAt: now.toISOString(), deadline: claim.deadline, creditAmountOre: view.figures.credit.amountOre, creditPercent: view.figures.credit.percent, note: note || null },
      });
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict(`The credit for ${month} is already claimed`);
    throw error;
  }
  return { ...claim, state: "claimed", claimedAt: now.toISOString() };
}
