import { describe, expect, it } from "vitest";
import { diffVersionTerms, type VersionTerms } from "./version-diff";

const current: VersionTerms = {
  targets: { P1: { minutes: 240, calendar: "Office" }, P2: { minutes: 240, calendar: "Office" }, P3: { minutes: 240, calendar: "Office" }, P4: { minutes: 240, calendar: "Office" } },
  warningPercents: [50, 75, 90],
  minWithinTargetPercent: 90,
};

describe("diffVersionTerms: what a new version will change", () => {
  it("the same terms: no difference (threshold order does not matter)", () => {
    expect(diffVersionTerms(current, { ...current, warningPercents: [90, 50, 75] })).toEqual([]);
  });
  it("Pureservice 4 h → 2 h (004 change log): four target lines, nothing else", () => {
    const proposed: VersionTerms = { ...current, targets: Object.fromEntries(Object.entries(current.targets).map(([p, t]) => [p, { ...t!, minutes: 120 }])) };
    expect(diffVersionTerms(current, proposed)).toEqual(["P1", "P2", "P3", "P4"].map((p) => ({ field: `targets.${p}.minutes`, before: "240", after: "120" })));
  });
  it("a calendar change, a priority no longer covered, thresholds, compliance", () => {
    const proposed: VersionTerms = {
      targets: { P1: { minutes: 240, calendar: "24/7" }, P2: { minutes: 240, calendar: "Office" }, P3: { minutes: 240, calendar: "Office" }, P4: null },
      warningPercents: [75, 90],
      minWithinTargetPercent: 95,
    };
    expect(diffVersionTerms(current, proposed)).toEqual([
      { field: "targets.P1.calendar", before: "Office", after: "24/7" },
      { field: "targets.P4.minutes", before: "240", after: null },
      { field: "warningPercents", before: "50, 75, 90", after: "75, 90" },
      { field: "minWithinTargetPercent", before: "90", after: "95" },
    ]);
  });
  it("credit scheme and escalation rules when the new version sets them", () => {
    const a: VersionTerms = { ...current, credit: { kind: "none" }, escalation: { warning: ["assignee"], breach: ["assignee", "lineLead"], moveToNextLine: false } };
    const b: VersionTerms = {
      ...a,
      credit: { kind: "sodvin_refund", agreedUptime: 0.995, servicePeriod: "quarter" },
      escalation: { warning: ["assignee"], breach: ["lineLead", "assignee"], moveToNextLine: true },
    };
    expect(diffVersionTerms(a, b)).toEqual([
      { field: "credit", before: "none", after: 'sodvin_refund {"agreedUptime":0.995,"servicePeriod":"quarter"}' },
      { field: "escalation.moveToNextLine", before: "false", after: "true" },
    ]);
  });
  it("a Netpower scheme given a Pureservice claim rule: the claim rule alone differs", () => {
    const netpower = { kind: "netpower", perBreachPercent: 5, capPercent: 15, minWithinTargetPercent: 90, minUptimePercent: 99.8 } as const;
    const a: VersionTerms = { ...current, credit: netpower };
    expect(diffVersionTerms(a, { ...a, credit: { ...netpower, claimWithinDays: 28 } })).toEqual([{ field: "credit.claimWithinDays", before: "", after: "28" }]);
    expect(diffVersionTerms({ ...a, credit: { ...netpower, claimWithinDays: 28 } }, { ...a, credit: { ...netpower, capPercent: 20, claimWithinDays: 28 } })).toEqual([
      {
        field: "credit",
        before: 'netpower {"capPercent":15,"minUptimePercent":99.8,"minWithinTargetPercent":90,"perBreachPercent":5}',
        after: 'netpower {"capPercent":20,"minUptimePercent":99.8,"minWithinTargetPercent":90,"perBreachPercent":5}',
      },
    ]);
  });
  it("tiered uptime → none: the scheme and its claim rule go", () => {
    const a: VersionTerms = { ...current, credit: { kind: "uptime_tiers", tiers: [{ minUptimePercent: 99, belowUptimePercent: 99.5, percent: 25 }], capPercent: 100, claimWithinDays: 28 } };
    expect(diffVersionTerms(a, { ...a, credit: { kind: "none" } })).toEqual([
      { field: "credit", before: 'uptime_tiers {"capPercent":100,"tiers":[{"belowUptimePercent":99.5,"minUptimePercent":99,"percent":25}]}', after: "none" },
      { field: "credit.claimWithinDays", before: "28", after: "" },
    ]);
  });
  it("the same scheme read back with its keys in another order (jsonb): no difference", () => {
    const typed: VersionTerms = { ...current, credit: { kind: "uptime_tiers", tiers: [{ minUptimePercent: 99, belowUptimePercent: 99.5, percent: 25 }], capPercent: 100 } };
    const stored = JSON.parse('{"kind":"uptime_tiers","capPercent":100,"tiers":[{"percent":25,"belowUptimePercent":99.5,"minUptimePercent":99}]}');
    expect(diffVersionTerms({ ...current, credit: stored }, typed)).toEqual([]);
  });
  it("Sodvin's refund without a service period reads as per month", () => {
    const a: VersionTerms = { ...current, credit: { kind: "sodvin_refund", agreedUptime: 0.995 } };
    expect(diffVersionTerms(a, { ...a, credit: { kind: "sodvin_refund", agreedUptime: 0.995, servicePeriod: "month" } })).toEqual([]);
    expect(diffVersionTerms(a, { ...a, credit: { kind: "sodvin_refund", agreedUptime: 0.995, servicePeriod: "quarter" } })).toHaveLength(1);
  });
  it("no credit scheme proposed (a caller that does not set it): no credit difference", () => {
    expect(diffVersionTerms({ ...current, credit: { kind: "sodvin_refund", agreedUptime: 0.995 } }, current)).toEqual([]);
  });
});
