/**
 * POST /api/v1/escalations/:id/acknowledge: the caller acknowledges an on-call page (the person
 * paged, or staff who can see the ticket). Idempotent: a page already acknowledged answers 200
 * with status "already_acknowledged" and who acknowledged it when. Anything else the caller may
 * not see is 404.
 */
import { acknowledgePage } from "../../../../../../lib/server/oncall/acknowledge-page";
import { withApiActor } from "../../../../../../lib/server/api/with-api-actor";
import { json } from "../../../../../../lib/server/api/responses";

export const dynamic = "force-dynamic";

export const POST = withApiActor<{ id: string }>(async ({ actor, ctx, params }) => {
  const result = await acknowledgePage({ prisma: ctx.prisma, by: { actor }, escalationId: params.id, now: ctx.now() });
  return json({
    escalationId: result.escalationId,
    ticketId: result.ticketId,
    reference: result.reference,
    status: result.status,
    acknowledgedAt: result.acknowledgedAt.toISOString(),
    acknowledgedBy: result.acknowledgedBy,
  });
});
