/** GET /api/v1/tickets/:id: one ticket, or 404 for anything the caller may not see (malformed ids included). */
import { getTicket } from "../../../../../lib/server/tickets";
import { withApiActor } from "../../../../../lib/server/api/with-api-actor";
import { ticketIdOf } from "../../../../../lib/server/api/request-input";
import { json } from "../../../../../lib/server/api/responses";

export const dynamic = "force-dynamic";

export const GET = withApiActor<{ id: string }>(async ({ actor, ctx, params }) => {
  const ticket = await getTicket({ actor, input: { id: ticketIdOf(params) }, ctx });
  return json(ticket);
});
