/** GET /api/v1/tickets: the tickets the caller may see, a page at a time (with `q`: searched, ranked). POST: register a ticket (201), JSON or multipart with `files`. */
import { listTickets, registerTicket, registerTicketOnce, ticketViewFor } from "../../../../lib/server/tickets";
import { ListTicketsSchema, RegisterTicketSchema } from "../../../../lib/server/tickets/schemas";
import { withApiActor } from "../../../../lib/server/api/with-api-actor";
import { queryOf } from "../../../../lib/server/api/request-input";
import { json } from "../../../../lib/server/api/responses";
import { readTicketUpload } from "../../../../lib/server/attachments/upload";
import { searchTickets } from "../../../../lib/server/tickets/search-tickets";

export const dynamic = "force-dynamic";

export const GET = withApiActor(async ({ request, actor, ctx }) => {
  const input = ListTicketsSchema.parse(queryOf(request));
  if (input.q) {
    const { q, status, priority, line, cursor, limit } = input;
    const found = await searchTickets({ actor, input: { q, status, priority, line, cursor, limit }, ctx });
    return json({ items: found.items.map((hit) => hit.ticket), nextCursor: found.nextCursor });
  }
  const page = await listTickets({ actor, input, ctx });
  return json({ items: page.items, nextCursor: page.nextCursor });
});

export const POST = withApiActor(async ({ request, actor, ctx, body }) => {
  const upload = await readTicketUpload(request, body);
  try {
    // A ticket that comes in through the API was registered over the API unless the caller says otherwise.
    // With an Idempotency-Key, a retry (or a second request racing the first) gets the same ticket.
    const parsed = RegisterTicketSchema.parse(upload.input);
    const input = { ...parsed, channel: parsed.channel ?? "API" };
    const { attachments } = upload;
    const idempotencyKey = request.headers.get("idempotency-key");
    const { ticket, replayed } =
      idempotencyKey !== null ? await registerTicketOnce({ actor, input, idempotencyKey, ctx, attachments }) : { ticket: await registerTicket({ actor, input, ctx, attachments }), replayed: false };
    return json(ticketViewFor(actor, ticket), { status: replayed ? 200 : 201, headers: { location: `/api/v1/tickets/${ticket.id}`, ...(replayed ? { "idempotent-replayed": "true" } : {}) } });
  } finally {
    await upload.cleanup();
  }
});
