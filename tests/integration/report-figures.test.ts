/**
 * Monthly SLA report figures against hand-computed months (SLA-RULES.md §4): the 90 %-within-target
 * rule, uptime over the agreement's coverage with maintenance windows, the credit schemes at their
 * boundaries, daylight saving and the month a ticket counts in (Europe/Oslo).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import type { ClockState, Priority } from "../../lib/generated/prisma/enums";
import { computeMonthReports, monthBounds, type ReportFigures } from "../../lib/server/reports";
import { seedOnce } from "../support/fixtures";
import { reportCsv } from "../../lib/server/reports/report-csv";

const prisma = createPrisma();
beforeAll(() => seedOnce(prisma));
afterAll(() => prisma.$disconnect());

const FEE = 2_000_000; // 20 000,00 kr in øre
const NOW = new Date("2026-12-15T12:00:00Z");
const MIN = 60_000;

async function customer(agreementKey: string, monthlyFeeOre: number | null = FEE) {
  const agreement = await prisma.serviceAgreement.findUniqueOrThrow({
    where: { key: agreementKey },
    select: { id: true, versions: { orderBy: { validFrom: "desc" }, take: 1, select: { id: true } } },
  });
  const slug = `rf-${randomUUID().slice(0, 8)}`;
  const org = await prisma.organization.create({ data: { name: `Kunde ${slug}`, slug, ticketPrefix: "RF", agreementId: agreement.id, monthlyFeeOre }, select: { id: true } });
  const user = await prisma.user.create({ data: { organizationId: org.id, email: `${slug}@test.example`, name: "Bruker", role: "END_USER" }, select: { id: true } });
  return { id: org.id, slug, agreementId: agreement.id, versionId: agreement.versions[0]!.id, requesterId: user.id };
}
type Customer = Awaited<ReturnType<typeof customer>>;

interface TicketSpec {
  at: Date;
  state: ClockState;
  priority?: Priority;
  target?: number | null;
  used?: number;
  dueAt?: Date | null;
  breachedAt?: Date | null;
  stoppedAt?: Date | null;
  reason?: string;
  title?: string;
}

let serial = 0;
async function addTickets(c: Customer, specs: TicketSpec[]) {
  for (const s of specs) {
    const ticket = await prisma.ticket.create({
      data: {
        reference: `${c.slug}-${++serial}`,
        organizationId: c.id,
        requesterId: c.requesterId,
        agreementVersionId: c.versionId,
        title: s.title ?? `Sak ${serial}`,
        description: "testsak",
        priority: s.priority ?? "P2",
        channel: "PORTAL",
        slaExclusionReason: s.reason ?? null,
        createdAt: s.at,
      },
      select: { id: true },
    });
    await prisma.slaClock.create({
      data: {
        ticketId: ticket.id,
        metric: "RESPONSE",
        state: s.state,
        targetMinutes: s.target === undefined ? 120 : s.target,
        startedAt: s.at,
        dueAt: s.dueAt ?? null,
        usedMinutes: s.used ?? 0,
        stoppedAt: s.stoppedAt ?? null,
        breachedAt: s.breachedAt ?? null,
      },
    });
  }
}

const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * MIN);
/** A ticket answered after 30 business minutes of its 120. */
const met = (when: Date): TicketSpec => ({ at: when, state: "MET", used: 30, stoppedAt: at(when.toISOString(), 30) });
/** A ticket answered `late` business minutes after its 120-minute target, `wall` wall-clock minutes after the breach. */
const breached = (when: Date, late = 15, wall = 15): TicketSpec => {
  const breachedAt = at(when.toISOString(), 120);
  return { at: when, state: "BREACHED", used: 120 + late, breachedAt, stoppedAt: at(breachedAt.toISOString(), wall) };
};
/** n tickets on April 2026 weekdays, `breaches` of them late. */
function april(n: number, breaches: number): TicketSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const when = at("2026-04-07T07:00:00Z", i * 60);
    return i < breaches ? breached(when, 10 * (i + 1), 30 * (i + 1)) : met(when);
  });
}

async function incident(c: Customer, from: Date, to: Date, extra: { counts?: boolean; exclusionReason?: string } = {}) {
  await prisma.incident.create({ data: { organizationId: c.id, agreementId: c.agreementId, service: "Portal", cause: "test", startedAt: from, endedAt: to, ...extra } });
}

