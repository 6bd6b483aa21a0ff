/**
 * GET /api/v1/organizations/:id/sla-report?month=YYYY-MM: the month's SLA report figures (a closed
 * month's frozen figures, with a fresh computation and the differences). Customer admins of the
 * organisation and provider admins; anyone else, and any other organisation, gets 404.
 */
import { z } from "zod";
import { getOrganizationReport, MonthSchema } from "../../../../../../lib/server/reports";
import { withApiActor } from "../../../../../../lib/server/api/with-api-actor";
import { queryOf } from "../../../../../../lib/server/api/request-input";
import { json } from "../../../../../../lib/server/api/responses";

export const dynamic = "force-dynamic";

const QuerySchema = z.object({ month: MonthSchema });

export const GET = withApiActor<{ id: string }>(async ({ request, actor, ctx, params }) => {
  const { month } = QuerySchema.parse(queryOf(request));
  const report = await getOrganizationReport({ actor, input: { organizationId: params.id, month }, ctx });
  return json(report);
});
