/**
 * The admin changes that exist on main write their audit row in the same transaction (issue 15):
 * user create, calendar create, a calendar date set, an organisation's agreement changed, a new
 * agreement version. A refused change writes none.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { DEFAULT_TIME_ZONE } from "../../lib/config/time-zone";
import { changeOrganizationAgreement, createAgreementVersion, createCalendar, createUser, setCalendarDate } from "../../lib/server/admin";
import type { Actor } from "../../lib/server/actor";
import { rejection, seededActors } from "../support/fixtures";

const WEEKDAYS_8_16 = { mon: "08:00–16:00", tue: "08:00–16:00", wed: "08:00–16:00", thu: "08:00–16:00", fri: "08:00–16:00", sat: "", sun: "" };

describe("admin changes are audited", () => {
  const prisma = db();
  const NOW = new Date("2026-11-25T12:00:00Z");
  const ctx = { prisma, now: () => NOW, clientAddress: "192.0.2.55" };
  const suffix = randomBytes(3).toString("hex");
  let admin: Actor;

  beforeAll(async () => {
    ({ admin } = await seededActors(prisma, ["admin"]));
  });

  const rowsFor = (targetId: string) =>
    prisma.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, address: true, at: true, organizationId: true, before: true, after: true } });

  it("user create, calendar create and date set, agreement change and a new version each write one row", async () => {
    const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true, agreementId: true } });
    const user = await createUser({ actor: admin, input: { organizationId: nordlys.id, name: "Revidert", email: `revidert-${suffix}@nordlys.example`, role: "END_USER" }, ctx });
    expect(await rowsFor(user.id)).toEqual([
      {
        action: "user.create",
        actorId: admin.userId,
        address: "192.0.2.55",
        at: NOW,
        organizationId: nordlys.id,
        before: null,
        after: { name: "Revidert", email: `revidert-${suffix}@nordlys.example`, role: "END_USER", supportLine: null },
      },
    ]);

    const calendar = await createCalendar({ actor: admin, input: { key: `rev-${suffix}`, name: "Revisjon", timeZone: DEFAULT_TIME_ZONE, weekly: WEEKDAYS_8_16, norwegianHolidays: true }, ctx });
    await setCalendarDate({ actor: admin, input: { calendarId: calendar.id, date: "2026-12-24", hours: "", note: "Julaften" }, ctx });
    const calendarRows = await rowsFor(calendar.id);
    expect(calendarRows.map((r) => [r.action, r.organizationId])).toEqual([
      ["calendar.create", null],
      ["calendar.date_set", null],
    ]);
    expect(calendarRows[1]!.after).toEqual({ date: "2026-12-24", hours: "closed", note: "Julaften" });

    const other = await prisma.serviceAgreement.findFirstOrThrow({ where: { id: { not: nordlys.agreementId ?? undefined } }, select: { id: true } });
    await changeOrganizationAgreement({ actor: admin, input: { organizationId: nordlys.id, agreementId: other.id }, ctx });
    const orgRows = (await rowsFor(nordlys.id)).filter((r) => r.action === "organization.agreement_change");
    expect(orgRows).toEqual([expect.objectContaining({ organizationId: nordlys.id, before: { agreementId: nordlys.agreementId }, after: { agreementId: other.id } })]);
    // The same agreement again changes nothing and writes nothing.
    await changeOrganizationAgreement({ actor: admin, input: { organizationId: nordlys.id, agreementId: other.id }, ctx });
    expect((await rowsFor(nordlys.id)).filter((r) => r.action === "organization.agreement_change")).toHaveLength(1);

    const pureservice = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
    const version = await createAgreementVersion({
      actor: admin,
      input: {
        agreementId: pureservice.id,
        label: `rev-${suffix}`,
        validFrom: "2032-01-01T00:00",
        targets: {
          P1: { minutes: 60, calendarId: calendar.id },
          P2: { minutes: 120, calendarId: calendar.id },
          P3: { minutes: null, calendarId: calendar.id },
          P4: { minutes: null, calendarId: calendar.id },
        },
        warningPercents: [50],
        minWithinTargetPercent: 90,
      },
      ctx,
    });
    const [versionRow] = await rowsFor(version.id);
    expect(versionRow).toMatchObject({
      action: "agreement.version_create",
      organizationId: null,
      after: { agreementId: pureservice.id, label: `rev-${suffix}`, targets: { P1: { minutes: 60 }, P2: { minutes: 120 } } },
    });
  });

  it("a refused change writes no row", async () => {
    const before = await prisma.auditLog.count();
    const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
    const taken = `taken-${suffix}@nordlys.example`;
    await createUser({ actor: admin, input: { organizationId: nordlys.id, name: "Først", email: taken, role: "END_USER" }, ctx });
    expect((await rejection(createUser({ actor: admin, input: { organizationId: nordlys.id, name: "Andre", email: taken, role: "END_USER" }, ctx }))).code).toBe("conflict");
    expect(await prisma.auditLog.count()).toBe(before + 1);
  });
});
