import "server-only";
/**
 * Loads the agreement presets of lib/sla (the seed documents as data), the demo organisations and
 * their users. Safe to run again: everything is upserted by its natural key, and existing users
 * keep their password.
 */
import { hashPassword } from "../auth/password-hash";
import { AGREEMENT_PRESETS, CALENDAR_PRESETS, type AgreementPreset } from "../../sla/presets";
import type { CalendarSpec } from "../../sla/calendar";
import { validateAgreementVersion } from "../../sla/agreement";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { Priority } from "../../generated/prisma/enums";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, demoTotpSecret } from "./demo-data";
import { STAFF_ROLES } from "../actor";
import { encryptSecret } from "../secrets";
import { toJson } from "./json";
import { seedOnCallRota } from "../oncall/seed-rota";

export interface SeedCounts {
  calendars: number;
  agreements: number;
  organizations: number;
  users: number;
}

type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const sameSpec = (a: CalendarSpec, b: CalendarSpec) => JSON.stringify(a) === JSON.stringify(b);

async function seedCalendars(tx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const preset of CALENDAR_PRESETS) {
    const data = {
      name: preset.name,
      timeZone: preset.spec.timeZone,
      weekly: toJson(preset.spec.weekly),
      holidayCountry: preset.spec.holidays?.country ?? null,
    };
    const row = await tx.calendar.upsert({ where: { key: preset.key }, create: { key: preset.key, ...data }, update: data });
    ids.set(preset.key, row.id);
  }
  return ids;
}

/** The calendar row of a target: the preset calendar with exactly that spec. */
function calendarKeyOf(spec: CalendarSpec, agreement: AgreementPreset): string {
  const preset = CALENDAR_PRESETS.find((c) => c.spec === spec) ?? CALENDAR_PRESETS.find((c) => sameSpec(c.spec, spec));
  if (!preset) throw new Error(`Agreement preset ${agreement.key} uses a calendar that is not among the calendar presets`);
  return preset.key;
}

async function seedAgreement(tx: Tx, preset: AgreementPreset, calendarIds: Map<string, string>): Promise<string> {
  const uptimeCalendarKey = preset.uptime?.coverageCalendarKey;
  const data = {
    name: preset.name,
    provider: preset.provider,
    source: preset.source,
    uptimeCalendarId: uptimeCalendarKey ? calendarIds.get(uptimeCalendarKey)! : null,
    maintenanceReducesTotal: preset.uptime?.maintenanceReducesTotal ?? false,
    maintenanceNotice: preset.uptime?.notice ? toJson(preset.uptime.notice) : Prisma.DbNull,
  };
  const agreement = await tx.serviceAgreement.upsert({ where: { key: preset.key }, create: { key: preset.key, ...data }, update: data });

  for (const version of preset.versions) {
    validateAgreementVersion(version, `${preset.key}.${version.id}`);
    const validFrom = new Date(version.validFrom);
    const versionData = {
      label: version.id,
      warningThresholds: version.warningThresholds,
      minWithinTargetPercent: version.compliance.minWithinTargetPercent,
      creditScheme: toJson(version.credit),
    };
    const row = await tx.agreementVersion.upsert({
      where: { agreementId_validFrom: { agreementId: agreement.id, validFrom } },
      create: { agreementId: agreement.id, validFrom, ...versionData },
      update: versionData,
    });
    for (const [priority, target] of Object.entries(version.targets)) {
      if (!target) continue;
      const targetData = { minutes: target.minutes, calendarId: calendarIds.get(calendarKeyOf(target.calendar, preset))! };
      await tx.responseTarget.upsert({
        where: { versionId_priority: { versionId: row.id, priority: priority as Priority } },
        create: { versionId: row.id, priority: priority as Priority, ...targetData },
        update: targetData,
      });
    }
  }

  // Recurring maintenance windows are part of the preset: replace them as a whole.
  await tx.maintenanceWindow.deleteMany({ where: { agreementId: agreement.id, kind: "RECURRING" } });
  for (const rule of preset.uptime?.maintenance ?? []) {
    await tx.maintenanceWindow.create({
      data: { agreementId: agreement.id, kind: "RECURRING", rule: toJson(rule), description: `${preset.name}: ${rule.kind} ${rule.start}–${rule.end} (${rule.timeZone})` },
    });
  }
  return agreement.id;
}

/**
 * `secretsKey` (the SECRETS_KEY the app runs with): the demo's staff get their demo TOTP secret
 * (demo-data.ts), encrypted with it, so they sign in with a code at once. Without it they enrol at
 * their first sign-in.
 */
export async function seed(prisma: PrismaClient, now = new Date(), { secretsKey }: { secretsKey?: Buffer | string } = {}): Promise<SeedCounts> {
  // Hash outside the transaction: argon2id is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const counts = await prisma.$transaction(
    async (tx) => {
      const calendarIds = await seedCalendars(tx);
      const agreementIds = new Map<string, string>();
      for (const preset of AGREEMENT_PRESETS) agreementIds.set(preset.key, await seedAgreement(tx, preset, calendarIds));

      let users = 0;
      for (const org of DEMO_ORGANIZATIONS) {
        const agreementId = org.agreementKey ? agreementIds.get(org.agreementKey) : undefined;
        if (org.agreementKey && !agreementId) throw new Error(`Organisation ${org.slug} names an unknown agreement ${org.agreementKey}`);
        const orgData = {
          name: org.name,
          isProvider: org.isProvider ?? false,
          ticketPrefix: org.ticketPrefix,
          agreementId: agreementId ?? null,
          monthlyFeeOre: org.monthlyFeeOre ?? null,
          onCallOption: org.onCallOption ?? "VAKTTELEFON",
          contactPersonLimit: org.contactPersonLimit ?? null,
        };
        const organization = await tx.organization.upsert({ where: { slug: org.slug }, create: { slug: org.slug, ...orgData }, update: orgData });
        for (const user of org.users) {
          const userData = {
            name: user.name,
            role: user.role,
            supportLine: user.supportLine ?? null,
            isLineLead: user.isLineLead ?? false,
            locale: user.locale ?? "nb",
            organizationId: organization.id,
          };
          const email = user.email.toLowerCase();
          const totp = secretsKey && STAFF_ROLES.includes(user.role) ? { totpSecret: encryptSecret(demoTotpSecret(email), secretsKey), totpPendingSecret: null, twoFactorEnabledAt: now } : {};
          // A contact person is marked, never unmarked, by a rerun: an admin's choices stay.
          const contact = user.isContactPerson ? { isContactPerson: true } : {};
          await tx.user.upsert({ where: { email }, create: { email, passwordHash, ...userData, ...totp, ...contact }, update: { ...userData, ...totp, ...contact } });
          users++;
        }
      }
      return { calendars: calendarIds.size, agreements: agreementIds.size, organizations: DEMO_ORGANIZATIONS.length, users };
    },
    { timeout: 30_000 },
  );
  // The on-call rota of the coming weeks: Vilde (vakt) first, Lise as the next person.
  await seedOnCallRota(prisma, now);
  return counts;
}
