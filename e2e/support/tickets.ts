/** Test data through the real use cases: a ticket registered by a demo user, solved by a demo agent. */
import { createPrisma } from "../../lib/server/db/prisma";
import { loadActor, type Actor } from "../../lib/server/actor";
import { applyTicketAction, registerTicket, type TicketActionRequest, type TicketView } from "../../lib/server/tickets";

/**
 * `at` is the use case's clock: the instant the test chose. Without it the wall clock's instant is
 * used, only by tests whose assertions hold at any hour (a leak crawl, a reply, a 404).
 */
async function withActor<T>(email: string, run: (actor: Actor, ctx: { prisma: ReturnType<typeof createPrisma>; now: () => Date }) => Promise<T>, at?: Date): Promise<T> {
  const prisma = createPrisma(undefined, 2);
  try {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const actor = await loadActor(prisma, user.id);
    if (!actor) throw new Error(`${email} is not an active user`);
    return await run(actor, { prisma, now: () => (at ? new Date(at) : new Date()) });
  } finally {
    await prisma.$disconnect();
  }
}

export const registerTicketAs = (email: string, title: string, priority: "P1" | "P2" | "P3" | "P4" = "P3", at?: Date): Promise<TicketView> =>
  withActor(email, (actor, ctx) => registerTicket({ actor, input: { title, description: `${title} (e2e)`, priority, channel: "PORTAL" }, ctx }), at);

export const resolveTicketAs = (email: string, ticketId: string, solution: string): Promise<TicketView> =>
  withActor(email, (actor, ctx) => applyTicketAction({ actor, input: { ticketId, action: { type: "resolve", solution } }, ctx }));

/** Applies actions in order, each as the staff member named with it. */
export async function actAs(steps: { email: string; action: TicketActionRequest }[], ticketId: string): Promise<void> {
  for (const { email, action } of steps) await withActor(email, (actor, ctx) => applyTicketAction({ actor, input: { ticketId, action }, ctx }));
}
