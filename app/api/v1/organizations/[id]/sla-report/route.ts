/** GET /api/v1/organizations/:id/sla-report?month=YYYY-MM (lib/server/api/sla-report.ts). */
import { slaReportHandler } from "../../../../../../lib/server/api/sla-report";
import { withApiActor } from "../../../../../../lib/server/api/with-api-actor";

export const dynamic = "force-dynamic";

export const GET = withApiActor<{ id: string }>(slaReportHandler);