async function report(c: Customer, month: string, now = NOW): Promise<ReportFigures> {
  const [r] = await computeMonthReports(prisma, { month, now, organizationIds: [c.id] });
  return r!.figures;
}

describe("the 90 %-within-target rule (Netpower ordinary, 000 §10)", () => {
  it("20 tickets with 2 breaches: 90 %, passes, no credit; each breach with target, business time used and how late", async () => {
    const c = await customer("netpower-ordinary");
    await addTickets(c, april(20, 2));
    const f = await report(c, "2026-04");
    expect(f.tickets).toEqual({ registered: 20, measured: 20, met: 18, breached: 2, pending: 0, excluded: 0, notCovered: 0, percent: 90, passes: true });
    expect(f.thresholdPercent).toBe(90);
    expect(f.breaches.map((b) => [b.targetMinutes, b.usedMinutes, b.lateBusinessMinutes, b.lateWallMinutes, b.stillRunning])).toEqual([
      [120, 130, 10, 30, false],
      [120, 140, 20, 60, false],
    ]);
    expect(f.uptime.percent).toBe(100);
    expect(f.credit).toMatchObject({ scheme: "netpower", percent: 0, amountOre: 0, monthlyFeeOre: FEE });
    expect(f.credit.lines.map((l) => l.percent)).toEqual([0, 0]);
  });

  it("20 tickets with 3 breaches: 85 %, fails, 5 % of the monthly fee", async () => {
    const c = await customer("netpower-ordinary");
    await addTickets(c, april(20, 3));
    const f = await report(c, "2026-04");
    expect(f.tickets).toMatchObject({ measured: 20, met: 17, breached: 3, percent: 85, passes: false });
    expect(f.credit).toMatchObject({ percent: 5, amountOre: 100_000 });
    expect(f.credit.lines).toMatchObject([
      { label: "response: 85 % within target, below 90 %", percent: 5, amountOre: 100_000 },
      { label: "uptime: 100 % (required 99.8 %)", percent: 0, amountOre: 0 },
    ]);
    // What each line says, as data, for wording it in the reader's language.
    expect(f.credit.lines.map((l) => l.reason)).toEqual([
      { code: "response_below", within: 85, required: 90 },
      { code: "uptime_ok", uptime: 100, required: 99.8 },
    ]);
  });

  it("lists excluded, not covered and pending tickets without counting them; a running clock past its due instant is a breach", async () => {
    const c = await customer("netpower-ordinary");
    const d = at("2026-04-08T07:00:00Z");
    await addTickets(c, [
      met(d),
      { at: d, state: "EXCLUDED", reason: "Feil i kundens AD-synkronisering", used: 10 },
      { at: d, state: "NOT_COVERED", target: null, priority: "P4" },
      { at: d, state: "RUNNING", dueAt: at("2026-12-16T10:00:00Z"), used: 5 },
      { at: d, state: "PAUSED", used: 50 },
      { at: d, state: "RUNNING", dueAt: at("2026-04-08T09:00:00Z"), used: 150 },
    ]);
    const f = await report(c, "2026-04");
    expect(f.tickets).toMatchObject({ registered: 6, measured: 2, met: 1, breached: 1, pending: 2, excluded: 1, notCovered: 1, percent: 50 });
    expect(f.exclusions.map((e) => [e.state, e.reason])).toEqual([
      ["EXCLUDED", "Feil i kundens AD-synkronisering"],
      ["NOT_COVERED", "prioriteten er ikke dekket av avtalen"],
    ]);
    // Still open: late since its due instant until the report's time, in business time on the P2
    // target's calendar (08–16 Oslo, weekdays, Norwegian holidays): Wed 8 April 11:00–16:00 (300),
    // 175 open days from 9 April to 14 December (84 000), Tue 15 December 08:00–13:00 (300).
    expect(f.breaches).toHaveLength(1);
    expect(f.breaches[0]).toMatchObject({
      stillRunning: true,
      usedMinutes: 120 + 84_600,
      lateBusinessMinutes: 84_600,
      breachedAt: "2026-04-08T09:00:00.000Z",
      lateWallMinutes: (NOW.getTime() - Date.parse("2026-04-08T09:00:00Z")) / MIN,
    });
  });
});

