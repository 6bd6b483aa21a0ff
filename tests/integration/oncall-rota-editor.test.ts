/**
 * The rota a provider keeps without a developer (issue 18), against the real database: weekly
 * patterns rolled forward idempotently, overrides and swaps the roll-forward never overwrites,
 * gaps found and the admins warned once per on-call period (read from the SMTP sink), and the
 * iCalendar feed behind its hashed token. Every instant is chosen (2031–2032, far from the seed's
 * demo rota).
 */
import { describe, expect, it, beforeAll } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import type { Actor } from "../../lib/server/actor";
import {
  calendarFeed,
  coverPeriod,
  createPattern,
  deletePattern,
  deleteShift,
  getRotaView,
  makeCalendarToken,
  onCallChain,
  rollRota,
  swapShifts,
  updatePattern,
  warnRotaGaps,
} from "../../lib/server/oncall";
import type { UseCaseContext } from "../../lib/server/tickets/context";
import { actorByEmail, rejection, seededActors } from "../support/fixtures";
import { mailDelivery } from "../support/mail-delivery";

const prisma = createPrisma();
const mail = mailDelivery(prisma, { maxPerWindow: 10_000, windowMinutes: 10 });
let admin: Actor, vakt: Actor, lise: Actor, jonas: Actor, marte: Actor, kari: Actor;

beforeAll(async () => {
  ({ admin, vakt, lise, jonas, marte, kari } = await seededActors(prisma, ["admin", "vakt", "lise", "jonas", "marte", "kari"]));
});

const at = (iso: string): UseCaseContext => ({ prisma, now: () => new Date(iso) });
const chainAt = async (iso: string) => (await onCallChain(prisma, new Date(iso))).map((l) => l.email.split("@")[0]);
const shiftAt = (userId: string, iso: string) => prisma.onCallShift.findFirstOrThrow({ where: { userId, startsAt: { lte: new Date(iso) }, endsAt: { gt: new Date(iso) } }, select: { id: true } });

