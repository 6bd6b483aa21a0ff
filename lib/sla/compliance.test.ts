import { describe, expect, it } from "vitest";
import { computeCompliance } from "./compliance";

describe("computeCompliance", () => {
  it("9 of 10 met is 90 % and passes a 90 % rule; excluded tickets are listed, not counted", () => {
    const tickets = [
      ...Array.from({ length: 9 }, (_, i) => ({ id: `m${i}`, state: "met" as const })),
      { id: "b1", state: "breached" as const },
      { id: "x1", state: "excluded" as const, excludedReason: "SCIM sync fault" },
      { id: "x2", state: "met" as const, excludedReason: "customer identity environment" },
      { id: "n1", state: "not_covered" as const },
      { id: "r1", state: "running" as const },
    ];
    expect(computeCompliance(tickets, 90)).toEqual({
      measured: 10,
      met: 9,
      breached: 1,
      percent: 90,
      passes: true,
      excluded: [
        { id: "x1", reason: "SCIM sync fault" },
        { id: "x2", reason: "customer identity environment" },
        { id: "n1", reason: "priority not covered by the agreement" },
      ],
      pending: ["r1"],
      breachedIds: ["b1"],
    });
  });
  it("8 of 10 fails", () => {
    const r = computeCompliance([...Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, state: "met" as const })), { id: "b1", state: "breached" }, { id: "b2", state: "breached" }], 90);
    expect([r.percent, r.passes]).toEqual([80, false]);
  });
  it("a month with no measured tickets is 100 % and passes", () => {
    expect(computeCompliance([], 90)).toMatchObject({ measured: 0, percent: 100, passes: true });
  });
  it("rejects duplicates and bad thresholds", () => {
    expect(() =>
      computeCompliance(
        [
          { id: "a", state: "met" },
          { id: "a", state: "met" },
        ],
        90,
      ),
    ).toThrow(/tickets\[1\]\.id: ticket a is listed twice/);
    expect(() => computeCompliance([], 190)).toThrow(/minWithinTargetPercent/);
  });
});