describe("uptime and the Netpower credit (000 §7, §10)", () => {
  // April 2026: 30 days of 24 h (no DST change) = 43 200 minutes; 0.3 % of it is 129.6 minutes.
  const tuesday = at("2026-04-14T10:00:00Z");

  it("uptime 99.7 %: 5 %", async () => {
    const c = await customer("netpower-ordinary");
    await addTickets(c, april(20, 0));
    await incident(c, tuesday, at(tuesday.toISOString(), 129.6));
    const f = await report(c, "2026-04");
    expect(f.uptime).toMatchObject({ totalMinutes: 43_200, downtimeMinutes: 129.6, coverage: "24/7" });
    expect(f.uptime.percent).toBeCloseTo(99.7, 10);
    expect(f.credit).toMatchObject({ percent: 5, amountOre: 100_000 });
  });

  it("both conditions failing: 10 %", async () => {
    const c = await customer("netpower-ordinary");
    await addTickets(c, april(20, 3));
    await incident(c, tuesday, at(tuesday.toISOString(), 129.6));
    const f = await report(c, "2026-04");
    expect(f.credit).toMatchObject({ percent: 10, amountOre: 200_000 });
    expect(f.credit.lines.map((l) => l.percent)).toEqual([5, 5]);
  });

  it("the 15 % cap: a Netpower-type scheme whose breaches add up to more is capped, shown as its own line", async () => {
    const key = `capped-${randomUUID().slice(0, 8)}`;
    await prisma.serviceAgreement.create({
      data: {
        key,
        name: "Netpower-type, 10 % per breach",
        provider: "Test",
        versions: {
          create: {
            label: `${key}-v1`,
            validFrom: new Date("2000-01-01T00:00:00Z"),
            minWithinTargetPercent: 90,
            creditScheme: { kind: "netpower", perBreachPercent: 10, capPercent: 15, minWithinTargetPercent: 90, minUptimePercent: 99.8 },
          },
        },
      },
    });
    const c = await customer(key);
    await addTickets(c, april(20, 3));
    await incident(c, tuesday, at(tuesday.toISOString(), 129.6));
    const f = await report(c, "2026-04");
    expect(f.credit.percent).toBe(15);
    expect(f.credit.amountOre).toBe(300_000);
    expect(f.credit.lines).toMatchObject([
      { label: "response: 85 % within target, below 90 %", percent: 10, amountOre: 200_000 },
      expect.objectContaining({ percent: 10, amountOre: 200_000 }),
      { label: "capped at 15 % per month", percent: -5, amountOre: -100_000 },
    ]);
  });

  it("downtime in the Wednesday 23:59–05:59 window counts unless maintenance was announced for it (000 §8); an exception is listed, not counted", async () => {
    const c = await customer("netpower-ordinary");
    // Wed 15 April 22:00 → Thu 16 April 02:00 Oslo (CEST, UTC+2): 240 minutes, 121 of them in the window.
    await incident(c, at("2026-04-15T20:00:00Z"), at("2026-04-16T00:00:00Z"));
    await incident(c, at("2026-04-20T08:00:00Z"), at("2026-04-20T12:00:00Z"), { counts: false, exclusionReason: "customer_caused" });
    // Nothing announced: the window is no automatic exclusion, all 240 minutes count.
    const unannounced = await report(c, "2026-04");
    expect(unannounced.uptime.downtimeMinutes).toBe(240);
    expect(unannounced.uptime.maintenanceWindows).toBe(0);
    // Maintenance announced for that night's window: only the 119 minutes outside it count.
    const window = await prisma.maintenanceWindow.create({
      data: {
        agreementId: c.agreementId,
        kind: "ONE_OFF",
        startsAt: at("2026-04-15T21:59:00Z"),
        endsAt: at("2026-04-16T03:59:00Z"),
        description: "Oppgradering",
        announcedAt: at("2026-04-10T08:00:00Z"),
      },
    });
    try {
      const f = await report(c, "2026-04");
      expect(f.uptime.downtimeMinutes).toBe(119);
      expect(f.uptime.percent).toBeCloseTo(((43_200 - 119) / 43_200) * 100, 12);
      expect(f.uptime.maintenanceWindows).toBe(1);
      expect(f.uptime.incidents.map((i) => [i.counts, i.exclusionReason])).toEqual([
        [true, null],
        [false, "customer_caused"],
      ]);
    } finally {
      await prisma.maintenanceWindow.delete({ where: { id: window.id } });
    }
  });
});

