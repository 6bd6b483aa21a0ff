/**
 * GET /api/v1/tickets/:id/events: the ticket's history as the caller may see it.
 * POST: one action on the ticket (start, reply, escalate, resolve, …), JSON or multipart with
 * `files`, answered with the ticket after it.
 */
import { applyTicketAction, listTicketEvents, ticketViewFor } from "../../../../../../lib/server/tickets";
import { TicketActionSchema } from "../../../../../../lib/server/tickets/schemas";
import { withApiActor } from "../../../../../../lib/server/api/with-api-actor";
import { ticketIdOf } from "../../../../../../lib/server/api/request-input";
import { json } from "../../../../../../lib/server/api/responses";
import { readTicketUpload } from "../../../../../../lib/server/attachments/upload";

export const dynamic = "force-dynamic";

export const GET = withApiActor<{ id: string }>(async ({ actor, ctx, params }) => {
  const items = await listTicketEvents({ actor, input: { id: ticketIdOf(params) }, ctx });
  return json({ items });
});

export const POST = withApiActor<{ id: string }>(async ({ request, actor, ctx, params, body }) => {
  const ticketId = ticketIdOf(params);
  const upload = await readTicketUpload(request, body);
  try {
    const action = TicketActionSchema.parse(upload.input);
    const ticket = await applyTicketAction({ actor, input: { ticketId, action }, ctx, attachments: upload.attachments });
    return json(ticketViewFor(actor, ticket));
  } finally {
    await upload.cleanup();
  }
});