describe("weekly patterns rolled forward", () => {
  // Wednesday 5 March 2031, CET; the pattern starts Monday 3 March.
  const NOW = "2031-03-05T12:00:00Z";

  it("lays week A and B, is idempotent, and keeps overrides and swaps through later rolls, edits and deletion", async () => {
    const created = await createPattern({
      actor: admin,
      input: {
        name: "Vår 2031",
        startsOn: "2031-03-03",
        hours: "VAKTTELEFON",
        weeks: [
          { primaryUserId: vakt.userId, backupUserId: lise.userId },
          { primaryUserId: jonas.userId, backupUserId: null },
        ],
      },
      ctx: at(NOW),
    });
    // From Wednesday 5 March (its evening is still to come) for 12 weeks: 3 + 14×... shifts, all PATTERN
    expect(created.roll.created).toBeGreaterThan(100);
    expect(created.roll.removed).toBe(0);
    expect(await rollRota({ prisma, now: new Date(NOW) })).toEqual({ created: 0, removed: 0 });
    expect(await rollRota({ prisma, now: new Date("2031-03-05T12:30:00Z") })).toEqual({ created: 0, removed: 0 });

    expect(await chainAt("2031-03-05T18:00:00Z")).toEqual(["vakt", "lise"]); // Wed 19:00 local, week A
    expect(await chainAt("2031-03-08T08:00:00Z")).toEqual(["vakt", "lise"]); // Sat 09:00 local
    expect(await chainAt("2031-03-08T07:59:59Z")).toEqual([]);
    expect(await chainAt("2031-03-10T15:00:00Z")).toEqual(["jonas"]); // Mon 10 March 16:00, week B
    expect(await chainAt("2031-03-17T15:00:00Z")).toEqual(["vakt", "lise"]); // week A again
    // Summer time from Sunday 30 March 2031: Monday 31 March 16:00 CEST is 14:00Z (week A: 4 weeks after 3 March)
    expect(await chainAt("2031-03-31T14:00:00Z")).toEqual(["vakt", "lise"]);
    expect(await chainAt("2031-03-31T13:59:59Z")).toEqual([]);

    // Marte covers Wednesday 18:00–20:00 local as primary: the pattern's shift is cut around it.
    await coverPeriod({ actor: admin, input: { userId: marte.userId, startsAt: "2031-03-05T17:00:00Z", endsAt: "2031-03-05T19:00:00Z", position: 0 }, ctx: at(NOW) });
    expect(await chainAt("2031-03-05T18:00:00Z")).toEqual(["marte", "lise"]);
    expect(await chainAt("2031-03-05T16:00:00Z")).toEqual(["vakt", "lise"]);
    expect(await chainAt("2031-03-05T20:00:00Z")).toEqual(["vakt", "lise"]);
    expect(await rollRota({ prisma, now: new Date(NOW) })).toEqual({ created: 0, removed: 0 });

    // Vakt (Thursday 6 March) and Jonas (Monday 10 March) swap.
    const thursday = await shiftAt(vakt.userId, "2031-03-06T18:00:00Z");
    const monday = await shiftAt(jonas.userId, "2031-03-10T18:00:00Z");
    await swapShifts({ actor: admin, input: { shiftId: thursday.id, otherShiftId: monday.id }, ctx: at(NOW) });
    expect(await chainAt("2031-03-06T18:00:00Z")).toEqual(["jonas", "lise"]);
    expect(await chainAt("2031-03-10T18:00:00Z")).toEqual(["vakt"]);
    expect(await rollRota({ prisma, now: new Date(NOW) })).toEqual({ created: 0, removed: 0 });

    // The pattern changes (Lise primary in week A, Vakt backup): later shifts move, the override and the swap stay.
    const edit = await updatePattern({
      actor: admin,
      input: {
        patternId: created.id,
        name: "Vår 2031",
        startsOn: "2031-03-03",
        hours: "VAKTTELEFON",
        weeks: [
          { primaryUserId: lise.userId, backupUserId: vakt.userId },
          { primaryUserId: jonas.userId, backupUserId: null },
        ],
      },
      ctx: at(NOW),
    });
    expect(edit.changed).toBe(true);
    expect(edit.roll.removed).toBeGreaterThan(0);
    expect(await chainAt("2031-03-05T18:00:00Z")).toEqual(["marte", "vakt"]);
    expect(await chainAt("2031-03-05T16:00:00Z")).toEqual(["lise", "vakt"]);
    expect(await chainAt("2031-03-06T18:00:00Z")).toEqual(["jonas", "vakt"]);
    expect(await chainAt("2031-03-07T16:00:00Z")).toEqual(["lise", "vakt"]);
    expect(await chainAt("2031-03-10T18:00:00Z")).toEqual(["vakt"]);
    expect(await rollRota({ prisma, now: new Date(NOW) })).toEqual({ created: 0, removed: 0 });

    // A pattern's own shift is changed by an override, not deleted; deleting the override gives the pattern's person it back.
    const patternShift = await shiftAt(lise.userId, "2031-03-07T16:00:00Z");
    expect((await rejection(deleteShift({ actor: admin, input: { shiftId: patternShift.id }, ctx: at(NOW) }))).code).toBe("unprocessable");
    const override = await shiftAt(marte.userId, "2031-03-05T18:00:00Z");
    await deleteShift({ actor: admin, input: { shiftId: override.id }, ctx: at(NOW) });
    expect(await chainAt("2031-03-05T18:00:00Z")).toEqual(["lise", "vakt"]);

    // Deleting the pattern removes its shifts to come; the swap's overrides stay.
    const { removedShifts } = await deletePattern({ actor: admin, input: { patternId: created.id }, ctx: at(NOW) });
    expect(removedShifts).toBeGreaterThan(100);
    expect(await chainAt("2031-03-07T16:00:00Z")).toEqual([]);
    expect(await chainAt("2031-03-06T18:00:00Z")).toEqual(["jonas"]);
    expect(await chainAt("2031-03-10T18:00:00Z")).toEqual(["vakt"]);
    expect(await prisma.onCallShift.count({ where: { kind: "PATTERN", startsAt: { gte: new Date(NOW) } } })).toBe(0);

    const audit = await prisma.auditLog.findMany({ where: { action: { startsWith: "oncall." }, at: new Date(NOW) }, orderBy: { id: "asc" }, select: { action: true, actorEmail: true } });
    expect(audit.map((a) => a.action)).toEqual(["oncall.pattern.create", "oncall.override", "oncall.swap", "oncall.pattern.update", "oncall.shift.delete", "oncall.pattern.delete"]);
    expect(new Set(audit.map((a) => a.actorEmail))).toEqual(new Set([admin.email]));
  });

  it("refuses a start that is not a Monday, a second pattern on the same Monday, someone who cannot be on call, and anyone but a provider admin", async () => {
    const base = { name: "Høst", startsOn: "2031-09-01", hours: "VAKTTELEFON" as const, weeks: [{ primaryUserId: vakt.userId, backupUserId: null }] };
    const tuesday = await rejection(createPattern({ actor: admin, input: { ...base, startsOn: "2031-09-02" }, ctx: at(NOW) }));
    expect(tuesday.code).toBe("bad_request");
    expect(Object.keys(tuesday.fields ?? {})).toEqual(["startsOn"]);
    const customer = await rejection(createPattern({ actor: admin, input: { ...base, weeks: [{ primaryUserId: kari.userId, backupUserId: null }] }, ctx: at(NOW) }));
    expect(customer.code).toBe("unprocessable");
    const sameTwice = await rejection(createPattern({ actor: admin, input: { ...base, weeks: [{ primaryUserId: vakt.userId, backupUserId: vakt.userId }] }, ctx: at(NOW) }));
    expect(sameTwice.code).toBe("bad_request");
    expect((await rejection(createPattern({ actor: lise, input: base, ctx: at(NOW) }))).code).toBe("not_found");
    const autumn = await createPattern({ actor: admin, input: base, ctx: at(NOW) });
    expect((await rejection(createPattern({ actor: admin, input: { ...base, name: "Igjen" }, ctx: at(NOW) }))).code).toBe("conflict");
    await deletePattern({ actor: admin, input: { patternId: autumn.id }, ctx: at(NOW) });
    const ended = await rejection(coverPeriod({ actor: admin, input: { userId: marte.userId, startsAt: "2031-03-01T15:00:00Z", endsAt: "2031-03-01T21:00:00Z", position: 0 }, ctx: at(NOW) }));
    expect(ended.code).toBe("unprocessable");
    expect(Object.keys(ended.fields ?? {})).toEqual(["endsAt"]);
    expect(await prisma.onCallPattern.count({ where: { name: { in: ["Igjen"] } } })).toBe(0);
  });
});

