/** GET /api/v1/tickets: the tickets the caller may see, a page at a time. POST: register a ticket (201). */
import { listTickets, registerTicket, ticketViewFor } from "../../../../lib/server/tickets";
import { ListTicketsSchema, RegisterTicketSchema } from "../../../../lib/server/tickets/schemas";
import { withApiActor } from "../../../../lib/server/api/with-api-actor";
import { queryOf } from "../../../../lib/server/api/request-input";
import { json } from "../../../../lib/server/api/responses";

export const dynamic = "force-dynamic";

export const GET = withApiActor(async ({ request, actor, ctx }) => {
  const input = ListTicketsSchema.parse(queryOf(request));
  const page = await listTickets({ actor, input, ctx });
  return json({ items: page.items, nextCursor: page.nextCursor });
});

export const POST = withApiActor(async ({ actor, ctx, body }) => {
  // A ticket that comes in through the API was registered over the API unless the caller says otherwise.
  const input = RegisterTicketSchema.parse(await body());
  const ticket = await registerTicket({ actor, input: { ...input, channel: input.channel ?? "API" }, ctx });
  return json(ticketViewFor(actor, ticket), { status: 201, headers: { location: `/api/v1/tickets/${ticket.id}` } });
});
