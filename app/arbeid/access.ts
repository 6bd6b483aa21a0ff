import "server-only";
/** The workspace is for servicedesk staff; a ticket outside the agent's reach is a 404. */
import { notFound, redirect } from "next/navigation";
import { isStaff, type Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { defaultContext, getStaffTicket, listTicketEvents, type TicketEventView, type TicketView } from "@/lib/server/tickets";
import { currentActor } from "@/lib/i18n/server";
import { homeFor } from "@/components/nav-items";

export async function requireStaff(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!isStaff(actor)) redirect(homeFor(actor.role));
  return actor;
}

export async function loadAgentTicket(actor: Actor, id: string): Promise<{ ticket: TicketView; events: TicketEventView[] }> {
  const ctx = defaultContext();
  try {
    const [ticket, events] = await Promise.all([getStaffTicket({ actor, input: { id }, ctx }), listTicketEvents({ actor, input: { id }, ctx })]);
    return { ticket, events };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
