import "server-only";
/**
 * A calendar changed (a date closed, or given special hours): the clocks measured on it that are
 * still counting are recomputed, so their due instants, and the timers set for them, follow the
 * calendar. Without this a breach timer would fire at the instant the old calendar gave. Each
 * ticket is recomputed in a transaction of its own, under its lock, as a ticket action does; a
 * clock whose due instant stays the same keeps its revision and timers. Safe to run twice.
 */
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "./context";
import { lockTicket, recomputeResponseClock } from "./clock";

const PAGE = 200;

/** The system job that runs it; an admin's change to a calendar schedules it through the outbox. */
export const RECOMPUTE_CALENDAR_CLOCKS_JOB = "recompute-calendar-clocks";

export async function recomputeClocksOnCalendar({ calendarId, ctx }: { calendarId: string; ctx: UseCaseContext }): Promise<{ checked: number; changed: number }> {
  let checked = 0;
  let changed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    // Tickets whose agreement version measures some priority on the calendar (a superset of those
    // whose own priority is: recomputing one that is not changes nothing).
    const tickets = await ctx.prisma.$queryRaw<Array<{ id: string; revision: number }>>`
      select t."id", c."revision" from "Ticket" t
      join "SlaClock" c on c."ticketId" = t."id" and c."metric" = 'RESPONSE'
      where c."state" in ('RUNNING', 'PAUSED') and c."stoppedAt" is null and t."id" > ${after}::uuid
        and exists (select 1 from "ResponseTarget" r where r."versionId" = t."agreementVersionId" and r."calendarId" = ${calendarId}::uuid)
      order by t."id" limit ${PAGE}`;
    for (const ticket of tickets) {
      const stored = await ctx.prisma.$transaction(async (tx) => {
        await lockTicket(tx, ticket.id);
        return recomputeResponseClock(tx, ticket.id, ctx.now());
      }, TRANSACTION_OPTIONS);
      if (stored.revision !== ticket.revision) changed++;
    }
    checked += tickets.length;
    if (tickets.length < PAGE) return { checked, changed };
    after = tickets.at(-1)!.id;
  }
}
