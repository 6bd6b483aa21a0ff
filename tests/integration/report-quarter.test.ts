/**
 * Sodvin's refund over its quarterly service period (001 §7.2, SLA-RULES.md §4): R = V · (1 − (D − N) / D / O)
 * with V the quarter's fee (3 × the monthly fee) and D, N summed over the quarter's months. The
 * monthly report shows each month's uptime; only the quarter's last month carries the credit line.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { computeMonthReports, type ReportFigures } from "../../lib/server/reports";
import { reportCsv } from "../../lib/server/reports/report-csv";
import { creditNoteText, formatKroner } from "../../lib/server/reports/format";
import { computeCredit, computeServicePeriodRefund, SODVIN_AZURE_CREDIT } from "../../lib/sla";
import { seedOnce } from "../support/fixtures";

const prisma = createPrisma();
beforeAll(() => seedOnce(prisma));
afterAll(() => prisma.$disconnect());

const FEE = 1_000_000; // 10 000,00 kr a month in øre
const NOW = new Date("2026-07-15T12:00:00Z");

async function sodvinCustomer(monthlyFeeOre: number | null = FEE) {
  const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "sodvin-azure" }, select: { id: true } });
  const slug = `rq-${randomUUID().slice(0, 8)}`;
  const org = await prisma.organization.create({ data: { name: `Kunde ${slug}`, slug, ticketPrefix: "RQ", agreementId: agreement.id, monthlyFeeOre }, select: { id: true } });
  return { id: org.id, agreementId: agreement.id };
}
type Customer = Awaited<ReturnType<typeof sodvinCustomer>>;

async function outage(c: Customer, from: string, to: string) {
  await prisma.incident.create({ data: { organizationId: c.id, agreementId: c.agreementId, service: "Azure", cause: "test", startedAt: new Date(from), endedAt: new Date(to) } });
}

async function report(c: Customer, month: string): Promise<ReportFigures> {
  const [r] = await computeMonthReports(prisma, { month, now: NOW, organizationIds: [c.id] });
  return r!.figures;
}

const hoursOf = (f: ReportFigures) => ({ month: f.month, operatingHours: f.uptime.totalMinutes / 60, downtimeHours: f.uptime.downtimeMinutes / 60 });

describe("Sodvin Azure's quarterly service period in the monthly report (001 §7.2)", () => {
  it("the seed agreement settles its refund per quarter", async () => {
    const version = await prisma.agreementVersion.findFirstOrThrow({ where: { agreement: { key: "sodvin-azure" } }, orderBy: { validFrom: "desc" }, select: { creditScheme: true } });
    expect(version.creditScheme).toMatchObject({ kind: "sodvin_refund", servicePeriod: "quarter", agreedUptime: SODVIN_AZURE_CREDIT.agreedUptime });
  });

  it("outages in April and May: April and May show their uptime and no credit; June carries the refund over the quarter", async () => {
    const c = await sodvinCustomer();
    // 10 h on Wednesday 8 April, 18 h from Tuesday 5 May 10:00Z (outside the 3rd-Tuesday maintenance nights, 21 April and 19 May).
    await outage(c, "2026-04-08T08:00:00Z", "2026-04-08T18:00:00Z");
    await outage(c, "2026-05-05T10:00:00Z", "2026-05-06T04:00:00Z");

    const april = await report(c, "2026-04");
    expect(april.uptime.downtimeMinutes).toBe(600);
    expect(april.uptime.percent).toBeLessThan(100);
    expect(april.credit).toMatchObject({ scheme: "sodvin_refund", monthlyFeeOre: FEE, percent: null, amountOre: null, undefinedGap: false, lines: [] });
    expect(april.credit.servicePeriod).toMatchObject({
      kind: "quarter",
      months: ["2026-04", "2026-05", "2026-06"],
      monthsSoFar: ["2026-04"],
      settles: false,
      periodFeeOre: 3 * FEE,
      downtimeHours: 10,
    });
    expect(creditNoteText(april.credit, "nb")).toContain("Kvartalet så langt (april 2026): driftstid 720 t, nedetid 10 t");
    expect(creditNoteText(april.credit, "en")).toContain("Quarter so far (April 2026): operating time 720 h, downtime 10 h");

    const may = await report(c, "2026-05");
    expect(may.uptime.downtimeMinutes).toBe(18 * 60);
    expect(may.credit).toMatchObject({ percent: null, amountOre: null, lines: [] });
    expect(may.credit.servicePeriod).toMatchObject({ monthsSoFar: ["2026-04", "2026-05"], settles: false, downtimeHours: 28 });
    // The month's CSV says why there is no credit line.
    expect(reportCsv(may, "en")).toContain("Quarter so far (April 2026, May 2026)");

    const june = await report(c, "2026-06");
    expect(june.uptime.downtimeMinutes).toBe(0);
    const expected = computeServicePeriodRefund(SODVIN_AZURE_CREDIT, { periodFee: 3 * FEE, months: [hoursOf(april), hoursOf(may), hoursOf(june)] });
    expect(expected.downtimeHours).toBe(28);
    expect(expected.amount).toBeGreaterThan(0);
    expect(june.credit.percent).toBe(expected.percent);
    expect(june.credit.amountOre).toBe(Math.round(expected.amount!));
    expect(june.credit.lines).toEqual(expected.lines.map((l) => ({ label: l.label, reason: l.reason, percent: l.percent, amountOre: Math.round(l.amount) })));
    expect(june.credit.servicePeriod).toMatchObject({
      monthsSoFar: ["2026-04", "2026-05", "2026-06"],
      settles: true,
      periodFeeOre: 3 * FEE,
      downtimeHours: 28,
      operatingHours: expected.operatingHours,
    });
    // Month by month June alone would refund nothing: the quarter is what counts.
    expect(computeCredit(SODVIN_AZURE_CREDIT, { monthlyFee: FEE, ...hoursOf(june) }).amount).toBe(0);
    expect(creditNoteText(june.credit, "nb")).toContain(`V = 3 × månedspris = ${formatKroner(3 * FEE, "nb")}`);
    expect(creditNoteText(june.credit, "en")).toContain(`V = 3 × monthly fee = ${formatKroner(3 * FEE, "en")}`);
    const csv = reportCsv(june, "nb");
    expect(csv).toContain("R = V · (1 − (D − N) / D / O)");
    expect(csv).toContain("nedetid N = 28 t summert over kvartalets måneder");
  });

  it("a quarter without downtime refunds nothing, and a customer without a fee gets the percentage only", async () => {
    const c = await sodvinCustomer(null);
    const june = await report(c, "2026-06");
    expect(june.credit).toMatchObject({ percent: 0, amountOre: null });
    expect(june.credit.servicePeriod).toMatchObject({ settles: true, periodFeeOre: null, downtimeHours: 0 });
    expect(creditNoteText(june.credit, "en")).toContain("The refund covers the whole quarter");
  });
});
