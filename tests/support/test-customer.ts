/**
 * A customer of the tests' own on a 24/7 agreement with one response target (a one-minute P1 for
 * real timer deadlines, an hour's P2 at a chosen instant, …), created once per database, and
 * its users.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Priority, Role } from "../../lib/generated/prisma/enums";
import { seedOnce } from "./fixtures";

export async function testCustomer(
  prisma: PrismaClient,
  c: {
    /** The agreement's key. */
    key: string;
    /** The organisation's. */
    slug: string;
    name: string;
    agreementName: string;
    ticketPrefix: string;
    target: { priority: Priority; minutes: number };
    warningThresholds: number[];
    escalationRules: object;
    users: ReadonlyArray<readonly [email: string, role: Role]>;
  },
): Promise<{ organizationId: string }> {
  await seedOnce(prisma);
  const calendar = await prisma.calendar.findUniqueOrThrow({ where: { key: "always-24-7" } });
  const agreement = await prisma.serviceAgreement.upsert({
    where: { key: c.key },
    update: {},
    create: {
      key: c.key,
      name: `Test: ${c.agreementName}`,
      provider: "Test",
      versions: {
        create: {
          label: "v1",
          validFrom: new Date("2000-01-01T00:00:00Z"),
          warningThresholds: c.warningThresholds,
          minWithinTargetPercent: 90,
          creditScheme: { kind: "none" },
          escalationRules: c.escalationRules,
          targets: { create: [{ ...c.target, calendarId: calendar.id }] },
        },
      },
    },
  });
  const org = await prisma.organization.upsert({
    where: { slug: c.slug },
    update: {},
    // The agreement's calendar is open every hour: a P1 agreement is the 24/7 on-call option.
    create: { slug: c.slug, name: c.name, ticketPrefix: c.ticketPrefix, agreementId: agreement.id, onCallOption: c.target.priority === "P1" ? "ALWAYS" : "VAKTTELEFON" },
  });
  for (const [email, role] of c.users) {
    await prisma.user.upsert({ where: { email }, update: {}, create: { email, name: email, role, organizationId: org.id } });
  }
  return { organizationId: org.id };
}
