/** An admin changes a calendar: the open tickets measured on it follow it, timers and all. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { setCalendarDate } from "../../lib/server/admin";
import { recomputeClocksOnCalendar, registerTicket, RECOMPUTE_CALENDAR_CLOCKS_JOB } from "../../lib/server/tickets";
import { customerOnNewCalendar } from "../support/calendar-customer";
import { actorByEmail, fakeClock, seedOnce } from "../support/fixtures";

const EVERY_DAY_8_16 = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, "08:00–16:00"]));

describe("changing a calendar", () => {
  const prisma = createPrisma();
  const clock = fakeClock("2027-03-02T08:00:00Z"); // 09:00 in Oslo
  const ctx = { prisma, now: clock.now };
  beforeAll(() => seedOnce(prisma));
  afterAll(() => prisma.$disconnect());

  it("moves the due instant of an open ticket on it and sets its timers again; a clock on another calendar is left alone", async () => {
    const { admin, calendar, requester } = await customerOnNewCalendar(ctx, { key: "cal", calendarName: "Every day 08–16", weekly: EVERY_DAY_8_16 });

    const ticket = await registerTicket({ actor: requester, input: { title: "Skriveren", description: "x", priority: "P3" }, ctx });
    expect(ticket.sla.response!.dueAt).toBe("2027-03-02T12:00:00.000Z"); // 13:00 in Oslo, the same day
    const elsewhere = await registerTicket({ actor: await actorByEmail(prisma, "kari@nordlys.example"), input: { title: "Annen kalender", description: "x", priority: "P3" }, ctx });
    const clockOf = (ticketId: string) => prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId, metric: "RESPONSE" } } });
    const [before, elsewhereBefore] = [await clockOf(ticket.id), await clockOf(elsewhere.id)];

    // An hour later the day is closed after all (e.g. the office shuts for a strike).
    clock.set("2027-03-02T09:00:00Z");
    await setCalendarDate({ actor: admin, input: { calendarId: calendar.id, date: "2027-03-02", hours: "", note: "Stengt" }, ctx });
    const jobs = await prisma.outboxMessage.findMany({ where: { topic: "job.schedule", payload: { path: ["name"], equals: RECOMPUTE_CALENDAR_CLOCKS_JOB } } });
    expect(jobs.map((j) => (j.payload as { data: unknown }).data)).toEqual([{ calendarId: calendar.id }]);

    // What the job does: none of the day counts any more, so the four hours run 08:00–12:00 the next day.
    expect(await recomputeClocksOnCalendar({ calendarId: calendar.id, ctx })).toEqual({ checked: 1, changed: 1 });
    const after = await clockOf(ticket.id);
    expect(after).toMatchObject({ state: "RUNNING", dueAt: new Date("2027-03-03T11:00:00Z"), revision: before.revision + 1 });
    const schedule = await prisma.outboxMessage.findFirstOrThrow({ where: { topic: "sla.schedule", payload: { path: ["ticketId"], equals: ticket.id } }, orderBy: { id: "desc" } });
    const payload = schedule.payload as { revision: number; timers: Array<{ kind: string; at: string }>; cancelJobIds: string[] };
    expect(payload.revision).toBe(after.revision);
    expect(payload.timers.map((t) => [t.kind, t.at])).toEqual([
      ["warning", "2027-03-03T09:00:00.000Z"],
      ["breach", "2027-03-03T11:00:00.000Z"],
    ]);
    expect(payload.cancelJobIds.sort()).toEqual((before.timers as Array<{ jobId: string }>).map((t) => t.jobId).sort());
    expect(await clockOf(elsewhere.id)).toMatchObject({ revision: elsewhereBefore.revision, dueAt: elsewhereBefore.dueAt });

    // Run twice (a retried job): nothing more changes.
    expect(await recomputeClocksOnCalendar({ calendarId: calendar.id, ctx })).toEqual({ checked: 1, changed: 0 });
  });
});