describe("two roll-forwards at once", () => {
  it("lay each shift once: they take the rota's lock in turn", async () => {
    const pattern = await prisma.onCallPattern.create({
      data: { name: "Samtidig", startsOn: new Date("2033-01-03T00:00:00Z"), hours: "VAKTTELEFON", weeks: [{ primaryUserId: marte.userId, backupUserId: jonas.userId }] },
      select: { id: true },
    });
    const now = new Date("2033-01-03T12:00:00Z");
    const [a, b] = await Promise.all([rollRota({ prisma, now }), rollRota({ prisma, now })]);
    const rows = await prisma.onCallShift.findMany({ where: { patternId: pattern.id }, select: { startsAt: true, position: true } });
    expect(a.created + b.created).toBe(rows.length);
    expect(Math.min(a.created, b.created)).toBe(0);
    expect(new Set(rows.map((r) => `${r.startsAt.toISOString()}|${r.position}`)).size).toBe(rows.length);
    // 12 weeks of vakttelefon hours from Monday 3 January 2033 (its evening still to come), primary and backup each
    expect(rows.length).toBe(2 * 12 * 7);
    await prisma.onCallShift.deleteMany({ where: { patternId: pattern.id } });
    await prisma.onCallPattern.delete({ where: { id: pattern.id } });
  });
});