describe("uptime tiers at their boundaries", () => {
  // Pureservice (003 §4.5): 24/7, April 2026 = 43 200 minutes. 0.5 % = 216, 1 % = 432, 5 % = 2160 minutes.
  it.each([
    [216, 99.5, 0],
    [217, (1 - 217 / 43_200) * 100, 25],
    [432, 99, 25],
    [433, (1 - 433 / 43_200) * 100, 50],
    [2160, 95, 50],
    [2161, (1 - 2161 / 43_200) * 100, 100],
  ])("Pureservice: %d minutes down → %f %% → %d %% credit", async (minutes, uptime, credit) => {
    const c = await customer("pureservice", 1_250_000);
    await incident(c, at("2026-04-06T00:00:00Z"), at("2026-04-06T00:00:00Z", minutes));
    const f = await report(c, "2026-04");
    expect(f.uptime.totalMinutes).toBe(43_200);
    expect(f.uptime.percent).toBeCloseTo(uptime, 10);
    expect(f.credit).toMatchObject({ percent: credit, amountOre: (1_250_000 * credit) / 100, undefinedGap: false });
  });

  // Nettsoft (002 §6.4–6.6): core time Mon–Fri 07–21 and Sat 09–18 in June 2026 (no public holiday):
  // 22 weekdays × 14 h + 4 Saturdays × 9 h = 344 h = 20 640 minutes. Maintenance 01–06 lies outside it.
  // 0.5 % = 103.2, 2 % = 412.8, 3 % = 619.2, 4 % = 825.6, 5 % = 1032 minutes.
  it.each([
    [103.2, 0],
    [103.3, 10],
    [412.8, 10],
    [412.9, 20],
    [619.2, 20],
    [825.6, 30],
    [825.7, null],
    [1032, null],
    [1032.1, 40],
  ])("Nettsoft: %f core minutes down → %s %% credit", async (minutes, credit) => {
    const c = await customer("nettsoft-ms365-bedrift", 1_000_000);
    // Up to 600 core minutes a day from 10:00 Oslo (08:00 UTC), on weekdays from Monday 8 June.
    let left = minutes;
    for (let day = 8; left > 0; day++) {
      if (day === 13 || day === 14) continue;
      const chunk = Math.min(600, left);
      const start = at(`2026-06-${String(day).padStart(2, "0")}T08:00:00Z`);
      await incident(c, start, at(start.toISOString(), chunk));
      left -= chunk;
    }
    const f = await report(c, "2026-06");
    expect(f.uptime).toMatchObject({ totalMinutes: 20_640, maintenanceReducesTotal: true, maintenanceMinutes: 0 });
    expect(f.uptime.downtimeMinutes).toBeCloseTo(minutes, 9);
    expect(f.credit.percent).toBe(credit);
    if (credit === null) {
      expect(f.credit).toMatchObject({ undefinedGap: true, amountOre: null });
      expect(f.credit.note).toMatch(/avgjøres manuelt/);
    } else {
      expect(f.credit).toMatchObject({ undefinedGap: false, amountOre: (1_000_000 * credit) / 100 });
    }
  });
});

