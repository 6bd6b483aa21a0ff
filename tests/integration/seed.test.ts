import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/server/auth/password-hash";
import { createPrisma } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { loadAgreementVersions } from "../../lib/server/db/agreements";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD } from "../../lib/server/db/demo-data";
import { AGREEMENT_PRESETS, PURESERVICE } from "../../lib/sla/presets";
import { addBusinessMinutes, compileCalendar, selectAgreementVersion } from "../../lib/sla";

describe("npm run db:seed", () => {
  const prisma = createPrisma();
  beforeAll(async () => {
    await seed(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  it("loads every seed agreement, and reading it back gives the preset's versions, targets and calendars", async () => {
    // Other test files of the run add agreements of their own to the same database.
    const agreements = await prisma.serviceAgreement.findMany({ where: { key: { in: AGREEMENT_PRESETS.map((p) => p.key) } }, orderBy: { key: "asc" } });
    expect(agreements.map((a) => a.key)).toEqual(AGREEMENT_PRESETS.map((p) => p.key).sort());
    for (const preset of AGREEMENT_PRESETS) {
      const agreement = agreements.find((a) => a.key === preset.key)!;
      const versions = await loadAgreementVersions(prisma, agreement.id);
      expect(versions).toHaveLength(preset.versions.length);
      versions.forEach((version, i) => {
        const expected = preset.versions[i]!;
        expect(version.validFrom).toBe(new Date(expected.validFrom).toISOString());
        expect(version.targets).toEqual(expected.targets);
        expect(version.warningThresholds).toEqual(expected.warningThresholds);
        expect(version.compliance).toEqual(expected.compliance);
        expect(version.credit).toEqual(expected.credit);
      });
    }
  });

  it("a stored agreement computes the same deadline as its preset (Pureservice: 4 h before 2 Oct 2023, 2 h after)", async () => {
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: PURESERVICE.key } });
    const versions = await loadAgreementVersions(prisma, agreement.id);
    const registered = new Date("2023-10-02T08:00:00+02:00"); // Monday 08:00 Oslo
    const target = selectAgreementVersion(versions, registered).targets.P3!;
    expect(target.minutes).toBe(120);
    expect(addBusinessMinutes(compileCalendar(target.calendar), registered, target.minutes).toISOString()).toBe("2023-10-02T08:00:00.000Z");
    const before = selectAgreementVersion(versions, new Date("2023-10-01T21:59:59.999Z")).targets.P3!;
    expect(before.minutes).toBe(240);
  });

  it("creates the demo organisations with users of every role, who can sign in with the demo password", async () => {
    const expected = DEMO_ORGANIZATIONS.flatMap((o) => o.users.map((u) => ({ email: u.email, role: u.role, org: o.slug })));
    const users = await prisma.user.findMany({ where: { email: { in: expected.map((u) => u.email) } }, include: { organization: true } });
    expect(users.map((u) => ({ email: u.email, role: u.role, org: u.organization.slug })).sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      expected.sort((a, b) => a.email.localeCompare(b.email)),
    );
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(["END_USER", "CUSTOMER_ADMIN", "AGENT", "ONCALL", "PROVIDER_ADMIN"]));
    expect(new Set(users.filter((u) => u.role === "AGENT").map((u) => u.supportLine))).toEqual(new Set(["L1", "L2", "L3"]));
    const customers = await prisma.organization.findMany({ where: { isProvider: false, slug: { in: DEMO_ORGANIZATIONS.map((o) => o.slug) } }, include: { agreement: true } });
    expect(customers).toHaveLength(3);
    for (const customer of customers) expect(customer.agreement).not.toBeNull();
    const kari = users.find((u) => u.email === "kari@nordlys.example")!;
    expect(kari.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(kari.passwordHash!, DEMO_PASSWORD)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword(kari.passwordHash!, "wrong")).ok).toBe(false);
  });

  it("running it again changes nothing and keeps a changed password", async () => {
    const kari = await prisma.user.findUniqueOrThrow({ where: { email: "kari@nordlys.example" } });
    await prisma.user.update({ where: { id: kari.id }, data: { passwordHash: "changed" } });
    const count = async () => ({
      calendars: await prisma.calendar.count(),
      agreements: await prisma.serviceAgreement.count(),
      versions: await prisma.agreementVersion.count(),
      targets: await prisma.responseTarget.count(),
      windows: await prisma.maintenanceWindow.count(),
      organizations: await prisma.organization.count(),
      users: await prisma.user.count(),
      onCallShifts: await prisma.onCallShift.count(),
    });
    const before = await count();
    await seed(prisma);
    expect(await count()).toEqual(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: kari.id } })).passwordHash).toBe("changed");
  });
});
