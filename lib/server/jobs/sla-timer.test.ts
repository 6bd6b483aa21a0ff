import { describe, expect, it } from "vitest";
import { slaTimerFiresAt, TIMER_GRID_MS } from "./sla-timer";

describe("slaTimerFiresAt", () => {
  const at = (iso: string) => Date.parse(iso);
  it("releases a warning at its instant when that is on the grid, otherwise at the next step", () => {
    expect(slaTimerFiresAt({ kind: "warning", at: "2026-11-24T08:00:00.000Z" })).toBe(at("2026-11-24T08:00:00.000Z"));
    expect(slaTimerFiresAt({ kind: "warning", at: "2026-11-24T08:00:00.001Z" })).toBe(at("2026-11-24T08:00:00.000Z") + TIMER_GRID_MS);
  });

  it("releases a breach strictly after its instant, never more than one step late", () => {
    expect(slaTimerFiresAt({ kind: "breach", at: "2026-11-24T10:00:00.000Z" })).toBe(at("2026-11-24T10:00:00.000Z") + TIMER_GRID_MS);
    expect(slaTimerFiresAt({ kind: "breach", at: "2026-11-24T10:00:00.049Z" })).toBe(at("2026-11-24T10:00:00.050Z"));
    for (let ms = 0; ms < 200; ms++) {
      const due = at("2026-11-24T10:00:00.000Z") + ms;
      const fires = slaTimerFiresAt({ kind: "breach", at: new Date(due).toISOString() });
      expect(fires).toBeGreaterThan(due);
      expect(fires - due).toBeLessThanOrEqual(TIMER_GRID_MS);
      expect(fires % TIMER_GRID_MS).toBe(0);
    }
  });
});
