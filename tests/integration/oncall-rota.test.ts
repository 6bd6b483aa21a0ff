import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPrisma } from "../../lib/server/db/prisma";
import { AppError } from "../../lib/server/errors";
import type { Actor } from "../../lib/server/actor";
import { addShift, defaultRotaShifts, onCallChain, seedOnCallRota, setShifts } from "../../lib/server/oncall";
import { seededActors } from "../support/fixtures";

const prisma = createPrisma();
let admin: Actor, vakt: Actor, lise: Actor, jonas: Actor, kari: Actor, marte: Actor;

beforeAll(async () => {
  ({ admin, vakt, lise, jonas, kari, marte } = await seededActors(prisma, ["admin", "vakt", "lise", "jonas", "kari", "marte"]));
});
afterAll(async () => {
  await prisma.$disconnect();
});

const chainAt = async (iso: string) => (await onCallChain(prisma, new Date(iso))).map((l) => l.email.split("@")[0]);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("the on-call rota", () => {
  it("gives the chain at an instant by position, then start; ended shifts and deactivated users drop out", async () => {
    // Monday 3 March 2031, CET: vakt primary 16–22, marte backup 16–22, jonas a second backup shift from 18:00
    const shifts = [
      { userId: vakt.userId, startsAt: "2031-03-03T15:00:00Z", endsAt: "2031-03-03T21:00:00Z", position: 0 },
      { userId: marte.userId, startsAt: "2031-03-03T15:00:00Z", endsAt: "2031-03-03T21:00:00Z", position: 1 },
      { userId: jonas.userId, startsAt: "2031-03-03T17:00:00Z", endsAt: "2031-03-03T21:00:00Z", position: 1 },
    ];
    const saved = await setShifts({ prisma, actor: admin, input: { from: "2031-03-03T00:00:00Z", to: "2031-03-04T00:00:00Z", shifts }, now: new Date("2031-03-01T12:00:00Z") });
    expect(saved).toHaveLength(3);

    expect(await chainAt("2031-03-03T14:59:59Z")).toEqual([]);
    expect(await chainAt("2031-03-03T15:00:00Z")).toEqual(["vakt", "marte"]);
    expect(await chainAt("2031-03-03T18:00:00Z")).toEqual(["vakt", "marte", "jonas"]);
    expect(await chainAt("2031-03-03T21:00:00Z")).toEqual([]);

    const temp = await prisma.user.create({
      data: { email: "vikar-oncall@servicedesk.example", name: "Vikar", role: "ONCALL", organizationId: vakt.organizationId },
      select: { id: true },
    });
    await addShift({ prisma, actor: admin, input: { userId: temp.id, startsAt: "2031-03-03T15:00:00Z", endsAt: "2031-03-03T21:00:00Z", position: 0 }, now: new Date() });
    expect(await chainAt("2031-03-03T18:00:00Z")).toEqual(["vakt", "vikar-oncall", "marte", "jonas"]);
    await prisma.user.update({ where: { id: temp.id }, data: { deactivatedAt: new Date("2031-03-02T00:00:00Z") } });
    expect(await chainAt("2031-03-03T18:00:00Z")).toEqual(["vakt", "marte", "jonas"]);

    // setShifts replaces the window's shifts
    await setShifts({ prisma, actor: admin, input: { from: "2031-03-03T00:00:00Z", to: "2031-03-04T00:00:00Z", shifts: [shifts[2]!] }, now: new Date() });
    expect(await chainAt("2031-03-03T18:00:00Z")).toEqual(["jonas"]);
  });

  it("refuses a shift that ends before it starts, a user who cannot be on call, and anyone but a provider admin", async () => {
    const ok = { userId: vakt.userId, startsAt: "2031-03-10T15:00:00Z", endsAt: "2031-03-10T21:00:00Z" };
    const backwards = await rejection(addShift({ prisma, actor: admin, input: { ...ok, endsAt: "2031-03-10T14:00:00Z" }, now: new Date() }));
    expect(backwards).toBeInstanceOf(z.ZodError);
    expect((backwards as z.ZodError).issues[0]?.path).toEqual(["endsAt"]);

    const customer = await rejection(addShift({ prisma, actor: admin, input: { ...ok, userId: kari.userId }, now: new Date() }));
    expect(customer).toBeInstanceOf(AppError);
    expect((customer as AppError).code).toBe("unprocessable");

    const byAgent = await rejection(addShift({ prisma, actor: lise, input: ok, now: new Date() }));
    expect(byAgent).toBeInstanceOf(AppError);
    expect((byAgent as AppError).message).toMatch(/provider admins/);

    expect(await prisma.onCallShift.count({ where: { startsAt: new Date(ok.startsAt) } })).toBe(0);
  });

  it("lays a default rota over the vakttelefon hours: a week each in turn, the next person as backup", () => {
    // Monday 5 May 2031 00:00 Oslo (CEST); Thursday 29 May 2031 is Ascension Day
    const shifts = defaultRotaShifts({ userIds: ["a", "b", "c"], from: new Date("2031-05-04T22:00:00Z"), weeks: 4 });
    const week = (n: number) =>
      shifts.filter((s) => s.startsAt >= new Date(Date.parse("2031-05-04T22:00:00Z") + n * 7 * 86_400_000) && s.startsAt < new Date(Date.parse("2031-05-04T22:00:00Z") + (n + 1) * 7 * 86_400_000));
    expect(week(0)).toHaveLength(14);
    expect(
      new Set(
        week(0)
          .filter((s) => s.position === 0)
          .map((s) => s.userId),
      ),
    ).toEqual(new Set(["a"]));
    expect(
      new Set(
        week(0)
          .filter((s) => s.position === 1)
          .map((s) => s.userId),
      ),
    ).toEqual(new Set(["b"]));
    expect(
      new Set(
        week(1)
          .filter((s) => s.position === 0)
          .map((s) => s.userId),
      ),
    ).toEqual(new Set(["b"]));
    expect(
      new Set(
        week(2)
          .filter((s) => s.position === 1)
          .map((s) => s.userId),
      ),
    ).toEqual(new Set(["a"]));
    expect(
      new Set(
        week(3)
          .filter((s) => s.position === 0)
          .map((s) => s.userId),
      ),
    ).toEqual(new Set(["a"]));
    expect(week(0)[0]).toEqual({ userId: "a", startsAt: new Date("2031-05-05T14:00:00Z"), endsAt: new Date("2031-05-05T20:00:00Z"), position: 0 });
    // Ascension Day (Thursday 22 May 2031) has weekend hours 09–22
    expect(shifts.filter((s) => s.startsAt.toISOString().startsWith("2031-05-22"))).toEqual([
      { userId: "c", startsAt: new Date("2031-05-22T07:00:00Z"), endsAt: new Date("2031-05-22T20:00:00Z"), position: 0 },
      { userId: "a", startsAt: new Date("2031-05-22T07:00:00Z"), endsAt: new Date("2031-05-22T20:00:00Z"), position: 1 },
    ]);
  });

  it("seeds the demo rota idempotently: vakt primary, lise backup for 8 weeks", async () => {
    const now = new Date("2031-09-01T10:00:00Z"); // Monday 12:00 Oslo
    const first = await seedOnCallRota(prisma, now);
    expect(first.created).toBe(2 * 7 * 8); // each day of the 8 weeks has one vakttelefon interval: two shifts each
    expect(await seedOnCallRota(prisma, now)).toEqual({ created: 0 });
    // later the same day, mid-shift: the running shift is not added again; only Monday 27 October
    // 16–22, which the 8-week window now reaches, is new
    expect(await seedOnCallRota(prisma, new Date("2031-09-01T17:00:00Z"))).toEqual({ created: 2 });
    expect(await prisma.onCallShift.count({ where: { startsAt: new Date("2031-09-01T14:00:00Z") } })).toBe(2);
    expect(await prisma.onCallShift.count({ where: { startsAt: new Date("2031-10-27T15:00:00Z") } })).toBe(2);
    expect(await chainAt("2031-09-01T15:00:00Z")).toEqual(["vakt", "lise"]);
    expect(await chainAt("2031-09-06T08:30:00Z")).toEqual(["vakt", "lise"]); // Saturday 10:30
    expect(await chainAt("2031-09-02T08:00:00Z")).toEqual([]); // Tuesday 10:00: office hours
  });
});
