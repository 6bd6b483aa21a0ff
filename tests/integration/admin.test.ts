/**
 * The provider admin's use cases against the real database: only provider admins get in; a
 * calendar's closed date round-trips to the lib/sla spec and moves a deadline; bad hours are refused
 * with lib/sla's message on the field; a new agreement version is the one tickets registered after
 * its validFrom are measured by.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { DEFAULT_TIME_ZONE } from "../../lib/config/time-zone";
import { calendarSpecOf, loadAgreementVersions } from "../../lib/server/db/agreements";
import { addBusinessMinutes, compileCalendar, selectAgreementVersion } from "../../lib/sla";
import type { Actor } from "../../lib/server/actor";
import {
  changeOrganizationAgreement,
  createAgreementVersion,
  createCalendar,
  createUser,
  createUserToken,
  deactivateUser,
  getCalendar,
  listAgreements,
  listCalendars,
  listOrganizations,
  listUsers,
  listUserTokens,
  revokeUserToken,
  setCalendarDate,
} from "../../lib/server/admin";
import { authenticateToken } from "../../lib/server/tokens/authenticate-token";
import { actorByEmail, fakeClock, rejection, seedOnce } from "../support/fixtures";

const suffix = () => randomBytes(3).toString("hex");
const WEEKDAYS_8_16 = { mon: "08:00–16:00", tue: "08:00–16:00", wed: "08:00–16:00", thu: "08:00–16:00", fri: "08:00-16:00", sat: "", sun: "" };

describe("provider admin use cases", () => {
  const prisma = createPrisma();
  // Tuesday 1 December 2026, 10:00 Oslo: a working day, so the calendar previews start that day.
  const clock = fakeClock("2026-12-01T09:00:00Z");
  const ctx = { prisma, now: clock.now };
  let admin: Actor;
  let others: Actor[];

  beforeAll(async () => {
    await seedOnce(prisma);
    admin = await actorByEmail(prisma, "admin@servicedesk.example");
    others = await Promise.all(["lise@servicedesk.example", "vakt@servicedesk.example", "ola@nordlys.example", "kari@nordlys.example"].map((e) => actorByEmail(prisma, e)));
  });
  afterAll(() => prisma.$disconnect());

  it("answers not_found to everyone but provider admins, and changes nothing", async () => {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true, agreementId: true } });
    const calendar = await prisma.calendar.findUniqueOrThrow({ where: { key: "pureservice-office-hours" }, select: { id: true } });
    const pureservice = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
    for (const actor of others) {
      const attempts: Array<Promise<unknown>> = [
        listOrganizations({ actor, ctx }),
        listCalendars({ actor, ctx }),
        listAgreements({ actor, ctx }),
        listUsers({ actor, input: { organizationId: org.id }, ctx }),
        getCalendar({ actor, input: { calendarId: calendar.id }, ctx }),
        changeOrganizationAgreement({ actor, input: { organizationId: org.id, agreementId: null }, ctx }),
        createUser({ actor, input: { organizationId: org.id, name: "X", email: `x-${suffix()}@nordlys.example`, role: "END_USER" }, ctx }),
        createCalendar({ actor, input: { key: `x-${suffix()}`, name: "X", timeZone: DEFAULT_TIME_ZONE, weekly: WEEKDAYS_8_16, norwegianHolidays: true }, ctx }),
        setCalendarDate({ actor, input: { calendarId: calendar.id, date: "2026-12-24", hours: "" }, ctx }),
        createAgreementVersion({
          actor,
          input: {
            agreementId: pureservice.id,
            label: "x",
            validFrom: "2031-01-01T00:00",
            targets: {
              P1: { minutes: 60, calendarId: calendar.id },
              P2: { minutes: 60, calendarId: calendar.id },
              P3: { minutes: null, calendarId: calendar.id },
              P4: { minutes: null, calendarId: calendar.id },
            },
            warningPercents: [50],
            minWithinTargetPercent: 90,
          },
          ctx,
        }),
        // A customer admin manages their own organisation's tokens (token-scopes.test.ts), never another's.
        createUserToken({ actor, input: { userId: admin.userId, name: "x" }, ctx }),
      ];
      for (const attempt of attempts) expect((await rejection(attempt)).code).toBe("not_found");
    }
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id }, select: { agreementId: true } })).toEqual({ agreementId: org.agreementId });
    expect(await prisma.calendarDate.count({ where: { calendarId: calendar.id } })).toBe(0);
    expect(await prisma.agreementVersion.count({ where: { agreementId: pureservice.id, validFrom: new Date("2030-12-31T23:00:00Z") } })).toBe(0);
  });

  it("stores a calendar with a closed date that round-trips to the lib/sla spec and moves a deadline", async () => {
    const key = `kontor-${suffix()}`;
    const { id } = await createCalendar({ actor: admin, input: { key, name: "Kontortid", timeZone: DEFAULT_TIME_ZONE, weekly: WEEKDAYS_8_16, norwegianHolidays: true }, ctx });
    const before = calendarSpecOf(await prisma.calendar.findUniqueOrThrow({ where: { id }, include: { dates: true } }));
    await setCalendarDate({ actor: admin, input: { calendarId: id, date: "2026-12-24", hours: "", note: "Julaften" }, ctx });
    await setCalendarDate({ actor: admin, input: { calendarId: id, date: "2026-12-23", hours: "08:00–12:00" }, ctx });
    const spec = calendarSpecOf(await prisma.calendar.findUniqueOrThrow({ where: { id }, include: { dates: { orderBy: { date: "asc" } } } }));
    expect(spec).toEqual({
      timeZone: DEFAULT_TIME_ZONE,
      weekly: { mon: [["08:00", "16:00"]], tue: [["08:00", "16:00"]], wed: [["08:00", "16:00"]], thu: [["08:00", "16:00"]], fri: [["08:00", "16:00"]] },
      holidays: { country: "NO" },
      closedDates: ["2026-12-24"],
      specialHours: { "2026-12-23": [["08:00", "12:00"]] },
    });
    // Tue 22 Dec 15:00 Oslo + 2 business hours: Wed 23 Dec 09:00 before; with 08–12 on the 23rd, still 09:00.
    // Wed 23 Dec 11:00 Oslo + 2 h: before → 13:00 the same day; now 1 h on the 23rd, the 24th closed,
    // 25th/26th holidays, 27th Sunday → Mon 28 Dec 09:00.
    const start = new Date("2026-12-23T10:00:00Z");
    expect(addBusinessMinutes(compileCalendar(before), start, 120).toISOString()).toBe("2026-12-23T12:00:00.000Z");
    expect(addBusinessMinutes(compileCalendar(spec), start, 120).toISOString()).toBe("2026-12-28T08:00:00.000Z");

    const detail = await getCalendar({ actor: admin, input: { calendarId: id }, ctx });
    expect(detail.weekly.mon).toBe("08:00–16:00");
    expect(detail.weekly.sat).toBe("");
    expect(detail.nextOpen).toHaveLength(5);
    expect(detail.nextOpen[0]).toEqual({ start: new Date("2026-12-01T09:00:00Z"), end: new Date("2026-12-01T15:00:00Z") });
    expect(detail.coming.slice(0, 4)).toEqual([
      { date: "2026-12-23", kind: "special", label: "08:00–12:00" },
      { date: "2026-12-24", kind: "closed", label: "Julaften" },
      { date: "2026-12-25", kind: "holiday", label: expect.any(String) },
      { date: "2026-12-26", kind: "holiday", label: expect.any(String) },
    ]);
  });

  it("refuses bad hours with lib/sla's message on the field, and stores nothing", async () => {
    const cases: Array<{ weekly: Record<string, string>; timeZone?: string; field: string; message: RegExp }> = [
      { weekly: { mon: "08:00–25:00" }, field: "weekly.mon", message: /"25:00" is not a wall-clock time/ },
      { weekly: { tue: "08:00–12:00, 11:00–16:00" }, field: "weekly.tue", message: /open hours overlap \(08:00–12:00 and 11:00–16:00\)/ },
      { weekly: { wed: "16:00–08:00" }, field: "weekly.wed", message: /end 08:00 is not after start 16:00/ },
      { weekly: { mon: "08:00–16:00" }, timeZone: "Europe/Bergen", field: "timeZone", message: /Europe\/Bergen/ },
      { weekly: { mon: "" }, field: "weekly", message: /no open time at all/ },
    ];
    for (const c of cases) {
      const key = `bad-${suffix()}`;
      const error = await rejection(createCalendar({ actor: admin, input: { key, name: "Feil", timeZone: c.timeZone ?? DEFAULT_TIME_ZONE, weekly: c.weekly, norwegianHolidays: false }, ctx }));
      expect(error.code).toBe("unprocessable");
      expect(error.fields?.[c.field]?.[0]).toMatch(c.message);
      expect(await prisma.calendar.count({ where: { key } })).toBe(0);
    }
    const calendar = await prisma.calendar.findUniqueOrThrow({ where: { key: "pureservice-office-hours" }, select: { id: true } });
    const error = await rejection(setCalendarDate({ actor: admin, input: { calendarId: calendar.id, date: "2026-12-31", hours: "12:00–10:00" }, ctx }));
    expect(error.fields?.hours?.[0]).toMatch(/end 10:00 is not after start 12:00/);
  });

  it("adds an agreement version that tickets registered after its validFrom are measured by, and refuses a colliding validFrom", async () => {
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
    const { id: calendarId } = await createCalendar({
      actor: admin,
      input: { key: `p-${suffix()}`, name: "Pureservice 2029", timeZone: DEFAULT_TIME_ZONE, weekly: WEEKDAYS_8_16, norwegianHolidays: true },
      ctx,
    });
    await setCalendarDate({ actor: admin, input: { calendarId, date: "2029-12-24", hours: "" }, ctx });
    const targets = { P1: { minutes: 60, calendarId }, P2: { minutes: 90, calendarId }, P3: { minutes: 120, calendarId }, P4: { minutes: null, calendarId } };
    const input = { agreementId: agreement.id, label: "pureservice-1h-2029", validFrom: "2029-06-01T00:00", targets, warningPercents: [50, 80], minWithinTargetPercent: 95 };
    const created = await createAgreementVersion({ actor: admin, input, ctx });
    expect(created.validFrom.toISOString()).toBe("2029-05-31T22:00:00.000Z");

    const versions = await loadAgreementVersions(prisma, agreement.id);
    expect(selectAgreementVersion(versions, new Date("2029-05-31T21:59:59Z")).id).not.toBe(created.id);
    const inForce = selectAgreementVersion(versions, new Date("2029-05-31T22:00:00Z"));
    expect(inForce.id).toBe(created.id);
    expect(inForce.targets.P1?.minutes).toBe(60);
    expect(inForce.targets.P4).toBeUndefined();
    expect(inForce.targets.P2?.calendar.closedDates).toEqual(["2029-12-24"]);
    expect(inForce.warningThresholds).toEqual([0.5, 0.8]);
    expect(inForce.credit).toEqual(versions[versions.length - 2]!.credit);

    const again = await rejection(createAgreementVersion({ actor: admin, input: { ...input, label: "again" }, ctx }));
    expect(again.code).toBe("conflict");
    expect(again.fields?.validFrom).toBeDefined();
    const badThreshold = await rejection(createAgreementVersion({ actor: admin, input: { ...input, validFrom: "2029-07-01T00:00", warningPercents: [150] }, ctx }));
    expect(badThreshold.fields?.warningPercents?.[0]).toMatch(/strictly between 0 and 1/);
    expect(await prisma.agreementVersion.count({ where: { agreementId: agreement.id, validFrom: { gte: new Date("2029-01-01T00:00:00Z") } } })).toBe(1);
  });

  it("creates users in the right kind of organisation, deactivates them, and changes an organisation's agreement", async () => {
    const provider = await prisma.organization.findUniqueOrThrow({ where: { slug: "servicedesk" }, select: { id: true } });
    const customer = await prisma.organization.findUniqueOrThrow({ where: { slug: "bergheim" }, select: { id: true, agreementId: true } });
    const wrong = await rejection(createUser({ actor: admin, input: { organizationId: customer.id, name: "Agent", email: `a-${suffix()}@bergheim.example`, role: "AGENT", supportLine: "L1" }, ctx }));
    expect(wrong.fields?.role).toBeDefined();
    const noLine = await rejection(createUser({ actor: admin, input: { organizationId: provider.id, name: "Agent", email: `a-${suffix()}@servicedesk.example`, role: "AGENT" }, ctx }));
    expect(noLine.fields?.supportLine).toBeDefined();

    const email = `ny-${suffix()}@bergheim.example`;
    const { id } = await createUser({ actor: admin, input: { organizationId: customer.id, name: "Nina Ny", email: email.toUpperCase(), role: "END_USER" }, ctx });
    const listed = await listUsers({ actor: admin, input: { organizationId: customer.id }, ctx });
    expect(listed.users.find((u) => u.id === id)).toMatchObject({ email, role: "END_USER", deactivatedAt: null });
    await deactivateUser({ actor: admin, input: { userId: id }, ctx });
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).deactivatedAt).toEqual(clock.now());

    const netpower = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "netpower-ordinary" }, select: { id: true } });
    await changeOrganizationAgreement({ actor: admin, input: { organizationId: customer.id, agreementId: netpower.id }, ctx });
    expect((await listOrganizations({ actor: admin, ctx })).find((o) => o.id === customer.id)?.agreement?.id).toBe(netpower.id);
    await changeOrganizationAgreement({ actor: admin, input: { organizationId: customer.id, agreementId: customer.agreementId }, ctx });
  });

  it("creates an API token shown once, lists it by prefix, and revokes it", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "admin@bergheim.example" }, select: { id: true } });
    const created = await createUserToken({ actor: admin, input: { userId: user.id, name: "Integrasjon" }, ctx });
    expect(created.token.startsWith(created.displayPrefix)).toBe(true);
    const { tokens } = await listUserTokens({ actor: admin, input: { userId: user.id }, ctx });
    expect(tokens.find((t) => t.id === created.id)).toMatchObject({ name: "Integrasjon", displayPrefix: created.displayPrefix, revokedAt: null, lastUsedAt: null });
    expect(JSON.stringify(tokens)).not.toContain(created.token);
    expect((await authenticateToken({ token: created.token, ctx }))?.email).toBe("admin@bergheim.example");
    await revokeUserToken({ actor: admin, input: { tokenId: created.id }, ctx });
    expect(await authenticateToken({ token: created.token, ctx })).toBeNull();
    expect((await listUserTokens({ actor: admin, input: { userId: user.id }, ctx })).tokens.find((t) => t.id === created.id)?.revokedAt).toEqual(clock.now());
  });
});
