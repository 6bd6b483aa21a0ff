import { describe, expect, it } from "vitest";
import { validateAgreementVersion } from "./agreement";
import { addBusinessMinutes } from "./business-time";
import { compileCalendar } from "./calendar";
import { computeCredit } from "./credit";
import { expandMaintenanceWindows } from "./maintenance";
import { NETTSOFT_MOBILE, SODVIN_AZURE, SODVIN_AZURE_CREDIT } from "./presets";
import { computeServicePeriodRefund, servicePeriodMonths } from "./service-period";
import { at } from "./test-helpers";

const iso = (d: Date) => d.toISOString();

describe("Nettsoft mobile MBN/BN preset (SLA-RULES.md §2: 60 min on working days 08–16; 002 §2.6–2.7)", () => {
  const v = NETTSOFT_MOBILE.versions[0]!;
  it("§2: every priority has 60 business minutes on weekdays 08:00–16:00 Europe/Oslo, Norwegian holidays closed", () => {
    expect(() => validateAgreementVersion(v)).not.toThrow();
    for (const p of ["P1", "P2", "P3", "P4"] as const) {
      expect(v.targets[p]?.minutes).toBe(60);
      expect(v.targets[p]?.calendar).toEqual({
        timeZone: "Europe/Oslo",
        weekly: { mon: [["08:00", "16:00"]], tue: [["08:00", "16:00"]], wed: [["08:00", "16:00"]], thu: [["08:00", "16:00"]], fri: [["08:00", "16:00"]] },
        holidays: { country: "NO" },
      });
    }
  });
  it("§2: registered Friday 15:30 Oslo is due Monday 08:30; on Ascension Day (14 May 2026, closed) it waits for Friday", () => {
    const cal = compileCalendar(v.targets.P1!.calendar);
    expect(iso(addBusinessMinutes(cal, at("2026-11-27T14:30:00Z"), 60))).toBe("2026-11-30T07:30:00.000Z");
    expect(iso(addBusinessMinutes(cal, at("2026-05-14T08:00:00Z"), 60))).toBe("2026-05-15T07:00:00.000Z");
    // exactly at 16:00 the office is closed: 60 minutes from 15:00 end at 16:00 the same day
    expect(iso(addBusinessMinutes(cal, at("2026-11-30T14:00:00Z"), 60))).toBe("2026-11-30T15:00:00.000Z");
  });
});

describe("Sodvin Azure preset (SLA-RULES.md §4; 001 §7.2, Bilag 1)", () => {
  const v = SODVIN_AZURE.versions[0]!;
  it("§4: the credit is the refund formula over a quarterly service period; the version validates", () => {
    expect(() => validateAgreementVersion(v)).not.toThrow();
    expect(v.credit).toEqual({ kind: "sodvin_refund", agreedUptime: 0.995, servicePeriod: "quarter" });
  });
  it("§4: planned maintenance is the night to the third Tuesday 00:00–06:00 (Oslo), one window a month", () => {
    expect(SODVIN_AZURE.uptime?.maintenance).toHaveLength(1);
    const rule = SODVIN_AZURE.uptime!.maintenance[0]!;
    // 2026: third Tuesdays are 20 Jan (UTC+1) and 16 Jun (UTC+2)
    expect(expandMaintenanceWindows(rule, { from: at("2025-12-31T23:00:00Z"), to: at("2026-01-31T23:00:00Z") }).map((w) => [iso(w.from), iso(w.to)])).toEqual([
      ["2026-01-19T23:00:00.000Z", "2026-01-20T05:00:00.000Z"],
    ]);
    expect(expandMaintenanceWindows(rule, { from: at("2026-05-31T22:00:00Z"), to: at("2026-06-30T22:00:00Z") }).map((w) => [iso(w.from), iso(w.to)])).toEqual([
      ["2026-06-15T22:00:00.000Z", "2026-06-16T04:00:00.000Z"],
    ]);
  });
  it("§4: R = V · (1 − (D − N) / D / O): V 30 000, D 2 160 h, N 21.6 h, O 0.995 → 150.75", () => {
    const r = computeCredit(SODVIN_AZURE_CREDIT, { monthlyFee: 30_000, operatingHours: 2160, downtimeHours: 21.6 });
    expect(r.amount).toBe(150.75);
    expect(r.percent).toBeCloseTo((1 - 0.99 / 0.995) * 100, 10);
  });
  it("§4: at or above the agreed uptime there is no refund (never a charge)", () => {
    expect(computeCredit(SODVIN_AZURE_CREDIT, { monthlyFee: 30_000, operatingHours: 2160, downtimeHours: 10.8 }).amount).toBe(0);
    expect(computeCredit(SODVIN_AZURE_CREDIT, { monthlyFee: 30_000, operatingHours: 2160, downtimeHours: 0 }).amount).toBe(0);
  });
});

describe("Sodvin's service period (001 §7.2: TP quarterly unless the appendices say otherwise)", () => {
  it("the quarter of a month", () => {
    expect(servicePeriodMonths("2026-05", "quarter")).toEqual(["2026-04", "2026-05", "2026-06"]);
    expect(servicePeriodMonths("2026-12", "quarter")).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(servicePeriodMonths("2026-01", "quarter")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(servicePeriodMonths("2026-05", "month")).toEqual(["2026-05"]);
    expect(servicePeriodMonths("2026-05", undefined)).toEqual(["2026-05"]);
    expect(() => servicePeriodMonths("2026-13", "quarter")).toThrow(/month: expected YYYY-MM/);
  });
  it("D and N are summed over the quarter: 21.6 h down in January of 2 160 h gives 150.75 of 30 000, not January's own month", () => {
    const quarter = computeServicePeriodRefund(SODVIN_AZURE_CREDIT, {
      periodFee: 30_000,
      months: [
        { month: "2026-01", operatingHours: 744, downtimeHours: 21.6 },
        { month: "2026-02", operatingHours: 672, downtimeHours: 0 },
        { month: "2026-03", operatingHours: 744, downtimeHours: 0 },
      ],
    });
    expect(quarter).toMatchObject({ months: ["2026-01", "2026-02", "2026-03"], operatingHours: 2160, downtimeHours: 21.6, amount: 150.75 });
    // the same downtime measured over January alone (a third of the fee) would give more
    const january = computeCredit(SODVIN_AZURE_CREDIT, { monthlyFee: 10_000, operatingHours: 744, downtimeHours: 21.6 });
    expect(january.amount).toBeGreaterThan(quarter.amount!);
  });
  it("every month of the service period must be given exactly once", () => {
    expect(() => computeServicePeriodRefund(SODVIN_AZURE_CREDIT, { periodFee: 30_000, months: [{ month: "2026-01", operatingHours: 744, downtimeHours: 0 }] })).toThrow(
      /months: expected the months 2026-01, 2026-02, 2026-03/,
    );
    expect(() => computeServicePeriodRefund(SODVIN_AZURE_CREDIT, { periodFee: 30_000, months: [] })).toThrow(/months/);
  });
});
