import "server-only";
/** The customer pages are for customers' users; a ticket outside the user's reach is a 404. */
import { notFound, redirect } from "next/navigation";
import { CUSTOMER_ROLES, type Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { defaultContext, getTicket, listTicketEvents, type CustomerTicketView, type TicketEventView } from "@/lib/server/tickets";
import { currentActor } from "@/lib/i18n/server";
import { homeFor } from "@/components/nav-items";

export async function requireCustomer(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!CUSTOMER_ROLES.includes(actor.role)) redirect(homeFor(actor.role));
  return actor;
}

export async function loadTicket(actor: Actor, id: string, withEvents: boolean): Promise<{ ticket: CustomerTicketView; events: TicketEventView[] }> {
  const ctx = defaultContext();
  try {
    const [ticket, events] = await Promise.all([getTicket({ actor, input: { id }, ctx }), withEvents ? listTicketEvents({ actor, input: { id }, ctx }) : Promise.resolve([])]);
    return { ticket, events };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
