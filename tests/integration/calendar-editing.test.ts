/**
 * Editing a calendar after creation (issue 15): removing a closed date and changing the weekly
 * hours recompute the open tickets measured on it, as closing a date does; each change is one
 * audit row; a rename alone recomputes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { DEFAULT_TIME_ZONE } from "../../lib/config/time-zone";
import { removeCalendarDate, setCalendarDate, updateCalendar } from "../../lib/server/admin";
import { recomputeClocksOnCalendar, registerTicket, RECOMPUTE_CALENDAR_CLOCKS_JOB } from "../../lib/server/tickets";
import { customerOnNewCalendar } from "../support/calendar-customer";
import { fakeClock, rejection, seedOnce } from "../support/fixtures";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const EVERY_DAY = (hours: string) => Object.fromEntries(DAYS.map((d) => [d, hours]));

describe("editing a calendar", () => {
  const prisma = createPrisma();
  const clock = fakeClock("2027-03-02T08:00:00Z"); // Tuesday 09:00 in Oslo
  const ctx = { prisma, now: clock.now };
  beforeAll(() => seedOnce(prisma));
  afterAll(() => prisma.$disconnect());

  it("removing a closed date and changing the weekly hours move open tickets' due instants back; audit rows for each", async () => {
    const { admin, calendar, calendarKey, requester } = await customerOnNewCalendar(ctx, { key: "edit", calendarName: "Hver dag 08–16", weekly: EVERY_DAY("08:00–16:00") });
    const clockOf = (ticketId: string) => prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId, metric: "RESPONSE" } } });
    const recomputeJobs = () => prisma.outboxMessage.count({ where: { topic: "job.schedule", payload: { path: ["data", "calendarId"], equals: calendar.id } } });
    const jobName = async () =>
      ((await prisma.outboxMessage.findFirstOrThrow({ where: { topic: "job.schedule", payload: { path: ["data", "calendarId"], equals: calendar.id } } })).payload as { name: string }).name;

    // The day is closed before the ticket comes in: its four hours run 08:00–12:00 the next day.
    await setCalendarDate({ actor: admin, input: { calendarId: calendar.id, date: "2027-03-02", hours: "", note: "Streik" }, ctx });
    const ticket = await registerTicket({ actor: requester, input: { title: "Skriveren", description: "x", priority: "P3" }, ctx });
    expect((await clockOf(ticket.id)).dueAt).toEqual(new Date("2027-03-03T11:00:00Z"));
    expect(await jobName()).toBe(RECOMPUTE_CALENDAR_CLOCKS_JOB);

    // The strike is called off: the date is removed, a recompute is scheduled, and the ticket is due today 13:00.
    clock.set("2027-03-02T08:30:00Z");
    const jobsBefore = await recomputeJobs();
    await removeCalendarDate({ actor: admin, input: { calendarId: calendar.id, date: "2027-03-02" }, ctx });
    expect(await recomputeJobs()).toBe(jobsBefore + 1);
    expect(await prisma.calendarDate.count({ where: { calendarId: calendar.id } })).toBe(0);
    expect(await recomputeClocksOnCalendar({ calendarId: calendar.id, ctx })).toEqual({ checked: 1, changed: 1 });
    expect((await clockOf(ticket.id)).dueAt).toEqual(new Date("2027-03-02T12:00:00Z"));
    expect((await rejection(removeCalendarDate({ actor: admin, input: { calendarId: calendar.id, date: "2027-03-02" }, ctx }))).code).toBe("not_found");

    // The weekly hours become 08–12: the remaining hours run into the next morning.
    expect(await updateCalendar({ actor: admin, input: { calendarId: calendar.id, name: "Hver dag 08–16", weekly: EVERY_DAY("08:00–16:00") }, ctx })).toMatchObject({ changed: false });
    await updateCalendar({ actor: admin, input: { calendarId: calendar.id, name: "Hver dag 08–12", weekly: EVERY_DAY("08:00–12:00") }, ctx });
    expect(await recomputeJobs()).toBe(jobsBefore + 2);
    await recomputeClocksOnCalendar({ calendarId: calendar.id, ctx });
    // Registered 09:00; 09:00–12:00 is three hours, the fourth is 08:00–09:00 the next day.
    expect((await clockOf(ticket.id)).dueAt).toEqual(new Date("2027-03-03T08:00:00Z"));

    // A rename alone recomputes nothing; hours lib/sla refuses are refused by field, nothing written.
    await updateCalendar({ actor: admin, input: { calendarId: calendar.id, name: "Morgen", weekly: EVERY_DAY("08:00–12:00") }, ctx });
    expect(await recomputeJobs()).toBe(jobsBefore + 2);
    const refused = await rejection(updateCalendar({ actor: admin, input: { calendarId: calendar.id, name: "Feil", weekly: { ...EVERY_DAY("08:00–12:00"), mon: "16:00–08:00" } }, ctx }));
    expect(Object.keys(refused.fields ?? {})).toEqual(["weekly.mon"]);
    expect((await prisma.calendar.findUniqueOrThrow({ where: { id: calendar.id } })).name).toBe("Morgen");

    const rows = await prisma.auditLog.findMany({ where: { targetId: calendar.id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
    expect(rows).toEqual([
      {
        action: "calendar.create",
        before: null,
        after: { key: calendarKey, name: "Hver dag 08–16", timeZone: DEFAULT_TIME_ZONE, weekly: EVERY_DAY("08:00–16:00"), norwegianHolidays: false },
      },
      { action: "calendar.date_set", before: null, after: { date: "2027-03-02", hours: null, note: "Streik" } },
      { action: "calendar.date_remove", before: { date: "2027-03-02", hours: null, note: "Streik" }, after: null },
      { action: "calendar.update", before: { name: "Hver dag 08–16", weekly: EVERY_DAY("08:00–16:00") }, after: { name: "Hver dag 08–12", weekly: EVERY_DAY("08:00–12:00") } },
      { action: "calendar.update", before: { name: "Hver dag 08–12" }, after: { name: "Morgen" } },
    ]);
  });
});
