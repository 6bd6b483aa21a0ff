import "server-only";
/**
 * Silence closes a solved ticket when its confirmation window has passed (000 §5.8), except a
 * security incident without its root-cause analysis (000 §5.9), which waits for it. Safe to run
 * twice: each ticket is claimed with a conditional update.
 */
import type { UseCaseContext } from "./context";
import { appendEvent } from "./events";
import { noticeToRequester } from "../notifications/customer-notices";
import { sendRcaReportIfSecurity } from "../security/security-notices";

export async function autoCloseSolvedTickets({ ctx, limit = 500 }: { ctx: UseCaseContext; limit?: number }): Promise<{ closed: string[] }> {
  const now = ctx.now();
  const due = await ctx.prisma.ticket.findMany({
    where: {
      status: "SOLVED",
      confirmationDueAt: { lte: now },
      OR: [{ securityIncident: false }, { rootCause: { not: null }, correctiveActions: { not: null } }],
    },
    orderBy: { confirmationDueAt: "asc" },
    take: limit,
    select: { id: true, reference: true },
  });
  const closed: string[] = [];
  for (const ticket of due) {
    const done = await ctx.prisma.$transaction(async (tx) => {
      const claimed = await tx.ticket.updateMany({
        where: { id: ticket.id, status: "SOLVED", confirmationDueAt: { lte: now } },
        data: { status: "CLOSED", closedAt: now, confirmationDueAt: null },
      });
      if (claimed.count === 0) return false;
      await appendEvent(tx, { ticketId: ticket.id, type: "CLOSED", actorId: null, at: now, data: { cause: "confirmation_window_passed" } });
      await noticeToRequester(tx, { ticketId: ticket.id, template: "ticket-closed", fields: { cause: "confirmation_window_passed" }, actorId: null, now });
      await sendRcaReportIfSecurity(tx, { ticketId: ticket.id, now });
      return true;
    });
    if (done) closed.push(ticket.reference);
  }
  return { closed };
}