describe("gaps and the warning to the provider admins", () => {
  // Thursday 4 March 2032; a 24/7 pattern from Monday 8 March. Fjordvik has the 24/7 option, so every hour must be covered.
  const NOW = "2032-03-04T12:00:00Z";

  it("shows the gap until the pattern starts, and warns each admin once per on-call period in their language", async () => {
    const english = await prisma.user.create({
      data: { email: "rota-admin-en@servicedesk.example", name: "Rota Admin", role: "PROVIDER_ADMIN", organizationId: admin.organizationId, locale: "en" },
      select: { id: true },
    });
    await createPattern({ actor: admin, input: { name: "Døgnvakt", startsOn: "2032-03-08", hours: "ALWAYS", weeks: [{ primaryUserId: vakt.userId, backupUserId: lise.userId }] }, ctx: at(NOW) });

    const view = await getRotaView({ actor: admin, ctx: at(NOW), from: new Date(NOW) });
    expect(view.required).toBe("24/7");
    // Thursday 12:00Z until Monday 8 March 00:00 Oslo (23:00Z Sunday); covered after that.
    expect(view.gaps.map((g) => [g.startsAt.toISOString(), g.endsAt.toISOString()])).toEqual([["2032-03-04T12:00:00.000Z", "2032-03-07T23:00:00.000Z"]]);

    const first = await warnRotaGaps({ prisma, now: new Date(NOW), appUrl: "http://helpdesk.test" });
    expect(first).toEqual({ periods: 4, written: 8 }); // Thursday to Sunday, two admins
    expect(await warnRotaGaps({ prisma, now: new Date("2032-03-04T13:00:00Z"), appUrl: "http://helpdesk.test" })).toEqual({ periods: 4, written: 0 });
    expect((await warnRotaGaps({ prisma, now: new Date("2032-03-05T12:00:00Z"), appUrl: "http://helpdesk.test" })).written).toBe(0);

    await mail.pass(new Date("2032-03-05T12:00:00Z"));
    const nb = mail.sink.to(admin.email).filter((m) => m.subject.startsWith("Vaktlisten har et hull"));
    const en = mail.sink.to("rota-admin-en@servicedesk.example").filter((m) => m.subject.startsWith("The on-call rota has a gap"));
    expect(nb).toHaveLength(4);
    expect(en).toHaveLength(4);
    expect(nb.map((m) => m.text).join("\n")).toContain("http://helpdesk.test/admin/vakt?fra=2032-03-01");
    expect(en.some((m) => m.text.includes("Nobody is primary on call"))).toBe(true);
    expect(nb.some((m) => m.text.includes("Ingen har primærvakt"))).toBe(true);

    // Beyond the roll-forward's 12 weeks the editor shows what the pattern will lay (not stored yet), so no false gaps.
    const later = await getRotaView({ actor: admin, ctx: at(NOW), from: new Date("2032-05-23T22:00:00Z") });
    expect(later.gaps).toEqual([]);
    expect(later.shifts.filter((s) => s.planned && s.position === 0).map((s) => s.userId)).toContain(vakt.userId);
    expect(later.shifts.some((s) => !s.planned)).toBe(true);

    // Filling the gap: no more warnings and no gap left in the editor.
    await coverPeriod({ actor: admin, input: { userId: jonas.userId, startsAt: "2032-03-04T12:00:00Z", endsAt: "2032-03-07T23:00:00Z", position: 0 }, ctx: at(NOW) });
    expect((await getRotaView({ actor: admin, ctx: at(NOW), from: new Date(NOW) })).gaps).toEqual([]);
    await prisma.user.update({ where: { id: english.id }, data: { deactivatedAt: new Date(NOW) } });
  });

  it("counts a shift of a deactivated person as a gap", async () => {
    const temp = await prisma.user.create({ data: { email: "rota-temp@servicedesk.example", name: "Vikar", role: "ONCALL", organizationId: admin.organizationId }, select: { id: true } });
    await coverPeriod({ actor: admin, input: { userId: temp.id, startsAt: "2032-05-03T22:00:00Z", endsAt: "2032-05-04T22:00:00Z", position: 0 }, ctx: at("2032-05-01T12:00:00Z") });
    // The 24/7 pattern above covers the rest; the override cuts its shift for that day.
    const covered = await getRotaView({ actor: admin, ctx: at("2032-05-01T12:00:00Z"), from: new Date("2032-05-03T22:00:00Z") });
    expect(covered.gaps).toEqual([]);
    await prisma.user.update({ where: { id: temp.id }, data: { deactivatedAt: new Date("2032-05-01T12:00:00Z") } });
    const gone = await getRotaView({ actor: admin, ctx: at("2032-05-01T12:00:00Z"), from: new Date("2032-05-03T22:00:00Z") });
    expect(gone.gaps.map((g) => [g.startsAt.toISOString(), g.endsAt.toISOString()])).toEqual([["2032-05-03T22:00:00.000Z", "2032-05-04T22:00:00.000Z"]]);
  });
});

