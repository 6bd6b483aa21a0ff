import "server-only";
/**
 * A person's shifts as an iCalendar feed (issue 18) behind a secret link: /api/calendar/<token>.ics
 * (calendar-token.ts). An unknown token, or one of a deactivated person, is a 404 like any other.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { notFound } from "../errors";
import { renderCalendar } from "../../sla/icalendar";
import { t } from "../../i18n/t";
import { isLocale } from "../../i18n/locales";
import { hashOf, TOKEN } from "./calendar-token";

/** Shifts in the feed: from this many days back to this many ahead. */
export const FEED_DAYS_BACK = 31;
export const FEED_DAYS_AHEAD = 120;

/** The feed's text for a token, or a not_found. */
export async function calendarFeed({ prisma, token, now, appUrl }: { prisma: PrismaClient; token: string; now: Date; appUrl: string }): Promise<string> {
  if (!TOKEN.test(token)) throw notFound("Calendar");
  const row = await prisma.onCallCalendarToken.findUnique({ where: { tokenHash: hashOf(token) }, select: { userId: true } });
  const user = row && (await prisma.user.findFirst({ where: { id: row.userId, deactivatedAt: null }, select: { id: true, name: true, locale: true } }));
  if (!user) throw notFound("Calendar");
  const locale = isLocale(user.locale) ? user.locale : "nb";
  const shifts = await prisma.onCallShift.findMany({
    where: { userId: user.id, endsAt: { gt: new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000) }, startsAt: { lt: new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000) } },
    orderBy: [{ startsAt: "asc" }, { position: "asc" }],
    select: { id: true, startsAt: true, endsAt: true, position: true },
  });
  const rotaUrl = `${appUrl.replace(/\/$/, "")}/vakt`;
  return renderCalendar({
    productId: "-//Helpdesk//Vaktliste//NB",
    name: t(locale, "rota.calendar.feedName", { name: user.name }),
    now,
    events: shifts.map((s) => ({
      uid: `${s.id}@oncall.helpdesk`,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      summary: t(locale, s.position === 0 ? "rota.calendar.eventPrimary" : "rota.calendar.eventBackup"),
      description: t(locale, "rota.calendar.eventDescription", { url: rotaUrl }),
    })),
  });
}
