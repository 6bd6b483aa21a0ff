/** GET /api/v1/incidents: incidents the caller may see; POST: an agent or provider admin records downtime. */
import { listIncidents, openIncident } from "../../../../lib/server/incidents";
import { withApiActor } from "../../../../lib/server/api/with-api-actor";
import { queryOf } from "../../../../lib/server/api/request-input";
import { json } from "../../../../lib/server/api/responses";

export const dynamic = "force-dynamic";

export const GET = withApiActor(async ({ request, actor, ctx }) => {
  const items = await listIncidents({ actor, input: queryOf(request), ctx });
  return json({ items });
});

export const POST = withApiActor(async ({ actor, ctx, body }) => {
  const incident = await openIncident({ actor, input: (await body()) as Parameters<typeof openIncident>[0]["input"], ctx });
  return json(incident, { status: 201, headers: { location: `/api/v1/incidents/${incident.id}` } });
});
