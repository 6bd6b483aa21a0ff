import "server-only";
/**
 * A person's shifts as an iCalendar feed (issue 18) behind a secret link: /api/calendar/<token>.ics.
 * Only the SHA-256 of the token is stored; making a new one (the person on /vakt, or a provider
 * admin on /admin/vakt) replaces the old, which stops working. An unknown token, or one of a
 * deactivated person, is a 404 like any other.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { renderCalendar } from "../../sla/icalendar";
import { t } from "../../i18n/t";
import { isLocale } from "../../i18n/locales";
import { z } from "zod";
import { ON_CALL_ROLES } from "./rota";

/** Shifts in the feed: from this many days back to this many ahead. */
export const FEED_DAYS_BACK = 31;
export const FEED_DAYS_AHEAD = 120;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export const calendarFeedUrl = (appUrl: string, token: string) => `${appUrl.replace(/\/$/, "")}/api/calendar/${token}.ics`;

/** A new secret link for `userId` (the actor themself, or anyone on call when a provider admin asks); the token is returned once. */
export async function makeCalendarToken({ actor, input, ctx }: { actor: Actor; input: { userId: string }; ctx: UseCaseContext }): Promise<{ token: string }> {
  const { userId } = parseInput(z.object({ userId: z.uuid() }), input);
  if (userId !== actor.userId && actor.role !== "PROVIDER_ADMIN") throw notFound("User");
  const token = randomBytes(32).toString("base64url");
  await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deactivatedAt: null, role: { in: [...ON_CALL_ROLES] }, organization: { isProvider: true } }, select: { id: true } });
    if (!user) throw notFound("User");
    const before = await tx.onCallCalendarToken.findUnique({ where: { userId }, select: { createdAt: true } });
    await tx.onCallCalendarToken.upsert({ where: { userId }, create: { userId, tokenHash: hashOf(token), createdAt: ctx.now() }, update: { tokenHash: hashOf(token), createdAt: ctx.now() } });
    await writeAudit(tx, ctx, {
      actor,
      action: "oncall.calendar_link",
      targetType: "OnCallCalendarToken",
      targetId: userId,
      organizationId: null,
      before: before ? toJson({ link: "replaced", madeAt: before.createdAt.toISOString() }) : null,
      after: toJson({ link: "new" }),
    });
  }, TRANSACTION_OPTIONS);
  return { token };
}

/** When the person's current link was made, or null. */
export async function calendarTokenMadeAt(prisma: PrismaClient, userId: string): Promise<Date | null> {
  return (await prisma.onCallCalendarToken.findUnique({ where: { userId }, select: { createdAt: true } }))?.createdAt ?? null;
}

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
