import "server-only";
/** Every calendar with its zone, weekly hours and how many response targets use it. */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";

export interface CalendarRow {
  id: string;
  key: string;
  name: string;
  timeZone: string;
  norwegianHolidays: boolean;
  datedExceptions: number;
  targets: number;
}

export async function listCalendars({ actor, ctx }: { actor: Actor; input?: undefined; ctx: UseCaseContext }): Promise<CalendarRow[]> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const rows = await ctx.prisma.calendar.findMany({
    orderBy: { name: "asc" },
    select: { id: true, key: true, name: true, timeZone: true, holidayCountry: true, _count: { select: { dates: true, targets: true } } },
  });
  return rows.map(({ _count, holidayCountry, ...c }) => ({ ...c, norwegianHolidays: holidayCountry === "NO", datedExceptions: _count.dates, targets: _count.targets }));
}
