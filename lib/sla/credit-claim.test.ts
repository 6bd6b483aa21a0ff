import { describe, expect, it } from "vitest";
import { creditClaimDeadline, creditClaimStatus, type CreditClaimInput } from "./credit-claim";
import { NETPOWER_CREDIT, PURESERVICE_CREDIT } from "./presets";
import { at } from "./test-helpers";

// March 2026 in Oslo: ends 2026-03-31T22:00Z. The last downtime ended 2026-03-10T12:00Z.
const base: CreditClaimInput = {
  scheme: PURESERVICE_CREDIT,
  creditAmount: 2500,
  creditPercent: 25,
  lastDowntimeEnd: at("2026-03-10T12:00:00Z"),
  periodEnd: at("2026-03-31T22:00:00Z"),
  claimedAt: null,
  now: at("2026-03-20T12:00:00Z"),
};

describe("Pureservice claim rule (SLA-RULES.md §4, 003 §4.3: claim within 4 weeks of the downtime)", () => {
  it("the deadline is 28 days after the end of the last counted downtime", () => {
    expect(creditClaimDeadline(PURESERVICE_CREDIT, base.lastDowntimeEnd, base.periodEnd)?.toISOString()).toBe("2026-04-07T12:00:00.000Z");
    // downtime still going on at the month's end counts to the end
    expect(creditClaimDeadline(PURESERVICE_CREDIT, at("2026-04-02T00:00:00Z"), base.periodEnd)?.toISOString()).toBe("2026-04-28T22:00:00.000Z");
    expect(creditClaimDeadline(PURESERVICE_CREDIT, null, base.periodEnd)?.toISOString()).toBe("2026-04-28T22:00:00.000Z");
  });
  it("claimed in time: credited (a claim exactly at the deadline is in time)", () => {
    expect(creditClaimStatus({ ...base, claimedAt: at("2026-03-25T09:00:00Z"), now: at("2026-05-01T00:00:00Z") }).state).toBe("claimed");
    expect(creditClaimStatus({ ...base, claimedAt: at("2026-04-07T12:00:00Z"), now: at("2026-05-01T00:00:00Z") }).state).toBe("claimed");
  });
  it("not claimed: open until the deadline, forfeited strictly after it", () => {
    expect(creditClaimStatus({ ...base, now: at("2026-04-07T12:00:00Z") })).toEqual({ state: "open", deadline: at("2026-04-07T12:00:00Z") });
    expect(creditClaimStatus({ ...base, now: at("2026-04-07T12:00:00.001Z") }).state).toBe("forfeited");
  });
  it("a claim after the deadline does not revive the credit", () => {
    expect(creditClaimStatus({ ...base, claimedAt: at("2026-04-08T00:00:00Z"), now: at("2026-04-09T00:00:00Z") }).state).toBe("forfeited");
  });
  it("no credit: nothing to claim; no fee known but a percentage owed: still to claim", () => {
    expect(creditClaimStatus({ ...base, creditAmount: 0, creditPercent: 0 }).state).toBe("nothing_to_claim");
    expect(creditClaimStatus({ ...base, creditAmount: null, creditPercent: 25 }).state).toBe("open");
    expect(creditClaimStatus({ ...base, creditAmount: null, creditPercent: null }).state).toBe("nothing_to_claim");
  });
  it("a scheme without a claim rule credits automatically", () => {
    expect(creditClaimStatus({ ...base, scheme: NETPOWER_CREDIT })).toEqual({ state: "automatic", deadline: null });
    expect(creditClaimStatus({ ...base, scheme: { kind: "none" } })).toEqual({ state: "automatic", deadline: null });
  });
});
