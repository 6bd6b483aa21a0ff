import { describe, expect, it } from "vitest";
import type { ReportFigures } from "./figures";
import { withinTargetText } from "./within-target-text";

const figures = (met: number, breached: number, percent: number, passes: boolean): Pick<ReportFigures, "tickets" | "thresholdPercent"> => ({
  thresholdPercent: 90,
  tickets: { registered: met + breached + 3, measured: met + breached, met, breached, pending: 1, excluded: 1, notCovered: 1, percent, passes },
});

describe("withinTargetText", () => {
  it("a month with no measured tickets says so in Norwegian and English, not 100 % (0 of 0)", () => {
    const none = figures(0, 0, 100, true);
    const nb = withinTargetText(none, "nb");
    const en = withinTargetText(none, "en");
    expect(nb).toMatchObject({ label: "Innenfor responstid", value: "Ingen målte saker", good: null });
    expect(nb.detail).toMatch(/^Ingen sak ble besvart eller brøt responstiden denne måneden/);
    expect(nb.detail).toContain("Ikke talt med: 1 venter, 1 unntatt, 1 ikke dekket.");
    expect(en).toMatchObject({ label: "Within response time", value: "No measured tickets", good: null });
    expect(en.detail).toMatch(/^No ticket was answered or breached its response time this month/);
    for (const text of [nb, en]) {
      expect(`${text.value} ${text.detail}`).not.toMatch(/100|0 av 0|0 of 0/);
    }
  });

  it("a measured month shows the share, its counts and whether it met the requirement", () => {
    const nb = withinTargetText(figures(9, 1, 90, true), "nb");
    expect(nb).toMatchObject({ value: "90 %", good: true });
    expect(nb.detail).toBe("9 av 10 målte saker (krav 90 %). Ikke talt med: 1 venter, 1 unntatt, 1 ikke dekket.");
    const en = withinTargetText(figures(17, 3, 85, false), "en");
    expect(en).toMatchObject({ label: "Within response time", good: false });
    expect(en.detail).toBe("17 of 20 measured tickets (required 90 %). Not counted: 1 pending, 1 excluded, 1 not covered.");
  });
});
