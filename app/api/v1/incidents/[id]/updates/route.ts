/** POST /api/v1/incidents/:id/updates: tells the affected customers how an open incident is going (body: message). */
import { updateIncident } from "../../../../../../lib/server/incidents";
import { withApiActor } from "../../../../../../lib/server/api/with-api-actor";
import { json } from "../../../../../../lib/server/api/responses";

export const dynamic = "force-dynamic";

export const POST = withApiActor<{ id: string }>(async ({ actor, ctx, params, body }) => {
  const raw = await body();
  const input = { ...(typeof raw === "object" && raw !== null ? raw : {}), id: params.id };
  const update = await updateIncident({ actor, input: input as Parameters<typeof updateIncident>[0]["input"], ctx });
  return json(update, { status: 201 });
});
