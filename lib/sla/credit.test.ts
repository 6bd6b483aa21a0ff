import { describe, expect, it } from "vitest";
import { computeCredit, type CreditScheme } from "./credit";
import { SlaInputError } from "./errors";
import { NETPOWER_CREDIT, NETTSOFT_CREDIT, PURESERVICE_CREDIT, sodvinRefund } from "./presets";

const fee = 10_000;

describe("Netpower: 5 % per breached condition, capped at 15 %", () => {
  it("no breach: both lines shown at 0 %", () => {
    expect(computeCredit(NETPOWER_CREDIT, { withinTargetPercent: 92, uptimePercent: 99.9, monthlyFee: fee })).toMatchObject({
      percent: 0,
      amount: 0,
      lines: [
        { label: "response: 92 % within target (required 90 %)", percent: 0, amount: 0 },
        { label: "uptime: 99.9 % (required 99.8 %)", percent: 0, amount: 0 },
      ],
    });
  });
  it("exactly 90 % and 99.8 % pass", () => {
    expect(computeCredit(NETPOWER_CREDIT, { withinTargetPercent: 90, uptimePercent: 99.8, monthlyFee: fee }).percent).toBe(0);
  });
  it("one breach: 5 %", () => {
    const r = computeCredit(NETPOWER_CREDIT, { withinTargetPercent: 85, uptimePercent: 99.9, monthlyFee: fee });
    expect(r.percent).toBe(5);
    expect(r.amount).toBe(500);
    expect(r.lines[0]).toEqual({ label: "response: 85 % within target, below 90 %", reason: { code: "response_below", within: 85, required: 90 }, percent: 5, amount: 500 });
  });
  it("both breached: 10 %", () => {
    const r = computeCredit(NETPOWER_CREDIT, { withinTargetPercent: 85, uptimePercent: 99.7, monthlyFee: fee });
    expect([r.percent, r.amount]).toEqual([10, 1000]);
  });
  it("the cap shows as its own line", () => {
    const r = computeCredit({ ...NETPOWER_CREDIT, perBreachPercent: 10 }, { withinTargetPercent: 50, uptimePercent: 90, monthlyFee: fee });
    expect(r.percent).toBe(15);
    expect(r.amount).toBe(1500);
    expect(r.lines.map((l) => [l.percent, l.amount])).toEqual([
      [10, 1000],
      [10, 1000],
      [-5, -500],
    ]);
    expect(r.lines[2]!.label).toBe("capped at 15 % per month");
  });
  it("missing inputs are rejected", () => {
    expect(() => computeCredit(NETPOWER_CREDIT, { uptimePercent: 99.9, monthlyFee: fee })).toThrow(/withinTargetPercent: expected a percentage/);
    expect(() => computeCredit(NETPOWER_CREDIT, { withinTargetPercent: 90, uptimePercent: 101, monthlyFee: fee })).toThrow(/uptimePercent/);
    expect(() => computeCredit(NETPOWER_CREDIT, { withinTargetPercent: 90, uptimePercent: 99, monthlyFee: -1 })).toThrow(/monthlyFee/);
  });
});

describe("Pureservice uptime tiers", () => {
  const cases: Array<[number, number]> = [
    [100, 0],
    [99.5, 0],
    [99.49, 25],
    [99, 25],
    [98.99, 50],
    [95, 50],
    [94.99, 100],
    [0, 100],
  ];
  for (const [uptime, percent] of cases) {
    it(`${uptime} % → ${percent} %`, () => {
      const r = computeCredit(PURESERVICE_CREDIT, { uptimePercent: uptime, monthlyFee: fee });
      expect(r.percent).toBe(percent);
      expect(r.amount).toBe((fee * percent) / 100);
      expect(r.undefinedGap).toBeUndefined();
    });
  }
  it("never above the monthly fee: a tier above 100 % is rejected, a lower cap shows as a line", () => {
    expect(() => computeCredit({ ...PURESERVICE_CREDIT, tiers: [{ percent: 120 }] } as CreditScheme, { uptimePercent: 50, monthlyFee: fee })).toThrow(
      /credit.tiers\[0\]\.percent: expected a percentage 0–100, got 120/,
    );
    const r = computeCredit({ ...PURESERVICE_CREDIT, capPercent: 30 } as CreditScheme, { uptimePercent: 98, monthlyFee: fee });
    expect([r.percent, r.amount]).toEqual([30, 3000]);
    expect(r.lines.map((l) => [l.label, l.percent])).toEqual([
      ["uptime 98 %: tier 95 % ≤ uptime < 99 % → 50 %", 50],
      ["capped at 30 % of the monthly fee", -20],
    ]);
  });
});

