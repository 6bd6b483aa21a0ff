import "server-only";
/**
 * POST /api/v1/organizations/:id/credit-claims {month, note?}: the customer's system claims a
 * month's credit under a claim rule (Pureservice 003 §4.3: within 4 weeks of the downtime).
 * Customer admins of the organisation and provider admins; anyone else, and any other
 * organisation, gets 404; an already claimed month 409; a closed or empty claim 422.
 */
import { z } from "zod";
import { claimCredit, MonthSchema } from "../reports";
import { safeString } from "../validation";
import type { ApiHandler } from "./with-api-actor";
import { json } from "./responses";

export const ClaimCreditBodySchema = z.object({ month: MonthSchema, note: safeString().trim().max(500).optional() });

export const creditClaimHandler: ApiHandler<{ id: string }> = async ({ actor, ctx, params, body }) => {
  const { month, note } = ClaimCreditBodySchema.parse(await body());
  const claim = await claimCredit({ actor, input: { organizationId: params.id, month, note }, ctx });
  return json(claim, { status: 201 });
};
