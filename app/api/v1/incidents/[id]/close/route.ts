/** POST /api/v1/incidents/:id/close: ends an open incident (body: optional endedAt, counts, exclusionReason). */
import { closeIncident } from "../../../../../../lib/server/incidents";
import { withApiActor } from "../../../../../../lib/server/api/with-api-actor";
import { json } from "../../../../../../lib/server/api/responses";

export const dynamic = "force-dynamic";

export const POST = withApiActor<{ id: string }>(async ({ request, actor, ctx, params, body }) => {
  // An empty body closes the incident now, as it is.
  const raw = (await request.clone().text()).trim() === "" ? {} : await body();
  const input = { ...(typeof raw === "object" && raw !== null ? raw : {}), id: params.id };
  const incident = await closeIncident({ actor, input: input as Parameters<typeof closeIncident>[0]["input"], ctx });
  return json(incident);
});