describe("Nettsoft uptime tiers with the 95–96 % gap", () => {
  const cases: Array<[number, number]> = [
    [99.5, 0],
    [99.49, 10],
    [98, 10],
    [97.5, 20],
    [96, 30],
    [94.99, 40],
  ];
  for (const [uptime, percent] of cases) {
    it(`${uptime} % → ${percent} %`, () => {
      expect(computeCredit(NETTSOFT_CREDIT, { uptimePercent: uptime, monthlyFee: fee }).percent).toBe(percent);
    });
  }
  it("95 % ≤ uptime < 96 % is reported as undefined, not guessed", () => {
    for (const uptime of [95, 95.5, 95.99]) {
      const r = computeCredit(NETTSOFT_CREDIT, { uptimePercent: uptime, monthlyFee: fee });
      expect(r.percent).toBeNull();
      expect(r.amount).toBeNull();
      expect(r.undefinedGap).toBe(true);
      expect(r.lines[0]!.label).toContain("falls in 95–96 %, which the agreement leaves undefined");
    }
  });
});

describe("Sodvin refund R = V · (1 − (D − N) / D / O)", () => {
  it("from operating and downtime hours", () => {
    const r = computeCredit(sodvinRefund(0.995), { operatingHours: 720, downtimeHours: 7.2, monthlyFee: fee });
    expect(r.percent).toBeCloseTo((1 - 0.99 / 0.995) * 100, 12);
    expect(r.amount).toBe(50.25);
    expect(r.lines).toHaveLength(1);
  });
  it("at or above the agreed uptime there is no refund, never a negative one", () => {
    const r = computeCredit(sodvinRefund(0.995), { operatingHours: 720, downtimeHours: 1, monthlyFee: fee });
    expect([r.percent, r.amount]).toEqual([0, 0]);
    expect(r.lines[1]!.label).toBe("availability at or above the agreed level: no refund");
  });
  it("from an uptime percentage", () => {
    expect(computeCredit(sodvinRefund(0.99), { uptimePercent: 0, monthlyFee: fee }).amount).toBe(fee);
  });
  it("rejects O outside (0, 1) and N > D", () => {
    expect(() => computeCredit(sodvinRefund(1.5), { uptimePercent: 99, monthlyFee: fee })).toThrow(/credit.agreedUptime/);
    expect(() => computeCredit(sodvinRefund(0.99), { operatingHours: 10, downtimeHours: 11, monthlyFee: fee })).toThrow(/downtimeHours/);
  });
});

describe("scheme validation", () => {
  it("rejects overlapping tiers and unknown kinds", () => {
    const overlapping: CreditScheme = {
      kind: "uptime_tiers",
      capPercent: 100,
      tiers: [
        { minUptimePercent: 90, percent: 0 },
        { belowUptimePercent: 95, percent: 10 },
      ],
    };
    expect(() => computeCredit(overlapping, { uptimePercent: 99, monthlyFee: fee })).toThrow(/credit.tiers: tiers overlap/);
    expect(() => computeCredit({ kind: "bonus" } as unknown as CreditScheme, { monthlyFee: fee })).toThrow(SlaInputError);
  });
});
