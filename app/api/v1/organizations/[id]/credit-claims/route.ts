/** POST /api/v1/organizations/:id/credit-claims (lib/server/api/credit-claim.ts). */
import { creditClaimHandler } from "../../../../../../lib/server/api/credit-claim";
import { withApiActor } from "../../../../../../lib/server/api/with-api-actor";

export const dynamic = "force-dynamic";

export const POST = withApiActor<{ id: string }>(creditClaimHandler);