describe("which month a ticket counts in (Europe/Oslo) and daylight saving", () => {
  it("a ticket registered on the last day of the month at 23:59 Oslo time counts in that month; one at 00:00 on the 1st in the next", async () => {
    const c = await customer("netpower-ordinary");
    await addTickets(c, [met(at("2026-04-30T21:59:00Z")), met(at("2026-04-30T22:00:00Z")), met(at("2026-03-31T22:00:00Z")), met(at("2026-03-31T21:59:59.999Z"))]);
    expect((await report(c, "2026-04")).tickets.registered).toBe(2);
    expect((await report(c, "2026-05")).tickets.registered).toBe(1);
    expect((await report(c, "2026-03")).tickets.registered).toBe(1);
    expect(monthBounds("2026-04")).toEqual({ from: new Date("2026-03-31T22:00:00Z"), to: new Date("2026-04-30T22:00:00Z") });
  });

  it("October 2026 (clocks back on the 25th) has 745 hours; March 2026 (forward on the 29th) 743; both ends are Oslo midnights", async () => {
    const c = await customer("netpower-ordinary");
    await addTickets(c, [met(at("2026-09-30T22:00:00Z")), met(at("2026-10-31T22:59:00Z")), met(at("2026-10-31T23:00:00Z"))]);
    const october = await report(c, "2026-10");
    expect(october.period).toEqual({ from: "2026-09-30T22:00:00.000Z", to: "2026-10-31T23:00:00.000Z" });
    expect(october.tickets.registered).toBe(2);
    expect(october.uptime.totalMinutes).toBe(745 * 60);
    // Downtime across the change: 01:00–04:00 Oslo on 25 October is 4 hours of real time.
    await incident(c, at("2026-10-24T23:00:00Z"), at("2026-10-25T03:00:00Z"));
    const after = await report(c, "2026-10");
    expect(after.uptime.downtimeMinutes).toBe(240);
    expect(after.uptime.percent).toBeCloseTo((1 - 240 / 44_700) * 100, 12);
    const march = await report(c, "2026-03");
    expect(march.period).toEqual({ from: "2026-02-28T23:00:00.000Z", to: "2026-03-31T22:00:00.000Z" });
    expect(march.uptime.totalMinutes).toBe(743 * 60);
  });
});

describe("all organisations' month in one computation", () => {
  it("returns every customer organisation, also those without tickets, with the same figures as one by one", async () => {
    const c = await customer("netpower-ordinary");
    await addTickets(c, april(10, 1));
    const empty = await customer("pureservice");
    const all = await computeMonthReports(prisma, { month: "2026-04", now: NOW });
    const customers = await prisma.organization.count({ where: { isProvider: false } });
    expect(all).toHaveLength(customers);
    const mine = all.find((r) => r.figures.organization.id === c.id)!;
    expect(mine.figures).toEqual(await report(c, "2026-04"));
    expect(mine.figures.tickets).toMatchObject({ registered: 10, measured: 10, met: 9, breached: 1 });
    // An organisation without tickets in the month is there, with nothing counted.
    const none = all.find((r) => r.figures.organization.id === empty.id)!;
    expect(none.figures).toEqual(await report(empty, "2026-04"));
    expect(none.figures.tickets).toEqual({ registered: 0, measured: 0, met: 0, breached: 0, pending: 0, excluded: 0, notCovered: 0, percent: 100, passes: true });
    expect(none.figures.breaches).toEqual([]);
    const nordlys = all.find((r) => r.figures.organization.name === "Nordlys Eiendom AS")!;
    expect(nordlys.figures).toEqual((await computeMonthReports(prisma, { month: "2026-04", now: NOW, organizationIds: [nordlys.figures.organization.id] }))[0]!.figures);
  });
});

/** Cells of a `;`-separated CSV as a spreadsheet reads them (quotes, doubled quotes, CRLF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("the report CSV (issue 14: formula injection)", () => {
  it("writes titles that look like formulas as text: a leading ' on =, +, -, @, tab and CR", async () => {
    const c = await customer("netpower-ordinary");
    const titles = ['=HYPERLINK("http://evil.example/x","Klikk her")', "+1", "-2", "@SUM(1)", "\tTab", 'Vanlig; tittel med "sitat"'];
    await addTickets(
      c,
      titles.map((title, i) => ({ ...breached(at("2026-04-07T07:00:00Z", i * 60)), title })),
    );
    const cells = readCsv(reportCsv(await report(c, "2026-04")));
    const header = cells.findIndex((r) => r[0] === "Brudd: sak");
    const breachTitles = cells.slice(header + 1, header + 1 + titles.length).map((r) => r[1]);
    expect(breachTitles).toEqual(['\'=HYPERLINK("http://evil.example/x","Klikk her")', "'+1", "'-2", "'@SUM(1)", "'\tTab", 'Vanlig; tittel med "sitat"']);
    // Numbers the report computes stay numbers.
    expect(cells[1]![3]).toBe(String(titles.length));
  });
});
