/**
 * A customer whose P3 (four hours) runs on a calendar the test makes through the admin use case
 * and then changes (tests/integration/calendar-change.test.ts, calendar-editing.test.ts): the
 * calendar, an agreement on it, an organisation and its end user.
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEFAULT_TIME_ZONE } from "../../lib/config/time-zone";
import { createCalendar } from "../../lib/server/admin";
import { actorByEmail } from "./fixtures";

export async function customerOnNewCalendar(ctx: { prisma: PrismaClient; now: () => Date }, c: { key: string; calendarName: string; weekly: Record<string, string> }) {
  const { prisma } = ctx;
  const admin = await actorByEmail(prisma, "admin@servicedesk.example");
  const suffix = randomBytes(3).toString("hex");
  const calendarKey = `${c.key}-${suffix}`;
  const calendar = await createCalendar({
    actor: admin,
    input: { key: calendarKey, name: c.calendarName, timeZone: DEFAULT_TIME_ZONE, weekly: c.weekly, norwegianHolidays: false },
    ctx,
  });
  const agreement = await prisma.serviceAgreement.create({
    data: {
      key: `agreement-${c.key}-${suffix}`,
      name: `P3 in 4 hours, ${c.calendarName}`,
      provider: "Test",
      versions: {
        create: {
          label: "v1",
          validFrom: new Date("2000-01-01T00:00:00Z"),
          warningThresholds: [0.5],
          minWithinTargetPercent: 90,
          creditScheme: { kind: "none" },
          targets: { create: [{ priority: "P3", minutes: 240, calendarId: calendar.id }] },
        },
      },
    },
  });
  const org = await prisma.organization.create({
    data: { slug: `${c.key}-${suffix}`, name: "Kalender AS", ticketPrefix: `K${suffix.slice(0, 3).toUpperCase()}`, agreementId: agreement.id },
  });
  const email = `user-${suffix}@kalender.example`;
  await prisma.user.create({ data: { email, name: "Kalender", role: "END_USER", organizationId: org.id } });
  return { admin, calendar, calendarKey, requester: await actorByEmail(prisma, email) };
}
