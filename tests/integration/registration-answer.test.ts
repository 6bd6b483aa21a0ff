/**
 * A registration answers from what it wrote (the inserted row, its first clock, its version), and
 * an agreement version is read in one statement: both must give exactly what reading back through
 * the relations gives, or the API, the portal and every clock would see something else than the
 * database holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { loadAgreementVersion, loadAgreementVersions } from "../../lib/server/db/agreements";
import { getStaffTicket, registerTicket, type UseCaseContext } from "../../lib/server/tickets";
import type { Actor } from "../../lib/server/actor";
import { fakeClock, seededActors } from "../support/fixtures";

const prisma = createPrisma();
afterAll(() => prisma.$disconnect());

let kari: Actor, lise: Actor;
beforeAll(async () => {
  ({ kari, lise } = await seededActors(prisma, ["kari", "lise"]));
});

describe("an agreement version read in one statement", () => {
  it("equals the version read through its relations, with a closed day and special hours on its calendars", async () => {
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: kari.organizationId }, select: { agreementId: true } });
    const agreementId = organization.agreementId!;
    const target = await prisma.responseTarget.findFirstOrThrow({ where: { version: { agreementId } }, select: { calendarId: true } });
    await prisma.calendarDate.createMany({
      data: [
        { calendarId: target.calendarId, date: new Date("2026-06-19T00:00:00Z"), note: "Stengt" },
        { calendarId: target.calendarId, date: new Date("2026-06-18T00:00:00Z"), hours: [["08:00", "12:00"]], note: "Kortdag" },
      ],
    });
    const all = await loadAgreementVersions(prisma, agreementId);
    expect(all.length).toBeGreaterThan(0);
    for (const version of all) expect(await loadAgreementVersion(prisma, version.id)).toEqual(version);
    const calendars = all.flatMap((v) => Object.values(v.targets).map((t) => t.calendar));
    expect(calendars.some((c) => c.closedDates?.includes("2026-06-19") && c.specialHours?.["2026-06-18"])).toBe(true);
    expect(await loadAgreementVersion(prisma, "00000000-0000-7000-8000-000000000000")).toBeNull();
  });
});

describe("the answer to a registration", () => {
  const clock = fakeClock("2026-03-03T09:40:00Z");
  const ctx: UseCaseContext = { prisma, now: clock.now };
  /** The ticket as any later read shows it, at the same instant. */
  const readBack = (id: string) => getStaffTicket({ actor: lise, input: { id }, ctx });

  it("is the ticket read back: a running clock in office hours, a P1 at night, a call set back", async () => {
    clock.set("2026-03-03T09:40:00Z");
    const office = await registerTicket({ actor: kari, input: { title: "Skriveren", description: "Blanke ark", priority: "P3" }, ctx });
    expect(office.sla.response).toMatchObject({ state: "running" });
    expect(office).toEqual(await readBack(office.id));

    clock.set("2026-03-03T22:15:00Z");
    const night = await registerTicket({ actor: kari, input: { title: "Alt er nede", description: "Ingen får logget inn", priority: "P1" }, ctx });
    expect(night).toEqual(await readBack(night.id));

    clock.set("2026-03-04T10:00:00Z");
    const call = await registerTicket({
      actor: lise,
      input: { title: "Telefon", description: "Ringte om VPN", priority: "P2", requesterId: kari.userId, calledAt: "2026-03-04T09:50:00Z", calledAtReason: "Skrev saken etter samtalen" },
      ctx,
    });
    expect(call.createdAt).toBe("2026-03-04T09:50:00.000Z");
    expect(call).toEqual(await readBack(call.id));
  });
});