describe("the iCalendar feed", () => {
  it("gives the person's own shifts behind the token; a wrong or replaced token, or someone else's request, is not found", async () => {
    const now = new Date("2032-03-04T12:00:00Z");
    const { token } = await makeCalendarToken({ actor: vakt, input: { userId: vakt.userId }, ctx: at("2032-03-04T12:00:00Z") });
    expect(await prisma.onCallCalendarToken.count({ where: { tokenHash: token } })).toBe(0); // only its hash is kept
    const feed = await calendarFeed({ prisma, token, now, appUrl: "http://helpdesk.test" });
    const lines = feed.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("DTSTAMP:20320304T120000Z");
    // The 24/7 pattern of the test above: Monday 8 March 00:00 Oslo (CET) for a day
    expect(lines).toContain("DTSTART:20320307T230000Z");
    expect(lines).toContain("DTEND:20320308T230000Z");
    expect(lines).toContain("SUMMARY:Primærvakt");
    expect(lines).not.toContain("SUMMARY:Reservevakt");
    const liseToken = (await makeCalendarToken({ actor: admin, input: { userId: lise.userId }, ctx: at("2032-03-04T12:00:00Z") })).token;
    const liseFeed = await calendarFeed({ prisma, token: liseToken, now, appUrl: "http://helpdesk.test" });
    expect(liseFeed).toContain("SUMMARY:Reservevakt");
    expect(liseFeed).not.toContain("SUMMARY:Primærvakt");

    expect((await rejection(calendarFeed({ prisma, token: token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), now, appUrl: "http://x.test" }))).code).toBe("not_found");
    expect((await rejection(calendarFeed({ prisma, token: "../../etc/passwd", now, appUrl: "http://x.test" }))).code).toBe("not_found");
    await makeCalendarToken({ actor: vakt, input: { userId: vakt.userId }, ctx: at("2032-03-04T12:05:00Z") });
    expect((await rejection(calendarFeed({ prisma, token, now, appUrl: "http://x.test" }))).code).toBe("not_found");
    expect((await rejection(makeCalendarToken({ actor: jonas, input: { userId: vakt.userId }, ctx: at("2032-03-04T12:00:00Z") }))).code).toBe("not_found");
    const kariActor = await actorByEmail(prisma, kari.email);
    expect((await rejection(makeCalendarToken({ actor: kariActor, input: { userId: kari.userId }, ctx: at("2032-03-04T12:00:00Z") }))).code).toBe("not_found");
    expect(await prisma.auditLog.count({ where: { action: "oncall.calendar_link" } })).toBe(3);
  });
});
