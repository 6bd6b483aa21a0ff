import "server-only";
/**
 * GET /api/v1/organizations/:id/sla-report?month=YYYY-MM: the month's SLA report figures (a closed
 * month's frozen figures, with a fresh computation and the differences). Customer admins of the
 * organisation and provider admins; anyone else, and any other organisation, gets 404. The route
 * wraps this handler with withApiActor; tests wrap it with a clock of their own.
 */
import { z } from "zod";
import { getOrganizationReport, MonthSchema } from "../reports";
import type { ApiHandler } from "./with-api-actor";
import { queryOf } from "./request-input";
import { json } from "./responses";

const QuerySchema = z.object({ month: MonthSchema });

export const slaReportHandler: ApiHandler<{ id: string }> = async ({ request, actor, ctx, params }) => {
  const { month } = QuerySchema.parse(queryOf(request));
  const report = await getOrganizationReport({ actor, input: { organizationId: params.id, month }, ctx });
  return json(report);
};
