import "server-only";
/**
 * Warns the provider admins by e-mail when a coming on-call period (within GAP_WARN_DAYS) has
 * nobody as primary (issue 18). Once per period and admin: the notification's dedupe key is the
 * period's start, which does not move as time passes or as the gap shrinks. Goes through the
 * outbox like every notification (writeNotifications), in each admin's language.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { coverageIntervals, mondayOf } from "../../sla/rota-pattern";
import { TIME_ZONE } from "../../config/time-zone";
import { byEmail, notificationRows, writeNotifications } from "../notifications/write-notifications";
import { rotaGaps } from "./rota-gaps";

export const GAP_WARN_DAYS = 7;
export const ROTA_GAP_TEMPLATE = "oncall-rota-gap" as const;

export const rotaGapDedupeKey = (periodStartsAt: Date, userId: string) => `oncall-rota-gap:${periodStartsAt.toISOString()}:${userId}`;

export async function warnRotaGaps({ prisma, now, appUrl }: { prisma: PrismaClient; now: Date; appUrl: string }): Promise<{ periods: number; written: number }> {
  const to = new Date(now.getTime() + GAP_WARN_DAYS * 86_400_000);
  const { required, gaps } = await rotaGaps(prisma, now, to);
  if (!required || gaps.length === 0) return { periods: 0, written: 0 };
  const admins = await prisma.user.findMany({ where: { role: "PROVIDER_ADMIN", deactivatedAt: null, organization: { isProvider: true } }, select: { id: true } });
  const rows = coverageIntervals(required, now, to, TIME_ZONE).flatMap((period) => {
    const first = gaps.find((g) => g.startsAt < period.endsAt && g.endsAt > period.startsAt);
    if (!first) return [];
    const startsAt = first.startsAt > period.startsAt ? first.startsAt : period.startsAt;
    const endsAt = first.endsAt < period.endsAt ? first.endsAt : period.endsAt;
    return notificationRows({
      template: ROTA_GAP_TEMPLATE,
      ticketId: null,
      payload: {
        periodStartsAt: period.startsAt.toISOString(),
        periodEndsAt: period.endsAt.toISOString(),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        url: `${appUrl.replace(/\/$/, "")}/admin/vakt?fra=${mondayOf(startsAt, TIME_ZONE)}`,
      },
      to: admins.map((a) => byEmail(a.id, rotaGapDedupeKey(period.startsAt, a.id))),
    });
  });
  const written = await writeNotifications(prisma, rows, now);
  return { periods: admins.length ? rows.length / admins.length : 0, written };
}
